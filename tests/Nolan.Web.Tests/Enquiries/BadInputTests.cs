using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Enquiries;

/// <summary>Bad input gets a clear 4xx problem, never a 500, and nothing is half-written.</summary>
public sealed class BadInputTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private async Task<(int Enquiries, int Audit)> CountsAsync() =>
        await f.WithDbAsync(async db => (await db.Enquiries.CountAsync(), await db.AuditEvents.CountAsync()));

    public static TheoryData<string, string> BadBodies => new()
    {
        { "empty subject", """{"subject":"","details":"x"}""" },
        { "missing details", """{"subject":"A subject"}""" },
        { "1 MB subject", "{\"subject\":\"" + new string('a', 1024 * 1024) + "\",\"details\":\"x\"}" },
        { "malformed JSON", """{"subject": "unterminated""" },
        { "wrong type", """{"subject": 42, "details": "x"}""" },
        { "unknown field", """{"subject":"s","details":"d","priority":"urgent"}""" },
        { "unknown channel", """{"subject":"s","details":"d","channel":"pigeon"}""" },
        { "unknown ward", """{"subject":"s","details":"d","wardId":"0195e4a0-0000-7000-8000-000000000000"}""" },
        { "unknown service", """{"subject":"s","details":"d","serviceId":"0195e4a0-0000-7000-8000-000000000000"}""" },
        { "bad guid", """{"subject":"s","details":"d","serviceId":"not-a-guid"}""" },
        { "JSON array", """[1,2,3]""" },
        { "null body", """null""" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task LogEnquiry_BadBody_400ProblemAndNothingWritten(string why, string body)
    {
        var api = await f.ApiClientAsync("member@southend-on-sea.demo");
        var before = await CountsAsync();
        var response = await api.PostRawAsync("/api/v1/enquiries", body);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out _), why);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task LogEnquiry_NotJson_415Problem()
    {
        var api = await f.ApiClientAsync("member@southend-on-sea.demo");
        var response = await api.PostRawAsync("/api/v1/enquiries", "subject=x", "application/x-www-form-urlencoded");
        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task LogEnquiry_ReceivedInFuture_400()
    {
        var api = await f.ApiClientAsync("hub@southend-on-sea.demo");
        var member = await f.MemberIdAsync("member@southend-on-sea.demo");
        var before = await CountsAsync();
        var response = await api.PostJsonAsync("/api/v1/enquiries", new
        {
            memberId = member,
            channel = "phone",
            subject = "s",
            details = "d",
            receivedAt = NolanFactory.DefaultNow.AddDays(2),
        });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("receivedAt", out _));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task LogEnquiry_MemberBackdatesReceipt_400()
    {
        var api = await f.ApiClientAsync("member@southend-on-sea.demo");
        var response = await api.PostJsonAsync("/api/v1/enquiries", new { subject = "s", details = "d", receivedAt = NolanFactory.DefaultNow.AddDays(-10) });
        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task LogEnquiry_WardOfAnotherCouncil_400()
    {
        var api = await f.ApiClientAsync("member@southend-on-sea.demo");
        var ward = await f.WardIdAsync("cambridge");
        var response = await api.PostJsonAsync("/api/v1/enquiries", new { subject = "s", details = "d", wardId = ward });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("wardId", out _));
    }

    [Fact]
    public async Task Action_MissingVersion_400()
    {
        var api = await f.ApiClientAsync("member@southend-on-sea.demo");
        var e = await api.LogAsync(new { subject = "s", details = "d" });
        var hub = await f.ApiClientAsync("hub@southend-on-sea.demo");
        var response = await hub.PostJsonAsync($"/api/v1/enquiries/{e.GetProperty("id").GetString()}/close", new { });
        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownEnquiry_404Problem()
    {
        var api = await f.ApiClientAsync("hub@southend-on-sea.demo");
        var response = await api.GetAsync(new Uri($"/api/v1/enquiries/{Guid.NewGuid()}", UriKind.Relative));
        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_UnknownScope_400()
    {
        var api = await f.ApiClientAsync("member@southend-on-sea.demo");
        var response = await api.GetAsync(new Uri("/api/v1/enquiries?scope=everything", UriKind.Relative));
        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task IdempotencyKey_SameRequestTwice_OneEnquirySameResponse()
    {
        var api = await f.ApiClientAsync("member@southend-on-sea.demo");
        var body = new { subject = "Idempotent", details = "Sent twice" };
        var key = Guid.NewGuid().ToString();
        var before = await CountsAsync();
        var first = await api.PostJsonAsync("/api/v1/enquiries", body, key);
        var second = await api.PostJsonAsync("/api/v1/enquiries", body, key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal((await first.JsonAsync()).GetProperty("id").GetString(), (await second.JsonAsync()).GetProperty("id").GetString());
        Assert.Equal(before.Enquiries + 1, (await CountsAsync()).Enquiries);
    }

    [Fact]
    public async Task IdempotencyKey_ReusedForDifferentRequest_422()
    {
        var api = await f.ApiClientAsync("member@southend-on-sea.demo");
        var key = Guid.NewGuid().ToString();
        await api.PostJsonAsync("/api/v1/enquiries", new { subject = "One", details = "d" }, key);
        var second = await api.PostJsonAsync("/api/v1/enquiries", new { subject = "Two", details = "d" }, key);
        await second.ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("accept", "{\"version\":1,\"body\":\"An answer the accept action does not take\"}", "body")]
    [InlineData("file-notes", "{\"text\":\"A note\",\"newDeadline\":\"2026-12-01\"}", "newDeadline")]
    [InlineData("close", "{\"version\":1,\"oral\":true}", "oral")]
    public async Task Action_FieldTheActionDoesNotTake_400NotIgnored(string action, string body, string field)
    {
        var member = await f.ApiClientAsync("member@west-oxfordshire.demo");
        var service = await f.ServiceIdAsync("west-oxfordshire", "Waste and recycling");
        var e = await member.LogAsync(new { subject = "Typed commands", details = "d", serviceId = service });
        var manager = await f.ApiClientAsync("manager@west-oxfordshire.demo");
        var id = e.GetProperty("id").GetString();
        var before = await f.WithDbAsync(db => db.EnquiryActivities.CountAsync(a => a.EnquiryId == Guid.Parse(id!)));

        var response = await manager.PostRawAsync($"/api/v1/enquiries/{id}/{action}", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await f.WithDbAsync(db => db.EnquiryActivities.CountAsync(a => a.EnquiryId == Guid.Parse(id!))));
    }

    [Fact]
    public async Task NulCharacterInText_400NamingTheField_NothingWritten()
    {
        var api = await f.ApiClientAsync("member@southend-on-sea.demo");
        var before = await CountsAsync();
        var response = await api.PostRawAsync("/api/v1/enquiries", "{\"subject\":\"Bins\\u0000\",\"details\":\"d\"}");
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("subject", out _), problem.ToString());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task UnknownCharset_415_Not500()
    {
        var api = await f.ApiClientAsync("member@southend-on-sea.demo");
        using var content = new StringContent("{\"subject\":\"s\",\"details\":\"d\"}");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=bogus");
        var response = await api.PostAsync(new Uri("/api/v1/enquiries", UriKind.Relative), content);
        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task CaseworkResponses_NotCached()
    {
        var api = await f.ApiClientAsync("member@southend-on-sea.demo");
        var response = await api.GetAsync(new Uri("/api/v1/enquiries", UriKind.Relative));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var page = await f.SignInAsync("member@southend-on-sea.demo");
        var (html, _) = await page.GetAsync("/enquiries");
        Assert.Contains("no-store", html.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urgency", "{\"version\":2,\"reason\":\"No urgent field\"}", "urgent")]
    [InlineData("urgency", "{\"version\":2,\"urgent\":false,\"reason\":\"\"}", "reason")]
    [InlineData("file-notes", "{\"text\":\"\"}", "text")]
    public async Task NewActions_MissingOrEmptyValues_400_NothingWritten(string action, string body, string field)
    {
        var hub = await f.ApiClientAsync("hub@south-oxfordshire.demo");
        var memberId = await f.MemberIdAsync("member@south-oxfordshire.demo");
        var e = await hub.LogAsync(new { memberId, channel = "email", subject = "Bad input", details = "d", urgentBecause = "Tonight." });
        var officerId = await f.OfficerIdAsync("officer@south-oxfordshire.demo");
        var id = e.GetProperty("id").GetString();
        await hub.PostJsonAsync($"/api/v1/enquiries/{id}/assignment", new { version = 1, officerId });
        var officer = await f.ApiClientAsync("officer@south-oxfordshire.demo");
        var before = await CountsAsync();

        var problem = await (await officer.PostRawAsync($"/api/v1/enquiries/{id}/{action}", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await CountsAsync());
    }
}
