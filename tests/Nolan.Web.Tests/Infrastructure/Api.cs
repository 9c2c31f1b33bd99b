using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Nolan.Web.Tests.Infrastructure;

/// <summary>Small helpers for API tests.</summary>
public static class Api
{
    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string raw, string contentType = "application/json")
    {
        using var content = new StringContent(raw, Encoding.UTF8, contentType);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());

    /// <summary>Asserts the status and that the body is RFC 9457 problem details; returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        return json;
    }

    public static async Task<Guid> CouncilIdAsync(this NolanFactory f, string slug) =>
        await f.WithDbAsync(db => db.Councils.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

    public static async Task<Guid> MemberIdAsync(this NolanFactory f, string email) =>
        await f.WithDbAsync(db => (from a in db.Accounts join m in db.Members on a.Id equals m.AccountId where a.Email == email select m.Id).FirstAsync());

    public static async Task<Guid> OfficerIdAsync(this NolanFactory f, string email) =>
        await f.WithDbAsync(db => (from a in db.Accounts join o in db.Officers on a.Id equals o.AccountId where a.Email == email select o.Id).SingleAsync());

    public static async Task<Guid> ServiceIdAsync(this NolanFactory f, string slug, string name) =>
        await f.WithDbAsync(db => (from s in db.Services
                                   join c in db.Councils on s.CouncilId equals c.Id
                                   where c.Slug == slug && s.Name == name
                                   select s.Id).SingleAsync());

    public static async Task<Guid> WardIdAsync(this NolanFactory f, string slug) =>
        await f.WithDbAsync(db => (from w in db.Wards
                                   join c in db.Councils on w.CouncilId equals c.Id
                                   where c.Slug == slug
                                   orderby w.Name
                                   select w.Id).FirstAsync());

    /// <summary>Logs an enquiry through the API as <paramref name="client"/>; asserts 201 and returns the body.</summary>
    public static async Task<JsonElement> LogAsync(this HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/v1/enquiries", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
