using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Audit;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Resilience;

/// <summary>
/// Malformed input, generated from a fixed seed and bounded in number: every API route in the OpenAPI document and
/// every form Nolan shows is sent bodies of the wrong shape, type, encoding and size, by people who may and may not use
/// them. Nothing may answer 5xx, an API refusal is a problem document, and afterwards the audit trail (with every
/// casework row against its last audited state) still verifies: bad input is refused whole, never half-written.
/// </summary>
public sealed class FuzzTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private const int BodiesPerRoute = 24;
    private const int PostsPerForm = 12;

    private static readonly string[] Texts =
    [
        "", " ", "\u0000", "a\u0000b", "\uFFFF", "\u202Eevil", "😀", "{{name}}", "NOLANVALUE0X", "<script>alert(1)</script>",
        "'; DROP TABLE enquiries; --", "../../etc/passwd", "%00", "2026-02-30", "9999-12-31", "-1", "1e309", "0x10",
        "true", "null", "00000000-0000-0000-0000-000000000000", new string('x', 5_000), new string('y', 70_000), "\r\n\t",
    ];

    [Fact]
    public async Task EveryApiRoute_MalformedBodies_No5xx_ProblemDetails_AuditStillVerifies()
    {
        var random = new Random(20261202);
        var (hub, manager, member, ids) = await SetUpAsync();
        var doc = await (await f.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).JsonAsync();
        var failures = new List<string>();
        var sent = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                var fields = FieldsOf(doc, op.Value);
                for (var i = 0; i < BodiesPerRoute; i++)
                {
                    var client = (i % 3) switch { 0 => hub, 1 => manager, _ => member };
                    var url = path.Name.Replace("{id}", random.Next(4) == 0 ? Guid.NewGuid().ToString() : ids[random.Next(ids.Count)].ToString(), StringComparison.Ordinal);
                    url = url.Replace("{councilId}", await f.CouncilIdAsync("west-oxfordshire") is var c ? c.ToString() : "", StringComparison.Ordinal);
                    if (op.Name == "get")
                    {
                        url += "?" + string.Join("&", new[] { "scope", "stage", "page", "pageSize", "q" }.Select(k => $"{k}={Uri.EscapeDataString(Pick(random, Texts))}"));
                    }

                    using var request = new HttpRequestMessage(new HttpMethod(op.Name.ToUpperInvariant()), url);
                    if (op.Name != "get")
                    {
                        request.Content = Body(random, fields);
                        if (random.Next(3) == 0)
                        {
                            // What a client can send at all: no NUL or line breaks in a header.
                            var key = new string([.. Pick(random, Texts).Where(ch => ch is not ('\u0000' or '\r' or '\n'))]);
                            request.Headers.Add("Idempotency-Key", random.Next(2) == 0 ? Guid.NewGuid().ToString() : key[..Math.Min(300, key.Length)]);
                        }
                    }

                    HttpResponseMessage response;
                    try
                    {
                        response = await client.SendAsync(request);
                    }
                    catch (InvalidOperationException)
                    {
                        continue; // A header value HttpClient itself will not send.
                    }

                    sent++;
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                    {
                        failures.Add($"{op.Name.ToUpperInvariant()} {url} → {status}: {Shorten(await response.Content.ReadAsStringAsync())}");
                    }
                    else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        failures.Add($"{op.Name.ToUpperInvariant()} {url} → {status} as {response.Content.Headers.ContentType?.MediaType}, not problem details");
                    }
                }
            }
        }

        Assert.True(sent > 400, $"only {sent} requests sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} malformed requests went wrong:\n" + string.Join("\n", failures.Take(30)));
        var verified = await f.WithDbAsync(db => AuditChain.VerifyAsync(db, f.AuditTrust));
        Assert.True(verified.Ok, string.Join("\n", verified.Problems.Take(20)));
    }

    [Fact]
    public async Task EveryForm_MalformedPosts_No5xx_AuditStillVerifies()
    {
        var random = new Random(20261203);
        var (_, _, _, ids) = await SetUpAsync();
        var failures = new List<string>();
        var sent = 0;
        var people = new[] { "hub@west-oxfordshire.demo", "manager@west-oxfordshire.demo", "member@west-oxfordshire.demo" };
        foreach (var email in people)
        {
            using var page = await f.SignInAsync(email);
            var urls = new List<string> { "/enquiries/new", "/account/out-of-office", "/account/notifications", "/notifications" };
            foreach (var id in ids)
            {
                var (_, view) = await page.GetAsync($"/enquiries/{id}");
                urls.AddRange(view.QuerySelectorAll($"a[href^='/enquiries/{id}/']").Select(a => a.GetAttribute("href")!));
                urls.Add($"/enquiries/{id}");
            }

            foreach (var url in urls.Distinct())
            {
                var (get, form) = await page.GetAsync(url);
                if (get.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }

                var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
                var names = form.QuerySelectorAll("main form [name]").Select(e => e.GetAttribute("name")!).Where(n => n != "__RequestVerificationToken").Distinct().ToList();
                for (var i = 0; i < PostsPerForm; i++)
                {
                    var fields = names.Where(_ => random.Next(5) > 0).Select(n => new KeyValuePair<string, string>(n, Pick(random, Texts))).ToList();
                    fields.Add(new("__RequestVerificationToken", token));
                    var handler = url == $"/enquiries/{ids[0]}" || ids.Any(x => url == $"/enquiries/{x}") ? "?handler=accept" : "";
                    using var content = new FormUrlEncodedContent(fields);
                    var response = await page.Http.PostAsync(new Uri(url + handler, UriKind.Relative), content);
                    sent++;
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{email} POST {url}{handler} → {(int)response.StatusCode} with {string.Join("&", fields.Where(x => x.Key != "__RequestVerificationToken").Select(x => $"{x.Key}={Shorten(x.Value)}"))}");
                    }
                }
            }
        }

        Assert.True(sent > 100, $"only {sent} posts sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} malformed form posts went wrong:\n" + string.Join("\n", failures.Take(30)));
        var verified = await f.WithDbAsync(db => AuditChain.VerifyAsync(db, f.AuditTrust));
        Assert.True(verified.Ok, string.Join("\n", verified.Problems.Take(20)));
    }

    /// <summary>Three people of one council and a few enquiries in different states for the {id} routes.</summary>
    private async Task<(HttpClient Hub, HttpClient Manager, HttpClient Member, List<Guid> Ids)> SetUpAsync()
    {
        var hub = await f.ApiClientAsync("hub@west-oxfordshire.demo");
        var manager = await f.ApiClientAsync("manager@west-oxfordshire.demo");
        var member = await f.ApiClientAsync("member@west-oxfordshire.demo");
        var service = await f.ServiceIdAsync("west-oxfordshire", "Waste and recycling");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var e = await member.LogAsync(new { subject = $"Fuzz {i} {Guid.NewGuid()}", details = "d", serviceId = service, hasConstituentData = i == 1, urgentBecause = i == 2 ? "Flooding" : null });
            ids.Add(Guid.Parse(e.GetProperty("id").GetString()!));
        }

        return (hub, manager, member, ids);
    }

    /// <summary>The property names of an operation's JSON body, from its schema.</summary>
    private static List<string> FieldsOf(JsonElement doc, JsonElement op)
    {
        if (!op.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out var json)
            || !json.GetProperty("schema").TryGetProperty("$ref", out var reference))
        {
            return [];
        }

        var schema = doc.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        return schema.TryGetProperty("properties", out var properties) ? [.. properties.EnumerateObject().Select(p => p.Name)] : [];
    }

    private static HttpContent Body(Random r, List<string> fields)
    {
        switch (r.Next(8))
        {
            case 0:
                return new ByteArrayContent([0xC3, 0x28, 0xFF, 0xFE, (byte)'{']) { Headers = { ContentType = new("application/json") } };
            case 1:
                return new StringContent("{\"a\":1", Encoding.UTF8, "application/json");
            case 2:
                return new StringContent(Json(r, 0), Encoding.UTF8, r.Next(2) == 0 ? "text/plain" : "application/x-www-form-urlencoded");
            case 3:
                var bogus = new StringContent("{}", Encoding.UTF8);
                bogus.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=bogus");
                return bogus;
            case 4:
                return new StringContent(string.Concat(Enumerable.Repeat("[", 200)), Encoding.UTF8, "application/json");
            default:
                // The route's own fields with values of any type, and now and then a field it does not take.
                var parts = fields.Where(_ => r.Next(4) > 0).Select(n => $"\"{n}\":{Json(r, 1)}").ToList();
                if (r.Next(4) == 0)
                {
                    parts.Add($"\"unexpected\":{Json(r, 1)}");
                }

                return new StringContent("{" + string.Join(",", parts) + "}", Encoding.UTF8, "application/json");
        }
    }

    private static string Json(Random r, int depth) => r.Next(depth > 2 ? 6 : 9) switch
    {
        0 => "null",
        1 => r.Next(2) == 0 ? "true" : "false",
        2 => r.Next(-5, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        3 => Pick(r, ["1e999", "-0.0", "12345678901234567890", "3.5"]),
        4 or 5 => JsonSerializer.Serialize(Pick(r, Texts)),
        6 => "[" + string.Join(",", Enumerable.Range(0, r.Next(3)).Select(_ => Json(r, depth + 1))) + "]",
        7 => "{\"x\":" + Json(r, depth + 1) + "}",
        _ => "\"\\ud800\"",
    };

    private static string Pick(Random r, string[] from) => from[r.Next(from.Length)];

    private static string Shorten(string s) => s.Length > 200 ? s[..200] + "…" : s;
}
