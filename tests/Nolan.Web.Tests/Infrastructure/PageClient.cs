using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Nolan.Web.Tests.Infrastructure;

/// <summary>Drives pages like a browser without JavaScript: GET a form, then POST it with its antiforgery token.</summary>
public sealed class PageClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    public async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(string url)
    {
        var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return (response, await Parser.ParseDocumentAsync(html));
    }

    /// <summary>GETs <paramref name="url"/> to obtain its antiforgery token, then POSTs the fields to it (or to <paramref name="postUrl"/>).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? postUrl = null)
    {
        var (_, doc) = await GetAsync(url);
        var token = doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        var form = new Dictionary<string, string>(fields);
        if (token is not null)
        {
            form["__RequestVerificationToken"] = token;
        }

        using var content = new FormUrlEncodedContent(form);
        return await http.PostAsync(new Uri(postUrl ?? url, UriKind.Relative), content);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public void Dispose() => http.Dispose();
}
