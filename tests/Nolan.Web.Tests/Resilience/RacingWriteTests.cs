using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Resilience;

/// <summary>Two changes racing on one record never give a 500: each is saved whole or answered 409, nothing half-written.</summary>
public sealed class RacingWriteTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    [Fact]
    public async Task ParallelAbsenceChanges_ByOneOfficer_EachSavedOr409_Never500()
    {
        var officer = await f.ApiClientAsync("officer2@cambridge.demo");
        var officerId = await f.OfficerIdAsync("officer2@cambridge.demo");
        var cover = await f.OfficerIdAsync("manager@cambridge.demo");
        var bodies = Enumerable.Range(0, 8).Select(i => JsonSerializer.Serialize(new
        {
            awayFrom = $"2026-11-{10 + i:00}",
            awayUntil = "2026-11-27",
            coverOfficerId = cover,
        })).ToList();

        var responses = await Task.WhenAll(bodies.Select(b =>
            officer.PutAsync(new Uri("/api/v1/me/absence", UriKind.Relative), new StringContent(b, Encoding.UTF8, "application/json"))));

        foreach (var r in responses)
        {
            Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
            if (r.StatusCode == HttpStatusCode.Conflict)
            {
                await r.ProblemAsync(HttpStatusCode.Conflict);
            }
        }

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        // Every absence saved has exactly one audit event, in one unbroken stream.
        var seqs = await f.WithDbAsync(db => db.AuditEvents.Where(a => a.Stream == $"officer/{officerId}").OrderBy(a => a.Seq).Select(a => a.Seq).ToListAsync());
        Assert.Equal(Enumerable.Range(1, seqs.Count), seqs);
        Assert.True(seqs.Count >= responses.Count(r => r.StatusCode == HttpStatusCode.OK));
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/enquiries")]
    [InlineData("PUT", "/api/v1/enquiries")]
    [InlineData("PATCH", "/api/v1/me/absence")]
    public async Task ApiMethodNotAllowed_ProblemDetailsNotAnHtmlPage(string method, string url)
    {
        var api = await f.ApiClientAsync("member@cambridge.demo");
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        var response = await api.SendAsync(request);
        await response.ProblemAsync(HttpStatusCode.MethodNotAllowed);
    }
}
