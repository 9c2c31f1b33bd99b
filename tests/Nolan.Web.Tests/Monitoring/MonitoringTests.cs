using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nolan.Core.Monitoring;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Monitoring;

/// <summary>
/// The monitoring dashboards and the quarterly report: figures checked against a hand-built set of enquiries whose
/// answers are worked out below, and who may see which figures.
/// </summary>
public sealed class MonitoringTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private const string Hub = "hub@southend-on-sea.demo";
    private const string Officer = "officer@southend-on-sea.demo";

    private async Task<int> RefreshAsync()
    {
        using var scope = f.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MonthlyFigures>().RefreshAsync();
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<JsonElement> ActAsync(HttpClient c, string id, string action, Func<int, object> body)
    {
        var current = await OkAsync(await c.GetAsync(new Uri($"/api/v1/enquiries/{id}", UriKind.Relative)));
        return await OkAsync(await c.PostJsonAsync($"/api/v1/enquiries/{id}/{action}", body(current.GetProperty("version").GetInt32())));
    }

    /// <summary>
    /// Six enquiries received on Wednesday 21 October 2026 at Southend (10 working days: due Wednesday 4 November):
    /// <list type="bullet">
    /// <item>A answered 2 November: on time, 8 working days;</item>
    /// <item>B answered 10 November: late, 14 working days;</item>
    /// <item>C holding reply on 3 November promising 13 November, answered 10 November: late against the deadline,
    /// promise kept, 14 working days;</item>
    /// <item>D the same holding reply, answered 17 November: promise missed, 19 working days;</item>
    /// <item>E moved to the complaints procedure; F still open.</item>
    /// </list>
    /// So: received 6, answered 4, on time 1 of 4 (25%), holding replies 2, kept 1 of 2 (50%), median (14 + 14) / 2 =
    /// 14 working days, moved to complaints 1, still owed a reply 1.
    /// </summary>
    [Fact]
    public async Task QuarterlyReport_FiguresMatchAHandBuiltFixture_OnPageAndInCsv()
    {
        var hub = await f.ApiClientAsync(Hub);
        var officer = await f.ApiClientAsync(Officer);
        var memberId = await f.MemberIdAsync("member@southend-on-sea.demo");
        var officerId = await f.OfficerIdAsync(Officer);
        var received = new DateTimeOffset(2026, 10, 21, 9, 0, 0, TimeSpan.Zero);
        var ids = new Dictionary<char, string>();
        foreach (var name in "ABCDEF")
        {
            var e = await hub.LogAsync(new { memberId, channel = "email", subject = $"Fixture {name}", details = "Monitoring.", receivedAt = received });
            var id = e.GetProperty("id").GetString()!;
            ids[name] = id;
            await ActAsync(hub, id, "assignment", v => new { version = v, officerId });
        }

        // Monday 2 November (the clock's start): A answered on time.
        await ActAsync(officer, ids['A'], "responses", v => new { version = v, body = "Answered." });
        await ActAsync(hub, ids['E'], "complaint", v => new { version = v, reason = "It is a complaint about the service." });
        f.Clock.Advance(TimeSpan.FromDays(1));
        foreach (var name in "CD")
        {
            await ActAsync(officer, ids[name], "holding-replies", v => new
            {
                version = v,
                reason = "Waiting for the contractor.",
                action = "Chasing them.",
                newDeadline = new DateOnly(2026, 11, 13),
            });
        }

        f.Clock.Advance(TimeSpan.FromDays(7));
        await ActAsync(officer, ids['B'], "responses", v => new { version = v, body = "Late answer." });
        await ActAsync(officer, ids['C'], "responses", v => new { version = v, body = "As promised." });
        f.Clock.Advance(TimeSpan.FromDays(7));
        await ActAsync(officer, ids['D'], "responses", v => new { version = v, body = "After the promised date." });

        Assert.True(await RefreshAsync() >= 1);
        // Nothing changed since (beyond the two minutes a run looks back for late commits): nothing to recompute.
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        await RefreshAsync();
        Assert.Equal(0, await RefreshAsync());

        var mo = await f.SignInAsync("mo@southend-on-sea.demo");
        var council = await f.CouncilIdAsync("southend-on-sea");
        var (response, doc) = await mo.GetAsync($"/monitoring/report?council={council}&quarter=2026-Q4");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string Figure(string key) => doc.QuerySelector($"[data-testid=period-figures] [data-figure={key}]")!.TextContent.Trim();
        Assert.Equal("6", Figure("received"));
        Assert.Equal("4", Figure("answered"));
        Assert.Equal("25% (1 of 4)", Figure("on-time"));
        Assert.Equal("14 working days", Figure("median-days"));
        Assert.Equal("2", Figure("holding"));
        Assert.Equal("50% (1 of 2)", Figure("kept"));
        Assert.Equal("1", Figure("complaints"));
        Assert.Equal("1", Figure("still-open"));
        // Each figure says what it measures against: Southend's paragraphs.
        var text = doc.QuerySelector("[data-testid=period-figures]")!.TextContent;
        Assert.Contains("paragraph 9.1.5", text, StringComparison.Ordinal);
        Assert.Contains("paragraph 9.1.7", text, StringComparison.Ordinal);
        Assert.Contains("paragraph 9.1.8", text, StringComparison.Ordinal);
        Assert.Contains("October to December 2026", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var csvResponse = await mo.Http.GetAsync(new Uri($"/monitoring/report.csv?council={council}&quarter=2026-Q4", UriKind.Relative));
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = (await csvResponse.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("Section,Item,Figure,Value,Measured against", csv[0]);
        Assert.Contains(csv, l => l.Contains("Answered on time,25% (1 of 4),", StringComparison.Ordinal) && l.Contains("9.1.5", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith("Month,October 2026,Received,6", StringComparison.Ordinal));

        // The dashboard: what is owed now (F, very overdue by 17 November), and the months as charts with their table.
        var (_, dash) = await mo.GetAsync("/monitoring");
        Assert.Equal("1", dash.QuerySelector("[data-testid=now] [data-figure=open]")!.TextContent.Trim());
        Assert.Equal("1", dash.QuerySelector("[data-testid=now] [data-figure=overdue]")!.TextContent.Trim());
        Assert.Equal(2, dash.QuerySelectorAll("svg.nolan-chart[role=img]").Length);
        var october = dash.QuerySelectorAll("[data-testid=months] tbody tr").Single(r => r.TextContent.Contains("October 2026", StringComparison.Ordinal));
        Assert.Equal("6", october.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Contains(dash.QuerySelectorAll("[data-testid=by-officer] tbody th"), th => th.TextContent.Length > 0);

        // A member's own figures count only what they raised: another member sees none of these six.
        var (_, mine) = await (await f.SignInAsync("member@southend-on-sea.demo")).GetAsync("/monitoring?view=mine");
        Assert.Equal("6", mine.QuerySelector("[data-testid=period-figures] [data-figure=received]")!.TextContent.Trim());
        var (_, theirs) = await (await f.SignInAsync("member2@southend-on-sea.demo")).GetAsync("/monitoring?view=mine");
        Assert.Equal("0", theirs.QuerySelector("[data-testid=period-figures] [data-figure=received]")!.TextContent.Trim());
        Assert.Equal("0", theirs.QuerySelector("[data-testid=now] [data-figure=open]")!.TextContent.Trim());
        Assert.Null(theirs.QuerySelector("[data-testid=by-officer]"));
    }

    [Theory]
    [InlineData("mo@southend-on-sea.demo", true)]
    [InlineData("ceo@southend-on-sea.demo", true)]
    [InlineData("hub@southend-on-sea.demo", true)]
    [InlineData("officer@southend-on-sea.demo", false)]
    [InlineData("member@southend-on-sea.demo", false)]
    [InlineData("mo@cambridge.demo", false)]
    [InlineData("admin@nolan.demo", false)]
    public async Task CouncilFiguresAndReport_OnlyForTheCouncilsMonitors(string email, bool allowed)
    {
        var council = await f.CouncilIdAsync("southend-on-sea");
        var page = await f.SignInAsync(email);
        foreach (var url in new[] { $"/monitoring?view=council&council={council}", $"/monitoring/report?council={council}", $"/monitoring/report.csv?council={council}" })
        {
            var (response, _) = await page.GetAsync(url);
            if (allowed)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Found, response.StatusCode);
                Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Report_UnreadableQuarter_SaysSoAndShowsTheLastFullQuarter()
    {
        var page = await f.SignInAsync("mo@southend-on-sea.demo");
        var (response, doc) = await page.GetAsync("/monitoring/report?quarter=2026-Q9");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(doc.QuerySelector(".govuk-error-summary a[href='#quarter']"));
        Assert.NotNull(doc.QuerySelector("[data-testid=period-figures]"));
    }

    [Fact]
    public async Task TeamDashboard_ForLineManagers_ByOfficer()
    {
        var page = await f.SignInAsync("manager@southend-on-sea.demo");
        var (response, doc) = await page.GetAsync("/monitoring?view=team");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("My team", doc.QuerySelector(".govuk-caption-l")!.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector("[data-testid=now]"));
    }
}
