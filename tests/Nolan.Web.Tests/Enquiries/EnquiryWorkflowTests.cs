using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Enquiries;

/// <summary>The officer's journey through the API: routing, accept, pass on, holding reply, respond, close.</summary>
public sealed class EnquiryWorkflowTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private static int Version(JsonElement e) => e.GetProperty("version").GetInt32();

    private static string Id(JsonElement e) => e.GetProperty("id").GetString()!;

    [Fact]
    public async Task Southend_MemberLogsEnquiry_GoesToMembersSupportHubCiting912()
    {
        var member = await f.ApiClientAsync("member@southend-on-sea.demo");
        var e = await member.LogAsync(new { subject = "Fly-tipping in the alley", details = "Behind 12 High Street." });
        Assert.Equal("open", e.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("assignedOfficer").ValueKind);
        var routed = e.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "Routed");
        Assert.Contains("§9.1.2", routed.GetProperty("citation").GetString());
        Assert.Equal("2026-11-16", e.GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task WestOxfordshire_EnquiryNamingService_GoesToServiceManager()
    {
        var member = await f.ApiClientAsync("member@west-oxfordshire.demo");
        var service = await f.ServiceIdAsync("west-oxfordshire", "Waste and recycling");
        var e = await member.LogAsync(new { subject = "Bins not collected", details = "Whole street missed.", serviceId = service });
        var managerName = await f.WithDbAsync(db => db.Officers.Where(o => o.Id == db.Services.Single(s => s.Id == service).ManagerId).Select(o => o.Name).SingleAsync());
        Assert.Equal("assigned", e.GetProperty("status").GetString());
        Assert.Equal(managerName, e.GetProperty("assignedOfficer").GetString());
    }

    [Fact]
    public async Task FullJourney_AcceptPassOnHoldingReplyRespondClose_MemberSeesAnswerNotFileNote()
    {
        var memberApi = await f.ApiClientAsync("member@west-oxfordshire.demo");
        var managerApi = await f.ApiClientAsync("manager@west-oxfordshire.demo");
        var officerApi = await f.ApiClientAsync("officer@west-oxfordshire.demo");
        var service = await f.ServiceIdAsync("west-oxfordshire", "Waste and recycling");
        var e = await memberApi.LogAsync(new { subject = "Recycling centre hours", details = "Why did the hours change?", serviceId = service });
        var url = $"/api/v1/enquiries/{Id(e)}";

        var accepted = await (await managerApi.PostJsonAsync(url + "/accept", new { version = Version(e) })).JsonAsync();
        var officerId = await f.OfficerIdAsync("officer@west-oxfordshire.demo");
        var passed = await managerApi.PostJsonAsync(url + "/assignment", new { version = Version(accepted), officerId, note = "Please answer" });
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        var afterPass = await passed.JsonAsync();
        Assert.Equal("assigned", afterPass.GetProperty("status").GetString());

        var note = await officerApi.PostJsonAsync(url + "/file-notes", new { text = "Phoned the member: explained the winter timetable." });
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);

        var holding = await officerApi.PostJsonAsync(url + "/holding-replies",
            new { version = Version(afterPass), reason = "Waiting for the contractor's figures" });
        Assert.Equal(HttpStatusCode.OK, holding.StatusCode);
        var afterHolding = await holding.JsonAsync();
        Assert.Equal("holding_reply_sent", afterHolding.GetProperty("status").GetString());

        var respond = await officerApi.PostJsonAsync(url + "/responses", new { version = Version(afterHolding), body = "The hours changed for the winter season." });
        var answered = await respond.JsonAsync();
        Assert.Equal("answered", answered.GetProperty("status").GetString());

        var closed = await officerApi.PostJsonAsync(url + "/close", new { version = Version(answered) });
        Assert.Equal("closed", (await closed.JsonAsync()).GetProperty("status").GetString());

        var seen = await (await memberApi.GetAsync(new Uri(url, UriKind.Relative))).JsonAsync();
        var kinds = seen.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ToList();
        Assert.Contains("Response", kinds);
        Assert.Contains("PassedOn", kinds);
        Assert.DoesNotContain("FileNote", kinds);
        // The manager's note to the officer is for the officer: the member sees who has it, not the note.
        Assert.DoesNotContain("NoteToOfficer", kinds);
        Assert.DoesNotContain("Please answer", seen.GetRawText(), StringComparison.Ordinal);
        var officerView = await (await officerApi.GetAsync(new Uri(url, UriKind.Relative))).JsonAsync();
        Assert.Contains("FileNote", officerView.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("kind").GetString()));
        Assert.Contains(officerView.GetProperty("activities").EnumerateArray(),
            a => a.GetProperty("kind").GetString() == "NoteToOfficer" && a.GetProperty("body").GetString() == "Please answer");
    }

    [Fact]
    public async Task Southend_HoldingReplyWithoutReasonActionDeadline_RefusedCiting917()
    {
        var (api, e) = await SouthendAssignedAsync();
        var response = await api.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/holding-replies", new { version = Version(e), reason = "Busy" });
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("action", out _));
        Assert.True(errors.TryGetProperty("newDeadline", out _));
        Assert.Equal("9.1.7", problem.GetProperty("citation").GetProperty("paragraph").GetString());
        var status = await f.WithDbAsync(db => db.Enquiries.Where(x => x.Id == Guid.Parse(Id(e))).Select(x => x.Status).SingleAsync());
        Assert.Equal(Core.Enquiries.EnquiryStatus.Assigned, status);
    }

    [Fact]
    public async Task Southend_HoldingReplyWithAllThree_SetsPromisedDate()
    {
        var (api, e) = await SouthendAssignedAsync();
        var response = await api.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/holding-replies",
            new { version = Version(e), reason = "Awaiting survey", action = "Surveyor visiting Tuesday", newDeadline = "2026-11-30" });
        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2026-11-30", body.GetProperty("promisedBy").GetString());
    }

    [Fact]
    public async Task StaleVersion_Update_Returns409AndChangesNothing()
    {
        var (api, e) = await SouthendAssignedAsync();
        var url = $"/api/v1/enquiries/{Id(e)}";
        var first = await api.PostJsonAsync(url + "/responses", new { version = Version(e), body = "First answer" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await api.PostJsonAsync(url + "/holding-replies", new { version = Version(e), reason = "r", action = "a", newDeadline = "2026-12-01" });
        await stale.ProblemAsync(HttpStatusCode.Conflict);
        var count = await f.WithDbAsync(db => db.EnquiryActivities.CountAsync(a => a.EnquiryId == Guid.Parse(Id(e)) && a.Kind == Core.Enquiries.ActivityKind.HoldingReply));
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task District002_OralAnswer_MustBeConfirmedInWritingBeforeClosing()
    {
        var hub = await f.ApiClientAsync("hub@district-002.demo");
        var member = await f.MemberIdAsync("member@district-002.demo");
        var officerId = await f.OfficerIdAsync("officer@district-002.demo");
        var e = await hub.LogAsync(new { memberId = member, channel = "phone", subject = "Grass cutting", details = "When is the next cut?" });
        var url = $"/api/v1/enquiries/{Id(e)}";
        var assigned = await (await hub.PostJsonAsync(url + "/assignment", new { version = Version(e), officerId })).JsonAsync();
        var officer = await f.ApiClientAsync("officer@district-002.demo");
        var oral = await (await officer.PostJsonAsync(url + "/responses", new { version = Version(assigned), body = "Told them: next Tuesday.", oral = true })).JsonAsync();
        Assert.True(oral.GetProperty("awaitingWrittenConfirmation").GetBoolean());
        var close = await officer.PostJsonAsync(url + "/close", new { version = Version(oral) });
        await close.ProblemAsync(HttpStatusCode.Conflict);
        var written = await (await officer.PostJsonAsync(url + "/responses", new { version = Version(oral), body = "Confirming: the next cut is Tuesday." })).JsonAsync();
        Assert.False(written.GetProperty("awaitingWrittenConfirmation").GetBoolean());

        // 16.6: information was given in a conversation, so the file needs a note of it before the enquiry closes.
        var noNote = await (await officer.PostJsonAsync(url + "/close", new { version = Version(written) })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("16.6", noNote.GetProperty("citation").GetProperty("paragraph").GetString());
        Assert.Equal(HttpStatusCode.OK, (await officer.PostJsonAsync(url + "/file-notes", new { text = "Phoned the councillor: next cut Tuesday." })).StatusCode);
        var closed = await officer.PostJsonAsync(url + "/close", new { version = Version(written) });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
    }

    [Fact]
    public async Task Cambridge_MoveToComplaints_SetsTenWorkingDayComplaintDeadline()
    {
        var hub = await f.ApiClientAsync("hub@cambridge.demo");
        var member = await f.MemberIdAsync("member@cambridge.demo");
        var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Resident unhappy", details = "Complaint about missed repairs." });
        var moved = await hub.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/complaint", new { version = Version(e), reason = "The resident is complaining about service failure." });
        var body = await moved.JsonAsync();
        Assert.Equal("moved_to_complaints", body.GetProperty("status").GetString());
        Assert.Equal("2026-11-16", body.GetProperty("complaintDueOn").GetString());
    }

    [Fact]
    public async Task District002_167_ConstituentDataWithoutConsentEvidence_LoggedAndTheReplyHeldUntilRecorded()
    {
        // 16.7: evidence "should be sought": the enquiry is logged, and what waits is the release of information.
        var member = await f.ApiClientAsync("member@district-002.demo");
        var e = await member.LogAsync(new { subject = "Housing case", details = "Mrs A's housing application", hasConstituentData = true });
        Assert.True(e.GetProperty("awaitingConsentEvidence").GetBoolean());
        var sought = e.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "ConsentEvidenceSought");
        Assert.Contains("16.7", sought.GetProperty("citation").GetString(), StringComparison.Ordinal);

        var hub = await f.ApiClientAsync("hub@district-002.demo");
        var officerId = await f.OfficerIdAsync("officer@district-002.demo");
        var assigned = await (await hub.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/assignment", new { version = Version(e), officerId })).JsonAsync();
        var officer = await f.ApiClientAsync("officer@district-002.demo");
        var held = await officer.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/responses", new { version = Version(assigned), body = "Her application is at stage 2." });
        var problem = await held.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("16.7", problem.GetProperty("citation").GetProperty("paragraph").GetString());

        var recorded = await member.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/consent-evidence", new { text = "Letter from Mrs A dated 1 November" });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var withConsent = await recorded.JsonAsync();
        Assert.False(withConsent.GetProperty("awaitingConsentEvidence").GetBoolean());
        var sent = await officer.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/responses", new { version = Version(withConsent), body = "Her application is at stage 2." });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
    }

    private async Task<(HttpClient Api, JsonElement Enquiry)> SouthendAssignedAsync()
    {
        var hub = await f.ApiClientAsync("hub@southend-on-sea.demo");
        var member = await f.MemberIdAsync("member@southend-on-sea.demo");
        var officerId = await f.OfficerIdAsync("officer@southend-on-sea.demo");
        var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Pothole", details = "Large pothole on London Road." });
        var assigned = await (await hub.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/assignment", new { version = Version(e), officerId })).JsonAsync();
        return (await f.ApiClientAsync("officer@southend-on-sea.demo"), assigned);
    }
}
