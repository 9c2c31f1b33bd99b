using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Enquiries;

/// <summary>
/// The caseload lists: search, each filter, each order, the total, numbered pages and the CSV, through the API and the
/// pages; and that none of them reaches an enquiry the viewer could not open.
/// </summary>
public sealed class CaseloadListTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private const string Member = "member@southend-on-sea.demo";
    private const string Hub = "hub@southend-on-sea.demo";
    private const string Officer = "officer@southend-on-sea.demo";

    private static string Token() => "zq" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<JsonElement> ListAsync(HttpClient c, string query)
    {
        var response = await c.GetAsync(new Uri("/api/v1/enquiries?" + query, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static string[] Subjects(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("subject").GetString()!)];

    private static async Task<string> CsvAsync(HttpClient c, string query)
    {
        var response = await c.GetAsync(new Uri("/api/v1/enquiries/export.csv?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment;", response.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        return (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
    }

    /// <summary>The Hub logs one on the member's behalf, received when it says, in the ward and service it names.</summary>
    private async Task<JsonElement> HubLogsAsync(string subject, DateTimeOffset receivedAt, Guid? wardId = null, Guid? serviceId = null)
    {
        var hub = await f.ApiClientAsync(Hub);
        return await hub.LogAsync(new
        {
            memberId = await f.MemberIdAsync(Member),
            channel = "email",
            subject,
            details = "For the caseload tests.",
            receivedAt,
            wardId,
            serviceId,
        });
    }

    private async Task AssignAsync(JsonElement e, string officerEmail)
    {
        var hub = await f.ApiClientAsync(Hub);
        var current = await (await hub.GetAsync(new Uri($"/api/v1/enquiries/{e.GetProperty("id").GetString()}", UriKind.Relative))).JsonAsync();
        var response = await hub.PostJsonAsync($"/api/v1/enquiries/{e.GetProperty("id").GetString()}/assignment",
            new { version = current.GetProperty("version").GetInt32(), officerId = await f.OfficerIdAsync(officerEmail) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Search_FindsByReferenceSubjectMemberAndOfficer()
    {
        var t = Token();
        var member = await f.ApiClientAsync(Member);
        var a = await member.LogAsync(new { subject = $"Potholes on Elm Road {t}", details = "Deep ones." });
        var b = await member.LogAsync(new { subject = $"Streetlight out {t}", details = "Dark." });
        var other = await member.LogAsync(new { subject = "Nothing to do with the search", details = "x" });
        await AssignAsync(a, Officer);

        var bySubject = await ListAsync(member, $"q={t}");
        Assert.Equal(2, bySubject.GetProperty("total").GetInt32());
        Assert.Equal(2, (await ListAsync(member, $"q={t.ToUpperInvariant()}")).GetProperty("total").GetInt32());
        Assert.Contains($"Potholes on Elm Road {t}", Subjects(await ListAsync(member, "q=ELM+road&size=100")));

        var reference = other.GetProperty("reference").GetString()!;
        var byReference = await ListAsync(member, $"q={reference.ToLowerInvariant()}");
        Assert.Equal([reference], byReference.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()));

        // The Hub finds them across the council by the member's name and by the officer's.
        var hub = await f.ApiClientAsync(Hub);
        var memberName = bySubject.GetProperty("items")[0].GetProperty("member").GetString()!;
        var byMember = Subjects(await ListAsync(hub, $"scope=council&size=100&q={Uri.EscapeDataString(memberName)}"));
        Assert.Contains($"Streetlight out {t}", byMember);
        var officerName = (await ListAsync(member, $"q={t}")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("assignedOfficer").GetString()).Single(n => n is not null)!;
        var byOfficer = Subjects(await ListAsync(hub, $"scope=council&size=100&q={Uri.EscapeDataString(officerName)}"));
        Assert.Contains($"Potholes on Elm Road {t}", byOfficer);
        Assert.DoesNotContain($"Streetlight out {t}", byOfficer);
        Assert.Equal(b.GetProperty("id").GetString(), (await ListAsync(member, $"q=streetlight+out+{t}")).GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Filters_DueStatusWardServiceAndReceivedBetween()
    {
        var t = Token();
        var now = NolanFactory.DefaultNow;
        var ward = await f.WardIdAsync("southend-on-sea");
        var late = await HubLogsAsync($"Late {t}", now.AddDays(-60), wardId: ward);
        var fresh = await HubLogsAsync($"Fresh {t}", now.AddHours(-1));
        var hub = await f.ApiClientAsync(Hub);

        Assert.Equal([$"Late {t}"], Subjects(await ListAsync(hub, $"scope=council&q={t}&due=overdue")));
        Assert.Equal([$"Late {t}"], Subjects(await ListAsync(hub, $"scope=council&q={t}&due=very-overdue")));
        Assert.Empty(Subjects(await ListAsync(hub, $"scope=council&q={t}&due=due-this-week")));
        Assert.Equal([$"Late {t}"], Subjects(await ListAsync(hub, $"scope=council&q={t}&ward={ward}")));
        Assert.Equal([$"Fresh {t}"], Subjects(await ListAsync(hub, $"scope=council&q={t}&from={now.AddDays(-10):yyyy-MM-dd}")));
        Assert.Equal([$"Late {t}"], Subjects(await ListAsync(hub, $"scope=council&q={t}&to={now.AddDays(-10):d/M/yyyy}")));
        Assert.Equal(2, (await ListAsync(hub, $"scope=council&q={t}&from={now.AddDays(-61):yyyy-MM-dd}&to={now:yyyy-MM-dd}")).GetProperty("total").GetInt32());

        // Status: the one assigned is found by its status, the other is not.
        await AssignAsync(fresh, Officer);
        Assert.Equal([$"Fresh {t}"], Subjects(await ListAsync(hub, $"scope=council&q={t}&status=assigned")));
        Assert.Equal([$"Late {t}"], Subjects(await ListAsync(hub, $"scope=council&q={t}&status=open")));
        Assert.Equal([$"Late {t}"], Subjects(await ListAsync(hub, $"scope=triage&q={t}")));

        // Service: a service filter on what the Hub logged with one.
        var service = await f.WithDbAsync(db => Task.FromResult(db.Services.First(s => s.CouncilId == db.Members.First(m => m.Id == late.GetProperty("memberId").GetGuid()).CouncilId).Id));
        var served = await HubLogsAsync($"Served {t}", now.AddHours(-2), serviceId: service);
        Assert.Equal([$"Served {t}"], Subjects(await ListAsync(hub, $"scope=council&q={t}&service={service}")));
        Assert.Equal(served.GetProperty("id").GetString(), (await ListAsync(hub, $"scope=council&service={service}&sort=newest")).GetProperty("items")[0].GetProperty("id").GetString());
        _ = late;
    }

    [Fact]
    public async Task Sort_OfficersSeeTheMostOverdueFirst_AndMayChooseAnotherOrder()
    {
        var t = Token();
        var now = NolanFactory.DefaultNow;
        var older = await HubLogsAsync($"Oldest {t}", now.AddDays(-40));
        var newer = await HubLogsAsync($"Newest {t}", now.AddHours(-3));
        var middle = await HubLogsAsync($"Middle {t}", now.AddDays(-20));
        foreach (var e in new[] { newer, older, middle })
        {
            await AssignAsync(e, Officer);
        }

        var officer = await f.ApiClientAsync(Officer);
        var byDue = await ListAsync(officer, $"q={t}");
        Assert.Equal([$"Oldest {t}", $"Middle {t}", $"Newest {t}"], Subjects(byDue));
        var first = byDue.GetProperty("items")[0];
        Assert.Equal("very_overdue", first.GetProperty("timeliness").GetString());
        Assert.True(first.GetProperty("workingDaysOverdue").GetInt32() > 10);
        Assert.Equal([$"Newest {t}", $"Middle {t}", $"Oldest {t}"], Subjects(await ListAsync(officer, $"q={t}&sort=newest")));
        Assert.Equal([$"Oldest {t}", $"Middle {t}", $"Newest {t}"], Subjects(await ListAsync(officer, $"q={t}&sort=oldest")));
        Assert.Equal(3, Subjects(await ListAsync(officer, $"q={t}&sort=status")).Length);

        // The page: the same order, the tag says by how much, the sort is a choice in the filter form.
        var page = await f.SignInAsync(Officer);
        var (_, doc) = await page.GetAsync($"/enquiries?scope=assigned-to-me&q={t}");
        var rows = doc.QuerySelectorAll("[data-testid=enquiry-list] tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Contains($"Oldest {t}", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Matches(@"Very overdue by \d+ working days", rows[0].TextContent);
        Assert.NotNull(doc.QuerySelector("select#sort option[value=due][selected]"));
    }

    [Fact]
    public async Task Total_AndNumberedPages_KeepTheFilters()
    {
        var t = Token();
        var member = await f.ApiClientAsync(Member);
        for (var i = 0; i < 12; i++)
        {
            await member.LogAsync(new { subject = $"Item {i:00} {t}", details = "Paging." });
        }

        var first = await ListAsync(member, $"q={t}&size=5");
        Assert.Equal(12, first.GetProperty("total").GetInt32());
        Assert.Equal(3, first.GetProperty("pages").GetInt32());
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        var last = await ListAsync(member, $"q={t}&size=5&page=3");
        Assert.Equal(2, last.GetProperty("items").GetArrayLength());
        Assert.False(last.GetProperty("hasMore").GetBoolean());
        // Past the end: the last page, not an empty one.
        Assert.Equal(3, (await ListAsync(member, $"q={t}&size=5&page=9")).GetProperty("page").GetInt32());
        // Every enquiry once across the pages, in one order.
        var all = new List<string>();
        for (var p = 1; p <= 3; p++)
        {
            all.AddRange(Subjects(await ListAsync(member, $"q={t}&size=5&page={p}")));
        }

        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"Item {11 - i:00} {t}"), all);

        // The page: a total, and GOV.UK pagination whose links keep the search.
        for (var i = 12; i < 30; i++)
        {
            await member.LogAsync(new { subject = $"Item {i:00} {t}", details = "Paging." });
        }

        var page = await f.SignInAsync(Member);
        var (_, doc) = await page.GetAsync($"/enquiries?scope=mine&q={t}");
        Assert.Contains("Showing 1 to 25 of 30 enquiries", doc.QuerySelector("[data-testid=list-total]")!.TextContent.Replace("\n", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).Aggregate((x, y) => x + " " + y), StringComparison.Ordinal);
        var two = doc.QuerySelector("nav.govuk-pagination a[href*='page=2']")!.GetAttribute("href")!;
        Assert.Contains($"q={t}", two, StringComparison.Ordinal);
        var (_, second) = await page.GetAsync(two);
        Assert.Equal(5, second.QuerySelectorAll("[data-testid=enquiry-list] tbody tr").Length);
    }

    [Fact]
    public async Task Csv_HasTheHeaderEveryRowTheFiltersSelect_AndFormulasEscaped()
    {
        var t = Token();
        var member = await f.ApiClientAsync(Member);
        await member.LogAsync(new { subject = $"=HYPERLINK(\"http://evil.test\",\"x\") {t}", details = "Formula." });
        for (var i = 0; i < 30; i++)
        {
            await member.LogAsync(new { subject = $"Row {i:00} {t}", details = "Export." });
        }

        var csv = await CsvAsync(member, $"q={t}");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Reference,Subject,Member,Ward,Service,Officer,Status,Received,Due,Promised by,Timeliness,Working days overdue,Answered", lines[0]);
        // Not one page: every one the search selects.
        Assert.Equal(31 + 1, lines.Length);
        var row = lines.Single(l => l.Contains($"Row 00 {t}", StringComparison.Ordinal)).Split(',');
        Assert.Equal($"Row 00 {t}", row[1]);
        Assert.Equal(NolanFactory.DefaultNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row[7]);
        var formula = lines.Single(l => l.Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK(", formula, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", formula, StringComparison.Ordinal);

        // The page's "Download as CSV" is the same list.
        var page = await f.SignInAsync(Member);
        var (_, doc) = await page.GetAsync($"/enquiries?scope=mine&q={t}");
        var link = doc.QuerySelector("a[download]")!.GetAttribute("href")!;
        Assert.StartsWith("/enquiries/export?", link, StringComparison.Ordinal);
        var response = await page.Http.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(32, (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task SearchFilterCountAndExport_NeverReachAnotherMembersEnquiry()
    {
        var t = Token();
        var member = await f.ApiClientAsync(Member);
        await member.LogAsync(new { subject = $"Private matter {t}", details = "Only mine." });

        var otherMember = await f.ApiClientAsync("member2@southend-on-sea.demo");
        var theirs = await ListAsync(otherMember, $"q={t}&stage=all");
        Assert.Equal(0, theirs.GetProperty("total").GetInt32());
        Assert.Single((await CsvAsync(otherMember, $"q={t}")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        await (await otherMember.GetAsync(new Uri($"/api/v1/enquiries?scope=council&q={t}", UriKind.Relative))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await otherMember.GetAsync(new Uri($"/api/v1/enquiries/export.csv?scope=council&q={t}", UriKind.Relative))).ProblemAsync(HttpStatusCode.Forbidden);

        // Another council's Hub, an officer it is not assigned to: nothing, and a count of nothing.
        Assert.Equal(0, (await ListAsync(await f.ApiClientAsync("hub@cambridge.demo"), $"scope=council&q={t}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await ListAsync(await f.ApiClientAsync("officer2@southend-on-sea.demo"), $"q={t}&stage=all")).GetProperty("total").GetInt32());
        var page = await f.SignInAsync("member2@southend-on-sea.demo");
        var (_, doc) = await page.GetAsync($"/enquiries?scope=mine&q={t}");
        Assert.DoesNotContain("Private matter", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No enquiries match", doc.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mine_OwnAndCopiedMergeInOneOrderAcrossPages()
    {
        var t = Token();
        var member = await f.ApiClientAsync(Member);
        var other = await f.ApiClientAsync("member2@southend-on-sea.demo");
        var memberId = await f.MemberIdAsync(Member);
        var expected = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var who = i % 2 == 0 ? member : other;
            var e = await who.LogAsync(new { subject = $"Merged {i} {t}", details = "Copies." });
            if (who == other)
            {
                var copy = await other.PostJsonAsync($"/api/v1/enquiries/{e.GetProperty("id").GetString()}/copies", new { memberId });
                Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
            }

            expected.Insert(0, $"Merged {i} {t}");
            f.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var pages = new List<string>();
        for (var p = 1; p <= 3; p++)
        {
            var list = await ListAsync(member, $"q={t}&size=2&page={p}");
            Assert.Equal(6, list.GetProperty("total").GetInt32());
            pages.AddRange(Subjects(list));
        }

        Assert.Equal(expected, pages);
    }

    [Fact]
    public async Task BadParameters_400NamingEach_PageShowsAnErrorSummary()
    {
        var member = await f.ApiClientAsync(Member);
        var problem = await (await member.GetAsync(new Uri("/api/v1/enquiries?due=soon&from=31/02/2026&size=0&sort=sideways&status=lost", UriKind.Relative)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var name in new[] { "due", "from", "size", "sort", "status" })
        {
            Assert.True(errors.TryGetProperty(name, out _), $"no error for {name}: {problem}");
        }

        await (await member.GetAsync(new Uri($"/api/v1/enquiries?q={new string('x', 201)}", UriKind.Relative))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await member.GetAsync(new Uri("/api/v1/enquiries?scope=triage", UriKind.Relative))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await member.GetAsync(new Uri("/api/v1/enquiries?scope=everything", UriKind.Relative))).ProblemAsync(HttpStatusCode.BadRequest);

        var page = await f.SignInAsync(Member);
        var (response, doc) = await page.GetAsync("/enquiries?scope=mine&from=32/1/2026&due=soon");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = doc.QuerySelector(".govuk-error-summary")!;
        Assert.NotNull(summary.QuerySelector("a[href='#from']"));
        Assert.NotNull(doc.QuerySelector("#from-error"));
        Assert.Equal("32/1/2026", doc.QuerySelector("input#from")!.GetAttribute("value"));
        foreach (var url in new[] { "/enquiries?scope=council", "/enquiries/export?scope=council", "/enquiries/export?scope=triage" })
        {
            var refused = (await page.GetAsync(url)).Response;
            Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
            Assert.StartsWith("/access-denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        // A CSV asked for with a filter that cannot be read goes back to the list, which names it.
        var badCsv = (await page.GetAsync("/enquiries/export?scope=mine&due=soon")).Response;
        Assert.Equal(HttpStatusCode.Redirect, badCsv.StatusCode);
        Assert.StartsWith("/enquiries?", badCsv.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamList_ShowsWhoHoldsEach_AndTheOldAddressFiltersOverdue()
    {
        var t = Token();
        var now = NolanFactory.DefaultNow;
        await AssignAsync(await HubLogsAsync($"Team late {t}", now.AddDays(-50)), Officer);
        await AssignAsync(await HubLogsAsync($"Team fresh {t}", now.AddHours(-1)), Officer);

        var manager = await f.SignInAsync("manager@southend-on-sea.demo");
        var (_, doc) = await manager.GetAsync($"/enquiries?scope=team&q={t}");
        Assert.Contains("Held by", doc.QuerySelector("[data-testid=enquiry-list] thead")!.TextContent, StringComparison.Ordinal);
        var rows = doc.QuerySelectorAll("[data-testid=enquiry-list] tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.NotEqual("Not yet assigned", r.QuerySelector("td[data-label='Held by']")!.TextContent.Trim()));
        Assert.Contains($"Team late {t}", rows[0].TextContent, StringComparison.Ordinal);

        var (_, overdue) = await manager.GetAsync($"/enquiries?scope=team-overdue&q={t}");
        Assert.Single(overdue.QuerySelectorAll("[data-testid=enquiry-list] tbody tr"));
        var officers = overdue.QuerySelectorAll("select#officer option").Select(o => o.TextContent).ToList();
        Assert.Contains(officers, o => o != "Anyone in my team");
    }

    /// <summary>Generated, seeded and bounded: list parameters of every kind, well or badly formed, never give a 5xx.</summary>
    [Fact]
    public async Task ListParameters_Fuzzed_NeverA5xx()
    {
        var random = new Random(20261202);
        string[] names = ["scope", "stage", "q", "status", "due", "ward", "service", "officer", "from", "to", "sort", "page", "size"];
        string[] values = ["", "mine", "council", "team", "live", "all", "overdue", "due", "open", "holding-reply-sent", "2026-02-30", "1/1/1",
            "0001-01-01", "9999-12-31", "31/12/9999", "-1", "0", "2147483648", "100", "101", "%00", "\u0000", "'; drop table enquiries;--", "%25",
            "_", "Ω", Guid.Empty.ToString(), Guid.NewGuid().ToString(), new string('9', 300), "%ZZ", "a+b", "=1+1"];
        var clients = new[] { await f.ApiClientAsync(Member), await f.ApiClientAsync(Hub), await f.ApiClientAsync(Officer) };
        var page = await f.SignInAsync(Hub);
        for (var i = 0; i < 150; i++)
        {
            var query = string.Join('&', Enumerable.Range(0, random.Next(1, 6))
                .Select(_ => $"{names[random.Next(names.Length)]}={values[random.Next(values.Length)]}"));
            var api = await clients[i % 3].GetAsync(new Uri("/api/v1/enquiries?" + query, UriKind.Relative));
            Assert.True((int)api.StatusCode < 500, $"API {query}: {(int)api.StatusCode}");
            var csv = await clients[i % 3].GetAsync(new Uri("/api/v1/enquiries/export.csv?" + query, UriKind.Relative));
            Assert.True((int)csv.StatusCode < 500, $"CSV {query}: {(int)csv.StatusCode}");
            var (html, _) = await page.GetAsync("/enquiries?" + query);
            Assert.True((int)html.StatusCode < 500, $"page {query}: {(int)html.StatusCode}");
        }
    }

    /// <summary>Counting stops at 1,000, so that a count costs no more for a member with 20,000 enquiries; paging goes on.</summary>
    [Fact]
    public async Task Total_CountsToTheCap_ThenSaysMoreThan()
    {
        var t = Token();
        using (var scope = f.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Core.DataStore.NolanDbContext>();
            var service = scope.ServiceProvider.GetRequiredService<Core.Enquiries.EnquiryService>();
            var accountId = await db.Accounts.Where(a => a.Email == "member2@southend-on-sea.demo").Select(a => a.Id).SingleAsync();
            var actor = (await Core.Access.Actor.LoadAsync(db, accountId))!;
            for (var i = 0; i < Core.Enquiries.EnquiryLists.CountCap + 2; i++)
            {
                var logged = await service.LogAsync(new Core.Enquiries.LogEnquiry { Subject = $"Bulk {i:0000} {t}", Details = "Many." }, actor);
                Assert.True(logged.IsSuccess);
                db.ChangeTracker.Clear();
            }
        }

        var member = await f.ApiClientAsync("member2@southend-on-sea.demo");
        var first = await ListAsync(member, $"q={t}&size=100");
        Assert.Equal(Core.Enquiries.EnquiryLists.CountCap, first.GetProperty("total").GetInt32());
        Assert.False(first.GetProperty("totalIsExact").GetBoolean());
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        // Past the pages counted, the list goes on to the real end.
        var last = await ListAsync(member, $"q={t}&size=100&page=11");
        Assert.Equal(11, last.GetProperty("page").GetInt32());
        Assert.Equal(2, last.GetProperty("items").GetArrayLength());
        Assert.False(last.GetProperty("hasMore").GetBoolean());
        var exact = await ListAsync(member, $"q=Bulk+0001+{t}");
        Assert.True(exact.GetProperty("totalIsExact").GetBoolean());

        var page = await f.SignInAsync("member2@southend-on-sea.demo");
        var (_, doc) = await page.GetAsync($"/enquiries?scope=mine&q={t}");
        Assert.Contains("more than 1,000", doc.QuerySelector("[data-testid=list-total]")!.TextContent, StringComparison.Ordinal);
    }
}
