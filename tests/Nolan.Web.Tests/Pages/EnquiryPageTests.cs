using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Pages;

/// <summary>The GOV.UK pages: forms that work without JavaScript, and errors shown in an error summary.</summary>
public sealed class EnquiryPageTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private static void AssertErrorSummaryLinksTo(IDocument doc, params string[] fieldIds)
    {
        var summary = doc.QuerySelector(".govuk-error-summary");
        Assert.NotNull(summary);
        var links = summary!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var id in fieldIds)
        {
            Assert.Contains("#" + id, links);
            Assert.NotNull(doc.GetElementById(id));
        }

        Assert.StartsWith("Error: ", doc.Title, StringComparison.Ordinal);
    }

    private Task<int> EnquiryCountAsync() => f.WithDbAsync(db => db.Enquiries.CountAsync());

    [Fact]
    public async Task SignIn_WrongPassword_ErrorSummary()
    {
        var page = f.Anonymous();
        var response = await page.PostFormAsync("/sign-in", new() { ["Email"] = "member@southend-on-sea.demo", ["Password"] = "wrong" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertErrorSummaryLinksTo(await PageClient.ParseAsync(response), "Email");
    }

    [Fact]
    public async Task NewEnquiry_Valid_RedirectsToEnquiryWithReference()
    {
        var page = await f.SignInAsync("member@southend-on-sea.demo");
        var response = await page.PostFormAsync("/enquiries/new", new() { ["Subject"] = "Streetlight out", ["Details"] = "Outside number 4." });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (view, doc) = await page.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Contains("Streetlight out", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        // Straight after logging, the member is told what happens next: who has it and when the answer is due.
        var next = doc.QuerySelector("[data-testid=next-steps]")!.TextContent;
        Assert.Contains("It goes to the Members Support Hub first", next, StringComparison.Ordinal);
        Assert.Contains("A response is due by", next, StringComparison.Ordinal);
        Assert.Contains("You will get a message when it is answered", next, StringComparison.Ordinal);
        Assert.Null((await page.GetAsync(response.Headers.Location!.OriginalString)).Document.QuerySelector("[data-testid=next-steps]"));
        Assert.StartsWith("SOS-2026-", doc.QuerySelector(".govuk-caption-l")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("9.1.5", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Details", "Subject")]
    [InlineData("Subject", "", "Details")]
    public async Task NewEnquiry_MissingField_ErrorSummaryAndNothingSaved(string subject, string details, string field)
    {
        var page = await f.SignInAsync("member@southend-on-sea.demo");
        var before = await EnquiryCountAsync();
        var response = await page.PostFormAsync("/enquiries/new", new() { ["Subject"] = subject, ["Details"] = details });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertErrorSummaryLinksTo(await PageClient.ParseAsync(response), field);
        Assert.Equal(before, await EnquiryCountAsync());
    }

    [Fact]
    public async Task NewEnquiry_OneMegabyteSubject_ErrorSummaryNot500()
    {
        var page = await f.SignInAsync("member@southend-on-sea.demo");
        var response = await page.PostFormAsync("/enquiries/new", new() { ["Subject"] = new string('x', 1024 * 1024), ["Details"] = "d" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await PageClient.ParseAsync(response);
        AssertErrorSummaryLinksTo(doc, "Subject");
        Assert.Contains("200 characters or fewer", doc.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewEnquiry_TamperedServiceId_ErrorSummary()
    {
        var page = await f.SignInAsync("member@southend-on-sea.demo");
        var response = await page.PostFormAsync("/enquiries/new",
            new() { ["Subject"] = "s", ["Details"] = "d", ["ServiceId"] = Guid.NewGuid().ToString() });
        AssertErrorSummaryLinksTo(await PageClient.ParseAsync(response), "ServiceId");
        var garbage = await page.PostFormAsync("/enquiries/new", new() { ["Subject"] = "s", ["Details"] = "d", ["WardId"] = "<script>" });
        AssertErrorSummaryLinksTo(await PageClient.ParseAsync(garbage), "WardId");
    }

    [Fact]
    public async Task HubLogsOnBehalf_FutureDate_ErrorSummary()
    {
        var page = await f.SignInAsync("hub@southend-on-sea.demo");
        var member = await f.MemberIdAsync("member@southend-on-sea.demo");
        var response = await page.PostFormAsync("/enquiries/new", new()
        {
            ["MemberId"] = member.ToString(),
            ["Channel"] = "Phone",
            ["Subject"] = "s",
            ["Details"] = "d",
            ["ReceivedOn.Day"] = "25",
            ["ReceivedOn.Month"] = "12",
            ["ReceivedOn.Year"] = "2026",
        });
        var future = await PageClient.ParseAsync(response);
        AssertErrorSummaryLinksTo(future, "ReceivedOn_Day");
        // Reported once, linking to the date input (not a second time, to a field that does not exist).
        var links = future.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#ReceivedOn_Day"], links);
        var impossible = await page.PostFormAsync("/enquiries/new", new()
        {
            ["MemberId"] = member.ToString(),
            ["Channel"] = "Phone",
            ["Subject"] = "s",
            ["Details"] = "d",
            ["ReceivedOn.Day"] = "31",
            ["ReceivedOn.Month"] = "2",
            ["ReceivedOn.Year"] = "2026",
        });
        AssertErrorSummaryLinksTo(await PageClient.ParseAsync(impossible), "ReceivedOn_Day");
    }

    [Fact]
    public async Task HoldingReplyPage_SouthendWithoutAllThree_ErrorSummaryWithParagraph()
    {
        var id = await AssignedSouthendAsync();
        var officer = await f.SignInAsync("officer@southend-on-sea.demo");
        var version = await f.WithDbAsync(db => db.Enquiries.Where(e => e.Id == id).Select(e => e.Version).SingleAsync());
        var response = await officer.PostFormAsync($"/enquiries/{id}/holding-reply", new() { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Reason"] = "Busy" });
        var doc = await PageClient.ParseAsync(response);
        AssertErrorSummaryLinksTo(doc, "ActionTaken", "NewDeadline_Day");
        Assert.Contains("9.1.7", doc.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RespondPage_StaleVersion_ConflictShownNotLost()
    {
        var id = await AssignedSouthendAsync();
        var officer = await f.SignInAsync("officer@southend-on-sea.demo");
        var response = await officer.PostFormAsync($"/enquiries/{id}/respond", new() { ["Version"] = "0", ["Body"] = "An answer" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var doc = await PageClient.ParseAsync(response);
        Assert.Contains("changed by someone else", doc.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("An answer", doc.GetElementById("Body")!.TextContent);
        // Redrawn from what is stored now, so that sending it again is not refused again.
        var current = await f.WithDbAsync(db => db.Enquiries.Where(e => e.Id == id).Select(e => e.Version).SingleAsync());
        Assert.Equal(current.ToString(System.Globalization.CultureInfo.InvariantCulture), doc.QuerySelector("input[name=Version]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task OfficerAnswersThroughPages_MemberSeesAnswer()
    {
        var id = await AssignedSouthendAsync();
        var officer = await f.SignInAsync("officer@southend-on-sea.demo");
        var (_, view) = await officer.GetAsync($"/enquiries/{id}");
        var version = view.QuerySelector("form input[name=Version]")!.GetAttribute("value")!;
        var accept = await officer.PostFormAsync($"/enquiries/{id}", new() { ["Version"] = version }, $"/enquiries/{id}?handler=accept");
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        var (_, form) = await officer.GetAsync($"/enquiries/{id}/respond");
        var respond = await officer.PostFormAsync($"/enquiries/{id}/respond",
            new() { ["Version"] = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!, ["Body"] = "The light will be fixed on Friday." });
        Assert.Equal(HttpStatusCode.Redirect, respond.StatusCode);

        var member = await f.SignInAsync("member@southend-on-sea.demo");
        var (_, mine) = await member.GetAsync("/enquiries?scope=mine&stage=finished");
        Assert.NotNull(mine.QuerySelector($"a[href='/enquiries/{id}']"));
        var (_, seen) = await member.GetAsync($"/enquiries/{id}");
        Assert.Contains("The light will be fixed on Friday.", seen.QuerySelector("[data-testid=timeline]")!.TextContent, StringComparison.Ordinal);

        // The answer comes first, and the summary says when it came, not when it is due.
        var outcome = seen.QuerySelector("[data-testid=outcome]")!;
        Assert.Equal("The answer", outcome.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("The light will be fixed on Friday.", outcome.TextContent, StringComparison.Ordinal);
        Assert.True(outcome.CompareDocumentPosition(seen.QuerySelector(".govuk-summary-list")!).HasFlag(DocumentPositions.Following));
        var keys = seen.QuerySelectorAll(".govuk-summary-list__key").Select(k => k.TextContent.Trim()).ToList();
        Assert.Contains("Answered", keys);
        Assert.DoesNotContain("Response due", keys);
        Assert.DoesNotContain("Full response promised by", keys);
    }

    [Fact]
    public async Task HubForm_Empty_EveryProblemReportedAtOnce_NotInRounds()
    {
        var page = await f.SignInAsync("hub@southend-on-sea.demo");
        var before = await EnquiryCountAsync();

        var response = await page.PostFormAsync("/enquiries/new", new() { ["Subject"] = "", ["Details"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertErrorSummaryLinksTo(await PageClient.ParseAsync(response), "MemberId", "Channel", "Subject", "Details");
        Assert.Equal(before, await EnquiryCountAsync());
    }

    [Fact]
    public async Task ClosingAnEnquiry_AsksFirst_ThenClosesIt()
    {
        var id = await AssignedSouthendAsync();
        var api = await f.ApiClientAsync("officer@southend-on-sea.demo");
        await api.PostJsonAsync($"/api/v1/enquiries/{id}/accept", new { version = 2 });
        var answered = await api.PostJsonAsync($"/api/v1/enquiries/{id}/responses", new { version = 3, body = "Fixed on Friday." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var officer = await f.SignInAsync("officer@southend-on-sea.demo");

        // The enquiry page offers a link, not a button that closes at once.
        var (_, view) = await officer.GetAsync($"/enquiries/{id}");
        Assert.NotNull(view.QuerySelector($"a[href='/enquiries/{id}/close']"));
        Assert.Null(view.QuerySelector("form[action*='handler=close']"));
        var (_, confirm) = await officer.GetAsync($"/enquiries/{id}/close");
        Assert.Contains("Closing ends this enquiry", confirm.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Answered", await f.WithDbAsync(db => db.Enquiries.Where(e => e.Id == id).Select(e => e.Status.ToString()).SingleAsync()));

        var closed = await officer.PostFormAsync($"/enquiries/{id}/close", new() { ["Version"] = confirm.QuerySelector("input[name=Version]")!.GetAttribute("value")! });

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal("Closed", await f.WithDbAsync(db => db.Enquiries.Where(e => e.Id == id).Select(e => e.Status.ToString()).SingleAsync()));
    }

    [Fact]
    public async Task AfterAMoveToComplaints_TheMemberSeesWhatHappensNext_NotAResponseDue()
    {
        var hub = await f.ApiClientAsync("hub@cambridge.demo");
        var memberId = await f.MemberIdAsync("member@cambridge.demo");
        var e = await hub.LogAsync(new { memberId, channel = "email", subject = "The crew were rude " + Guid.NewGuid(), details = "d" });
        var id = e.GetProperty("id").GetString()!;
        var moved = await hub.PostJsonAsync($"/api/v1/enquiries/{id}/complaint", new { version = e.GetProperty("version").GetInt32(), reason = "A complaint about staff conduct" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var member = await f.SignInAsync("member@cambridge.demo");
        var (_, seen) = await member.GetAsync($"/enquiries/{id}");

        var outcome = seen.QuerySelector("[data-testid=outcome]")!;
        Assert.Equal("Moved to the complaints procedure", outcome.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains(e.GetProperty("reference").GetString()!, outcome.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("What happens next:", outcome.QuerySelector("[data-testid=complaint-next]")!.TextContent.Trim(), StringComparison.Ordinal);
        var keys = seen.QuerySelectorAll(".govuk-summary-list__key").Select(k => k.TextContent.Trim()).ToList();
        Assert.DoesNotContain("Response due", keys);
    }

    [Fact]
    public async Task BurdenJourney_OfficerAsksForADecision_MonitoringOfficerRefusesOnThePage_MemberSeesTheRefusal()
    {
        var hub = await f.ApiClientAsync("hub@cambridge.demo");
        var memberId = await f.MemberIdAsync("member@cambridge.demo");
        var e = await hub.LogAsync(new { memberId, channel = "email", subject = "Ten years of records " + Guid.NewGuid(), details = "d" });
        var id = Guid.Parse(e.GetProperty("id").GetString()!);
        var officerId = await f.OfficerIdAsync("officer@cambridge.demo");
        await hub.PostJsonAsync($"/api/v1/enquiries/{id}/assignment", new { version = 1, officerId });

        var officer = await f.SignInAsync("officer@cambridge.demo");
        var (_, view) = await officer.GetAsync($"/enquiries/{id}");
        Assert.NotNull(view.QuerySelector($"a[href='/enquiries/{id}/burden']"));
        var (_, raise) = await officer.GetAsync($"/enquiries/{id}/burden");
        Assert.Contains("the Monitoring Officer decides", raise.GetElementById("ReferForDecision-item-hint")!.TextContent, StringComparison.Ordinal);
        var raised = await officer.PostFormAsync($"/enquiries/{id}/burden", new()
        {
            ["Version"] = raise.QuerySelector("input[name=Version]")!.GetAttribute("value")!,
            ["Text"] = "It asks for ten years of records.",
            ["ReferForDecision"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);

        var mo = await f.SignInAsync("mo@cambridge.demo");
        var (_, moView) = await mo.GetAsync($"/enquiries/{id}");
        Assert.NotNull(moView.QuerySelector($"a[href='/enquiries/{id}/burden-decision']"));
        Assert.Null(moView.QuerySelector($"a[href='/enquiries/{id}/respond']"));
        var (_, form) = await mo.GetAsync($"/enquiries/{id}/burden-decision");
        var version = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var empty = await mo.PostFormAsync($"/enquiries/{id}/burden-decision", new() { ["Version"] = version });
        AssertErrorSummaryLinksTo(await PageClient.ParseAsync(empty), "Provide");
        var refused = await mo.PostFormAsync($"/enquiries/{id}/burden-decision",
            new() { ["Version"] = version, ["Provide"] = "no", ["Reason"] = "Weeks of work for marginal benefit." });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);

        var member = await f.SignInAsync("member@cambridge.demo");
        var (_, seen) = await member.GetAsync($"/enquiries/{id}");
        Assert.Contains(seen.QuerySelectorAll("main .govuk-tag"), t => t.TextContent.Trim() == "Refused");
        Assert.Contains("Weeks of work for marginal benefit.", seen.QuerySelector("[data-testid=timeline]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("ten years of records", seen.QuerySelector("[data-testid=timeline]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("member@southend-on-sea.demo", "paragraph 9.1.10")]
    [InlineData("member@west-oxfordshire.demo", "para 65")]
    [InlineData("member@south-oxfordshire.demo", "para 75")]
    [InlineData("member@cambridge.demo", "paragraph 7.5")]
    public async Task A4_NewEnquiry_UrgencyRequest_ShowsTheProtocolsNoQueueJumpingRuleWithItsParagraph(string email, string para)
    {
        var member = await f.SignInAsync(email);
        var (_, form) = await member.GetAsync("/enquiries/new");
        var hint = form.GetElementById("UrgentBecause-hint")!.TextContent;
        Assert.Contains("jump the queue", hint, StringComparison.Ordinal);
        Assert.Contains(para, hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A4_District002_ProtocolSilentOnPriority_NoQueueRuleShown()
    {
        var member = await f.SignInAsync("member@district-002.demo");
        var (_, form) = await member.GetAsync("/enquiries/new");
        var hint = form.GetElementById("UrgentBecause-hint")!.TextContent;
        Assert.DoesNotContain("queue", hint, StringComparison.Ordinal);
        Assert.Contains("The officer decides whether it is urgent", hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnquiryPage_CitationsInWords_NoCouncilSlugsOrVersionIds()
    {
        var id = await AssignedSouthendAsync();
        var officer = await f.SignInAsync("officer@southend-on-sea.demo");
        var (_, view) = await officer.GetAsync($"/enquiries/{id}");
        var text = view.QuerySelector("main")!.TextContent;

        Assert.Contains("paragraph 9.1.5 of the protocol", text, StringComparison.Ordinal);
        Assert.DoesNotContain("southend-on-sea/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("part-5d", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u00a7", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_EachRoleSeesItsDashboard()
    {
        foreach (var (email, url, heading) in new[]
        {
            ("member@southend-on-sea.demo", "/enquiries?scope=mine", "My enquiries"),
            ("officer@southend-on-sea.demo", "/enquiries?scope=assigned-to-me", "Assigned to me"),
            ("manager@southend-on-sea.demo", "/enquiries?scope=team-overdue", "My team\u2019s enquiries"),
            ("hub@southend-on-sea.demo", "/enquiries?scope=council", "All enquiries"),
            ("hub@southend-on-sea.demo", "/enquiries?scope=triage", "Triage queue"),
        })
        {
            var page = await f.SignInAsync(email);
            var (response, doc) = await page.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(heading, doc.QuerySelector("h1")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task Navigation_TeamViewOnlyForManagers_TokensUnderAccountSettings()
    {
        string[] Menu(AngleSharp.Dom.IDocument doc) => [.. doc.QuerySelectorAll("nav[aria-label=Menu] a").Select(a => a.TextContent.Trim())];
        var (_, asOfficer) = await (await f.SignInAsync("officer@southend-on-sea.demo")).GetAsync("/enquiries");
        var (_, asManager) = await (await f.SignInAsync("manager@southend-on-sea.demo")).GetAsync("/enquiries");
        var member = await f.SignInAsync("member@southend-on-sea.demo");
        var (_, asMember) = await member.GetAsync("/enquiries");

        Assert.DoesNotContain("My team", Menu(asOfficer));
        Assert.Contains("My team", Menu(asManager));
        Assert.DoesNotContain("API tokens", Menu(asMember));
        var (_, settings) = await member.GetAsync(asMember.QuerySelector("a.nolan-account__name")!.GetAttribute("href")!);
        Assert.NotNull(settings.QuerySelector("a[href='/account/tokens']"));
        Assert.Null(settings.QuerySelector("a[href='/account/out-of-office']"));
    }

    [Fact]
    public async Task ProtocolPage_ShowsParagraphsForMyCouncilOnly()
    {
        var page = await f.SignInAsync("member@southend-on-sea.demo");
        var (_, doc) = await page.GetAsync("/protocol");
        Assert.Contains("9.1.5", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Cambridge", doc.Body.TextContent, StringComparison.Ordinal);
        var silent = await f.SignInAsync("member@south-oxfordshire.demo");
        var (_, sodc) = await silent.GetAsync("/protocol");
        Assert.Contains("para 36", sodc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokensPage_CreatesTokenShownOnceThatWorksOnTheApi()
    {
        var page = await f.SignInAsync("member@southend-on-sea.demo");
        var response = await page.PostFormAsync("/account/tokens", new() { ["Name"] = "My script" }, "/account/tokens?handler=create");
        var doc = await PageClient.ParseAsync(response);
        var token = doc.QuerySelector("[data-testid=new-token]")!.TextContent.Trim();
        using var api = f.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        var empty = await page.PostFormAsync("/account/tokens", new() { ["Name"] = "" }, "/account/tokens?handler=create");
        AssertErrorSummaryLinksTo(await PageClient.ParseAsync(empty), "Name");
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var page = await f.SignInAsync("member@southend-on-sea.demo");
        var signOut = await page.PostFormAsync("/enquiries", new(), "/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var (after, _) = await page.GetAsync("/enquiries");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    private async Task<Guid> AssignedSouthendAsync()
    {
        var hub = await f.ApiClientAsync("hub@southend-on-sea.demo");
        var member = await f.MemberIdAsync("member@southend-on-sea.demo");
        var officerId = await f.OfficerIdAsync("officer@southend-on-sea.demo");
        var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Streetlight", details = "Out since Monday." });
        var id = e.GetProperty("id").GetString()!;
        await hub.PostJsonAsync($"/api/v1/enquiries/{id}/assignment", new { version = 1, officerId });
        return Guid.Parse(id);
    }
}
