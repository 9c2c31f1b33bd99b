using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolan.Core.Kernel;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Enquiries;

/// <summary>
/// Each council's enquiry rules exactly as its preset says, through HTTP, named after the paragraph: behaviour one
/// protocol asks for is absent where another is silent. The factory's clock is Monday 2 November 2026, 10:00.
/// </summary>
public sealed class PresetRuleTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private static int Version(JsonElement e) => e.GetProperty("version").GetInt32();

    private static string Id(JsonElement e) => e.GetProperty("id").GetString()!;

    private static DateTimeOffset At(int y, int m, int d, int hour = 9) => new(y, m, d, hour, 0, 0, TimeSpan.Zero);

    private async Task RemindAsync(DateTimeOffset now)
    {
        f.Clock.AdjustTime(now);
        try
        {
            using var scope = f.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DutyReminders>().RunAsync();
        }
        finally
        {
            f.Clock.AdjustTime(NolanFactory.DefaultNow);
        }
    }

    private Task<List<string>> ReminderKeysAsync(string id) =>
        f.WithDbAsync(db => db.OutboxMessages.Where(m => m.DedupKey.StartsWith($"reminder/{id}/")).Select(m => m.DedupKey).ToListAsync());

    private Task<List<(string Template, string To)>> MessagesAsync(string id) => f.WithDbAsync(async db =>
        (await db.OutboxMessages.Where(m => m.DedupKey.StartsWith($"enquiry/{id}/")).Select(m => new { m.TemplateKey, m.ToAddress }).ToListAsync())
            .Select(m => (m.TemplateKey, m.ToAddress)).ToList());

    /// <summary>A West Oxfordshire enquiry about Waste and recycling: with its service manager (para 33), due in 5 working days.</summary>
    private async Task<(HttpClient Manager, JsonElement Enquiry)> WestOxfordshireAsync()
    {
        var member = await f.ApiClientAsync("member@west-oxfordshire.demo");
        var service = await f.ServiceIdAsync("west-oxfordshire", "Waste and recycling");
        var e = await member.LogAsync(new { subject = "Bins " + Guid.NewGuid(), details = "Missed.", serviceId = service });
        Assert.Equal("2026-11-09", e.GetProperty("dueOn").GetString());
        return (await f.ApiClientAsync("manager@west-oxfordshire.demo"), e);
    }

    /// <summary>An enquiry the Hub logs and gives to officer@; the officer then passes it to officer2@.</summary>
    private async Task<(string Id, string MemberEmail)> PassedOnAsync(string council)
    {
        var hub = await f.ApiClientAsync($"hub@{council}.demo");
        var member = await f.MemberIdAsync($"member@{council}.demo");
        var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Pass on " + Guid.NewGuid(), details = "d" });
        var first = await f.OfficerIdAsync($"officer@{council}.demo");
        var assigned = await (await hub.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/assignment", new { version = Version(e), officerId = first })).JsonAsync();
        var officer = await f.ApiClientAsync($"officer@{council}.demo");
        var colleague = await f.OfficerIdAsync($"officer2@{council}.demo");
        var passed = await officer.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/assignment", new { version = Version(assigned), officerId = colleague });
        // Passed on, it is no longer the officer's to see: done, with nothing to show them.
        Assert.Equal(HttpStatusCode.NoContent, passed.StatusCode);
        var email = await f.WithDbAsync(db => db.Members.Where(m => m.Id == member).Select(m => m.Email).SingleAsync());
        return (Id(e), email);
    }

    [Fact]
    public async Task WestOxfordshire29a_ExplanationWithinTheFiveDays_MeetsTheDeadline_NeverOverdueNorChased()
    {
        var (manager, e) = await WestOxfordshireAsync();
        var sent = await manager.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/holding-replies",
            new { version = Version(e), reason = "The crew schedule is being rewritten" });
        var body = await sent.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("explained", body.GetProperty("timeliness").GetString());
        Assert.Equal("2026-11-02", body.GetProperty("explainedOn").GetString());
        var duty = await f.WithDbAsync(db => db.Duties.SingleAsync(d => d.ItemId == Guid.Parse(Id(e))));
        Assert.NotNull(duty.MetAt);
        Assert.Contains("para 29(a)", duty.MetHow, StringComparison.Ordinal);

        // Well past the original due date (9 November), nothing chases it and it is not late.
        await RemindAsync(At(2026, 11, 12));
        Assert.Empty(await ReminderKeysAsync(Id(e)));
        f.Clock.AdjustTime(At(2026, 11, 12));
        try
        {
            var later = await (await manager.GetAsync(new Uri($"/api/v1/enquiries/{Id(e)}", UriKind.Relative))).JsonAsync();
            Assert.Equal("explained", later.GetProperty("timeliness").GetString());
            Assert.Equal(0, later.GetProperty("workingDaysOverdue").GetInt32());
        }
        finally
        {
            f.Clock.AdjustTime(NolanFactory.DefaultNow);
        }
    }

    [Fact]
    public async Task WestOxfordshire29a_ExplanationPromisingADate_OwesTheReplyByThatDate()
    {
        var (manager, e) = await WestOxfordshireAsync();
        var sent = await (await manager.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/holding-replies",
            new { version = Version(e), reason = "Waiting for the contractor", newDeadline = "2026-11-20" })).JsonAsync();
        Assert.Equal("on_time", sent.GetProperty("timeliness").GetString());
        Assert.Equal("2026-11-09", sent.GetProperty("dueOn").GetString());
        Assert.Equal("2026-11-20", sent.GetProperty("promisedBy").GetString());

        await RemindAsync(At(2026, 11, 12));
        Assert.Empty(await ReminderKeysAsync(Id(e)));
        await RemindAsync(At(2026, 11, 23));
        Assert.Contains($"reminder/{Id(e)}/overdue/2026-11-20/officer", await ReminderKeysAsync(Id(e)));
    }

    [Fact]
    public async Task Southend917_ExplanationDoesNotMeetTheDeadline_WhereTheProtocolDoesNotSaySo()
    {
        var hub = await f.ApiClientAsync("hub@southend-on-sea.demo");
        var member = await f.MemberIdAsync("member@southend-on-sea.demo");
        var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Not explained " + Guid.NewGuid(), details = "d" });
        var officer = await f.OfficerIdAsync("officer@southend-on-sea.demo");
        var assigned = await (await hub.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/assignment", new { version = Version(e), officerId = officer })).JsonAsync();
        var api = await f.ApiClientAsync("officer@southend-on-sea.demo");
        var sent = await (await api.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/holding-replies",
            new { version = Version(assigned), reason = "r", action = "a", newDeadline = "2026-11-25" })).JsonAsync();
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("explainedOn").ValueKind);
        var duty = await f.WithDbAsync(db => db.Duties.SingleAsync(d => d.ItemId == Guid.Parse(Id(e))));
        Assert.Null(duty.MetAt);
        Assert.Equal(new DateOnly(2026, 11, 25), duty.EffectiveDueOn);
        Assert.Equal(new DateOnly(2026, 11, 16), duty.DueOn);
    }

    [Fact]
    public async Task PromisedDate_FarInTheFuture_RefusedWithTheLimit_WithinItAccepted()
    {
        var (manager, e) = await WestOxfordshireAsync();
        var far = await manager.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/holding-replies",
            new { version = Version(e), reason = "Later", newDeadline = "2099-01-01" });
        var problem = await far.ProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("newDeadline")[0].GetString();
        // 20 working days after Monday 9 November 2026.
        Assert.Contains("on or before 7 December 2026", message, StringComparison.Ordinal);
        Assert.Equal(0, await f.WithDbAsync(db => db.EnquiryActivities.CountAsync(a => a.EnquiryId == Guid.Parse(Id(e)) && a.Kind == Core.Enquiries.ActivityKind.HoldingReply)));

        var within = await manager.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/holding-replies",
            new { version = Version(e), reason = "Later", newDeadline = "2026-12-07" });
        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
    }

    [Fact]
    public async Task District002_167_PassingOn_TellsTheMemberWhoHasIt()
    {
        var (id, memberEmail) = await PassedOnAsync("district-002");
        Assert.Contains(await MessagesAsync(id), m => m.Template == "enquiry-passed-on" && m.To == memberEmail);
    }

    [Fact]
    public async Task Southend_SilentOnPassingOn_MemberNotWrittenTo_ButSeesWhoHasIt()
    {
        var (id, memberEmail) = await PassedOnAsync("southend-on-sea");
        Assert.DoesNotContain(await MessagesAsync(id), m => m.Template == "enquiry-passed-on");
        var member = await f.ApiClientAsync("member@southend-on-sea.demo");
        var seen = await (await member.GetAsync(new Uri($"/api/v1/enquiries/{id}", UriKind.Relative))).JsonAsync();
        var colleague = await f.WithDbAsync(db => (from a in db.Accounts
                                                   join o in db.Officers on a.Id equals o.AccountId
                                                   where a.Email == "officer2@southend-on-sea.demo"
                                                   select o.Name).SingleAsync());
        Assert.Equal(colleague, seen.GetProperty("assignedOfficer").GetString());
        Assert.False(string.IsNullOrEmpty(memberEmail));
    }

    [Fact]
    public async Task Southend9111_Burden_RaisedWithTheMemberAndTheChiefOfficer()
    {
        var hub = await f.ApiClientAsync("hub@southend-on-sea.demo");
        var member = await f.MemberIdAsync("member@southend-on-sea.demo");
        var service = await f.ServiceIdAsync("southend-on-sea", "Waste and recycling");
        var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Ten years " + Guid.NewGuid(), details = "d", serviceId = service });
        var officer = await f.OfficerIdAsync("officer@southend-on-sea.demo");
        await hub.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/assignment", new { version = Version(e), officerId = officer });
        var api = await f.ApiClientAsync("officer@southend-on-sea.demo");
        Assert.Equal(HttpStatusCode.OK, (await api.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/burden", new { text = "Ten years of records." })).StatusCode);

        var (memberEmail, chiefEmail) = await f.WithDbAsync(async db => (
            await db.Members.Where(m => m.Id == member).Select(m => m.Email).SingleAsync(),
            await db.Services.Where(s => s.Id == service).Select(s => db.Officers.Single(o => o.Id == s.ChiefOfficerId).Email).SingleAsync()));
        var messages = await MessagesAsync(Id(e));
        Assert.Contains(messages, m => m.Template == "enquiry-burden-member" && m.To == memberEmail);
        Assert.Contains(messages, m => m.Template == "enquiry-burden-raised" && m.To == chiefEmail);
    }

    [Fact]
    public async Task WestOxfordshire34_Burden_ProtocolNamesNobody_LineManagerToldAndMonitoringOfficerNamed()
    {
        var hub = await f.ApiClientAsync("hub@west-oxfordshire.demo");
        var member = await f.MemberIdAsync("member@west-oxfordshire.demo");
        var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Volume " + Guid.NewGuid(), details = "d" });
        var officer = await f.OfficerIdAsync("officer@west-oxfordshire.demo");
        await hub.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/assignment", new { version = Version(e), officerId = officer });
        var api = await f.ApiClientAsync("officer@west-oxfordshire.demo");
        var raised = await (await api.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/burden", new { text = "Forty requests this week." })).JsonAsync();

        var managerEmail = await f.WithDbAsync(db => db.Officers.Where(o => o.Id == db.Officers.Single(x => x.Id == officer).LineManagerId).Select(o => o.Email).SingleAsync());
        var messages = await MessagesAsync(Id(e));
        Assert.Equal([("enquiry-burden-raised", managerEmail)], messages.Where(m => m.Template.StartsWith("enquiry-burden", StringComparison.Ordinal)));
        var note = raised.GetProperty("activities").EnumerateArray().Last(a => a.GetProperty("kind").GetString() == "BurdenRaised");
        Assert.Contains("Monitoring Officer", note.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The email the officer signed in as <paramref name="accountEmail"/> is written to.</summary>
    private Task<string> OfficerEmailAsync(string accountEmail) => f.WithDbAsync(db =>
        db.Officers.Where(o => db.Accounts.Any(a => a.Id == o.AccountId && a.Email == accountEmail)).Select(o => o.Email).SingleAsync());

    /// <summary>An enquiry the Hub logs and gives to officer@, who raises it as a disproportionate burden asking for a decision.</summary>
    private async Task<(JsonElement Enquiry, HttpResponseMessage Raised)> BurdenReferredAsync(string council)
    {
        var hub = await f.ApiClientAsync($"hub@{council}.demo");
        var member = await f.MemberIdAsync($"member@{council}.demo");
        var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Ten years " + Guid.NewGuid(), details = "d" });
        var officer = await f.OfficerIdAsync($"officer@{council}.demo");
        var assigned = await (await hub.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/assignment", new { version = Version(e), officerId = officer })).JsonAsync();
        var api = await f.ApiClientAsync($"officer@{council}.demo");
        return (assigned, await api.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/burden", new { text = "Ten years of records.", referForDecision = true }));
    }

    [Theory]
    [InlineData("cambridge", "9.6")]
    [InlineData("south-oxfordshire", "para 83")]
    [InlineData("district-002", "16.1")]
    public async Task A5_ProtocolAllowsRefusal_BurdenReferred_MonitoringOfficerToldAndMayDecide(string council, string para)
    {
        var (e, raised) = await BurdenReferredAsync(council);

        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        var moEmail = await OfficerEmailAsync($"mo@{council}.demo");
        Assert.Contains(await MessagesAsync(Id(e)), m => m.Template == "enquiry-burden-referred" && m.To == moEmail);
        var mo = await f.ApiClientAsync($"mo@{council}.demo");
        var seen = await (await mo.GetAsync(new Uri($"/api/v1/enquiries/{Id(e)}", UriKind.Relative))).JsonAsync();
        Assert.True(seen.GetProperty("can").GetProperty("decideBurden").GetBoolean());
        Assert.False(seen.GetProperty("can").GetProperty("respond").GetBoolean());
        var referral = seen.GetProperty("activities").EnumerateArray().Last(a => a.GetProperty("kind").GetString() == "BurdenRaised");
        Assert.Contains("Monitoring Officer decides", referral.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("Referred for a decision (", referral.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains(para, referral.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("southend-on-sea", "9.1.11")]
    [InlineData("west-oxfordshire", "para 34")]
    public async Task A5_ProtocolGivesNoPowerToRefuse_ReferralRefused422WithTheParagraph_MonitoringOfficerStillCannotSeeIt(string council, string para)
    {
        var (e, raised) = await BurdenReferredAsync(council);

        var problem = await raised.ProblemAsync((HttpStatusCode)422);
        Assert.Contains(para, problem.GetProperty("citation").GetProperty("paragraph").GetString(), StringComparison.Ordinal);
        var mo = await f.ApiClientAsync($"mo@{council}.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await mo.GetAsync(new Uri($"/api/v1/enquiries/{Id(e)}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(await MessagesAsync(Id(e)), m => m.Template == "enquiry-burden-referred");
    }

    [Fact]
    public async Task Cambridge96_MonitoringOfficerRefuses_EnquiryRefused_MemberToldWhyUnderThatParagraph_ReplyDutyMet()
    {
        var (e, _) = await BurdenReferredAsync("cambridge");
        var mo = await f.ApiClientAsync("mo@cambridge.demo");
        var seen = await (await mo.GetAsync(new Uri($"/api/v1/enquiries/{Id(e)}", UriKind.Relative))).JsonAsync();

        var decided = await (await mo.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/burden-decision",
            new { version = Version(seen), provide = false, reason = "Weeks of work for marginal benefit." })).JsonAsync();

        Assert.Equal("refused", decided.GetProperty("status").GetString());
        Assert.Equal("finished", decided.GetProperty("timeliness").GetString());
        var refusal = decided.GetProperty("activities").EnumerateArray().Last();
        Assert.Equal("Refused", refusal.GetProperty("kind").GetString());
        Assert.False(refusal.GetProperty("internal").GetBoolean());
        Assert.Contains("9.6", refusal.GetProperty("citation").GetString(), StringComparison.Ordinal);
        var (memberEmail, officerEmail) = await f.WithDbAsync(async db => (
            await db.Enquiries.Where(x => x.Id == Guid.Parse(Id(e))).Select(x => x.Member!.Email).SingleAsync(),
            await db.Officers.Where(o => db.Accounts.Any(a => a.Id == o.AccountId && a.Email == "officer@cambridge.demo")).Select(o => o.Email).SingleAsync()));
        var messages = await MessagesAsync(Id(e));
        Assert.Contains(messages, m => m.Template == "enquiry-refused" && m.To == memberEmail);
        Assert.Contains(messages, m => m.Template == "enquiry-burden-decided" && m.To == officerEmail);
        var duty = await f.WithDbAsync(db => db.Duties.SingleAsync(d => d.ItemId == Guid.Parse(Id(e)) && d.Kind == DutyKind.EnquiryReply));
        Assert.NotNull(duty.MetAt);
        var member = await f.ApiClientAsync("member@cambridge.demo");
        var memberView = await (await member.GetAsync(new Uri($"/api/v1/enquiries/{Id(e)}", UriKind.Relative))).JsonAsync();
        Assert.Contains(memberView.GetProperty("activities").EnumerateArray(), a => a.GetProperty("kind").GetString() == "Refused");
        Assert.DoesNotContain(memberView.GetProperty("activities").EnumerateArray(), a => a.GetProperty("kind").GetString() == "BurdenRaised");
    }

    [Fact]
    public async Task SouthOxfordshire83_MonitoringOfficerSaysProvide_StaysWithTheOfficer_MemberNotToldOfARefusal()
    {
        var (e, _) = await BurdenReferredAsync("south-oxfordshire");
        var mo = await f.ApiClientAsync("mo@south-oxfordshire.demo");
        var seen = await (await mo.GetAsync(new Uri($"/api/v1/enquiries/{Id(e)}", UriKind.Relative))).JsonAsync();

        var decided = await (await mo.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/burden-decision",
            new { version = Version(seen), provide = true, reason = "One system holds it all." })).JsonAsync();

        Assert.Equal("assigned", decided.GetProperty("status").GetString());
        Assert.False(decided.GetProperty("can").GetProperty("decideBurden").GetBoolean());
        Assert.DoesNotContain(await MessagesAsync(Id(e)), m => m.Template == "enquiry-refused");
        var officer = await f.ApiClientAsync("officer@south-oxfordshire.demo");
        var again = await officer.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/burden", new { text = "Still too much.", referForDecision = true });
        await again.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cambridge74_ComplaintDeadline_RemindedToTheComplaintsTeam_MetByItsOutcome()
    {
        var hub = await f.ApiClientAsync("hub@cambridge.demo");
        var member = await f.MemberIdAsync("member@cambridge.demo");
        var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Repairs " + Guid.NewGuid(), details = "d" });
        var moved = await (await hub.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/complaint", new { version = Version(e), reason = "A complaint" })).JsonAsync();
        Assert.Equal("2026-11-16", moved.GetProperty("complaintDueOn").GetString());

        // Friday 13 November is the working day before: the complaints team is reminded.
        await RemindAsync(At(2026, 11, 13));
        var team = await f.WithDbAsync(db => (from a in db.OfficerAppointments
                                              join c in db.Councils on a.CouncilId equals c.Id
                                              where c.Slug == "cambridge" && a.RoleRows.Any(r => r.Role == Core.CouncilDirectory.OfficerRoles.ComplaintsTeam)
                                              select a.Officer!.Email).ToListAsync());
        Assert.NotEmpty(team);
        var keys = await ReminderKeysAsync(Id(e));
        Assert.All(team, email => Assert.Contains($"reminder/{Id(e)}/complaint/due-soon/2026-11-16/{email}", keys));
        // The team is reminded of an enquiry it can open, and may record the outcome.
        // (The demo's complaints officers have no sign-in: give the first one an account.)
        var teamEmail = await f.WithDbAsync(async db =>
        {
            var officer = await (from a in db.OfficerAppointments
                                 join c in db.Councils on a.CouncilId equals c.Id
                                 where c.Slug == "cambridge" && a.RoleRows.Any(r => r.Role == Core.CouncilDirectory.OfficerRoles.ComplaintsTeam)
                                 select a.Officer!).FirstAsync();
            if (officer.AccountId is { } existing)
            {
                return await db.Accounts.Where(x => x.Id == existing).Select(x => x.Email).SingleAsync();
            }

            var account = new Core.Access.Account { Email = "complaints-" + Guid.NewGuid().ToString("N")[..8] + "@cambridge.test", DisplayName = officer.Name };
            db.Accounts.Add(account);
            officer.AccountId = account.Id;
            await db.SaveChangesAsync();
            return account.Email;
        });
        var teamApi = await f.ApiClientAsync(teamEmail);
        var seen = await (await teamApi.GetAsync(new Uri($"/api/v1/enquiries/{Id(e)}", UriKind.Relative))).JsonAsync();
        Assert.True(seen.GetProperty("can").GetProperty("recordComplaintOutcome").GetBoolean());
        Assert.False(seen.GetProperty("can").GetProperty("respond").GetBoolean());

        var outcome = await hub.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/complaint-outcome", new { version = Version(moved), text = "Upheld." });
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        await RemindAsync(At(2026, 11, 18));
        Assert.DoesNotContain(await ReminderKeysAsync(Id(e)), k => k.Contains("/overdue/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Overdue_ListAndEnquiryShowHowManyWorkingDaysLate_AndBothDueDates()
    {
        var hub = await f.ApiClientAsync("hub@west-oxfordshire.demo");
        var member = await f.MemberIdAsync("member@west-oxfordshire.demo");
        // Received Monday 19 October: due Monday 26 October; on Monday 2 November it is 5 working days late.
        var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Late " + Guid.NewGuid(), details = "d", receivedAt = "2026-10-19T09:00:00Z" });
        Assert.Equal(5, e.GetProperty("workingDaysOverdue").GetInt32());
        var list = await (await hub.GetAsync(new Uri("/api/v1/enquiries?scope=triage", UriKind.Relative))).JsonAsync();
        var row = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == Id(e));
        Assert.Equal(5, row.GetProperty("workingDaysOverdue").GetInt32());
        Assert.Equal("2026-10-26", row.GetProperty("dueOn").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("promisedBy").ValueKind);

        var page = await f.SignInAsync("hub@west-oxfordshire.demo");
        var (_, doc) = await page.GetAsync($"/enquiries/{Id(e)}");
        Assert.Equal("5 working days", doc.QuerySelector("[data-testid=overdue-by]")?.TextContent.Trim());
    }

    [Fact]
    public async Task WestOxfordshire67_ThirdPartyReply_OnlyOnceTheOfficerConfirmsThePublicDomain()
    {
        var member = await f.ApiClientAsync("member@west-oxfordshire.demo");
        var service = await f.ServiceIdAsync("west-oxfordshire", "Waste and recycling");
        var e = await member.LogAsync(new
        {
            subject = "For a resident " + Guid.NewGuid(),
            details = "Mr B's bin.",
            serviceId = service,
            hasConstituentData = true,
            consentEvidence = "Email from Mr B"
        });
        var manager = await f.ApiClientAsync("manager@west-oxfordshire.demo");
        var url = $"/api/v1/enquiries/{Id(e)}/responses";

        var refused = await (await manager.PostJsonAsync(url, new { version = Version(e), body = "Collected Tuesday." })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("para 67", refused.GetProperty("citation").GetProperty("paragraph").GetString());
        Assert.True(refused.GetProperty("errors").TryGetProperty("publicDomain", out _));

        var sent = await manager.PostJsonAsync(url, new { version = Version(e), body = "Collected Tuesday.", publicDomain = true });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
    }

    [Fact]
    public async Task District002_168_CommerciallySensitiveReply_WaitsForTheLineManagersCheck()
    {
        var hub = await f.ApiClientAsync("hub@district-002.demo");
        var member = await f.MemberIdAsync("member@district-002.demo");
        var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Contract " + Guid.NewGuid(), details = "The leisure contract terms?" });
        var officerId = await f.OfficerIdAsync("officer@district-002.demo");
        var assigned = await (await hub.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/assignment", new { version = Version(e), officerId })).JsonAsync();
        var officer = await f.ApiClientAsync("officer@district-002.demo");

        var refused = await (await officer.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/responses",
            new { version = Version(assigned), body = "The terms are ...", commerciallySensitive = true })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("16.8", refused.GetProperty("citation").GetProperty("paragraph").GetString());

        // Only the officer's line manager records the check.
        var own = await officer.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/release-check", new { version = Version(assigned), text = "Checked" });
        await own.ProblemAsync(HttpStatusCode.Forbidden);
        var manager = await f.ApiClientAsync("manager@district-002.demo");
        var checkedOk = await manager.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/release-check", new { version = Version(assigned), text = "Terms may be released; prices withheld." });
        Assert.Equal(HttpStatusCode.OK, checkedOk.StatusCode);
        var after = await checkedOk.JsonAsync();

        var sent = await officer.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/responses",
            new { version = Version(after), body = "The terms are ...", commerciallySensitive = true });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
    }

    [Fact]
    public async Task Southend_SilentOnCommerciallySensitive_NoCheckAsked()
    {
        var hub = await f.ApiClientAsync("hub@southend-on-sea.demo");
        var member = await f.MemberIdAsync("member@southend-on-sea.demo");
        var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Contract " + Guid.NewGuid(), details = "d" });
        var officerId = await f.OfficerIdAsync("officer@southend-on-sea.demo");
        var assigned = await (await hub.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/assignment", new { version = Version(e), officerId })).JsonAsync();
        var officer = await f.ApiClientAsync("officer@southend-on-sea.demo");
        var sent = await officer.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/responses",
            new { version = Version(assigned), body = "The terms are ...", commerciallySensitive = true });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
    }

    /// <summary>A member's urgent enquiry, with the officer@ of the council deciding it is not urgent.</summary>
    private async Task<(HttpClient Member, JsonElement Enquiry)> UrgentNotUrgentAsync(string council)
    {
        var hub = await f.ApiClientAsync($"hub@{council}.demo");
        var memberId = await f.MemberIdAsync($"member@{council}.demo");
        var e = await hub.LogAsync(new { memberId, channel = "email", subject = "Flooding " + Guid.NewGuid(), details = "d", urgentBecause = "The road floods tonight." });
        Assert.Equal("The road floods tonight.", e.GetProperty("urgencyRequested").GetString());
        var officerId = await f.OfficerIdAsync($"officer@{council}.demo");
        var assigned = await (await hub.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/assignment", new { version = Version(e), officerId })).JsonAsync();
        var officer = await f.ApiClientAsync($"officer@{council}.demo");
        var decided = await officer.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/urgency", new { version = Version(assigned), urgent = false, reason = "The drain was cleared this morning." });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.False((await decided.JsonAsync()).GetProperty("urgent").GetBoolean());
        return (await f.ApiClientAsync($"member@{council}.demo"), e);
    }

    [Fact]
    public async Task SouthOxfordshire30_UrgencyDispute_ReferredToTheDeputyChiefExecutive_WhoCanThenSeeIt()
    {
        var (member, e) = await UrgentNotUrgentAsync("south-oxfordshire");
        var disputed = await member.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/urgency-dispute", new { reason = "It floods every time it rains." });
        var body = await disputed.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, disputed.StatusCode);
        var activity = body.GetProperty("activities").EnumerateArray().Last(a => a.GetProperty("kind").GetString() == "UrgencyDisputed");
        Assert.Contains("para 30", activity.GetProperty("citation").GetString(), StringComparison.Ordinal);

        var deputies = await f.WithDbAsync(db => (from a in db.OfficerAppointments
                                                  join c in db.Councils on a.CouncilId equals c.Id
                                                  where c.Slug == "south-oxfordshire" && a.Officer!.Grade == Core.CouncilDirectory.OfficerGrade.DeputyChiefExecutive
                                                  select new { a.Officer!.Id, a.Officer.Email }).ToListAsync());
        Assert.NotEmpty(deputies);
        var told = await MessagesAsync(Id(e));
        Assert.All(deputies, d => Assert.Contains(told, m => m.Template == "enquiry-urgency-disputed" && m.To == d.Email));
        var grants = await f.WithDbAsync(db => db.AccessGrants.Where(g => g.ResourceId == Guid.Parse(Id(e)) && g.OfficerId != null).Select(g => g.OfficerId!.Value).ToListAsync());
        Assert.Equal(deputies.Select(d => d.Id).Order(), grants.Order());

        // Disputed once: not again (the member's to do, but not in this state: 409).
        var again = await member.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/urgency-dispute", new { reason = "Still urgent." });
        await again.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Southend_SilentOnUrgency_DisputeReferredToTheMonitoringOfficer_AndSaysSo()
    {
        var (member, e) = await UrgentNotUrgentAsync("southend-on-sea");
        var body = await (await member.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/urgency-dispute", new { reason = "It is urgent." })).JsonAsync();
        var activity = body.GetProperty("activities").EnumerateArray().Last(a => a.GetProperty("kind").GetString() == "UrgencyDisputed");
        Assert.Contains("says nothing about disputes over urgency", activity.GetProperty("body").GetString(), StringComparison.Ordinal);
        var mo = await f.WithDbAsync(db => (from a in db.OfficerAppointments
                                            join c in db.Councils on a.CouncilId equals c.Id
                                            where c.Slug == "southend-on-sea" && a.RoleRows.Any(r => r.Role == Core.CouncilDirectory.OfficerRoles.MonitoringOfficer)
                                            select a.Officer!.Email).SingleAsync());
        Assert.Contains(await MessagesAsync(Id(e)), m => m.Template == "enquiry-urgency-disputed" && m.To == mo);
    }

    [Fact]
    public async Task RefusedByRole_403_RefusedByState_409()
    {
        // The line manager may see the enquiry but accepting it is the assigned officer's: 403.
        var (manager, e) = await WestOxfordshireAsync();
        var officerId = await f.OfficerIdAsync("officer@west-oxfordshire.demo");
        var passed = await (await manager.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/assignment", new { version = Version(e), officerId })).JsonAsync();
        var byRole = await manager.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/accept", new { version = Version(passed) });
        await byRole.ProblemAsync(HttpStatusCode.Forbidden);

        // The assigned officer may accept, but not twice: 409.
        var officer = await f.ApiClientAsync("officer@west-oxfordshire.demo");
        var accepted = await (await officer.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/accept", new { version = Version(passed) })).JsonAsync();
        var byState = await officer.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/accept", new { version = Version(accepted) });
        await byState.ProblemAsync(HttpStatusCode.Conflict);
    }
}
