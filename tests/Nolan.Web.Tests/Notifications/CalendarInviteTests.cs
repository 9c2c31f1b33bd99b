using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Nolan.Core.Notifications;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Notifications;

/// <summary>Meetings about an enquiry arrive as calendar invitations (.ics with Ical.Net) over real SMTP.</summary>
public sealed class CalendarInviteTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private async Task<(string Id, string Reference)> EnquiryWithManagerAsync()
    {
        var member = await f.ApiClientAsync("member@west-oxfordshire.demo");
        var service = await f.ServiceIdAsync("west-oxfordshire", "Waste and recycling");
        var e = await member.LogAsync(new { subject = "Site visit: flooded bin store", details = "Water pools by the bins.", serviceId = service });
        return (e.GetProperty("id").GetString()!, e.GetProperty("reference").GetString()!);
    }

    private async Task DeliverAsync()
    {
        using var scope = f.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(200);
    }

    [Fact]
    public async Task MeetingArranged_MemberAndOfficerGetAnInvitation_InLondonTime()
    {
        var (id, reference) = await EnquiryWithManagerAsync();
        var manager = await f.ApiClientAsync("manager@west-oxfordshire.demo");

        // 1 June 2027 13:00 UTC is 14:00 in London (summer time).
        var response = await manager.PostJsonAsync($"/api/v1/enquiries/{id}/meetings",
            new { start = "2027-06-01T13:00:00Z", end = "2027-06-01T14:00:00Z", location = "Bin store, Elm Court", note = "Bring the drainage plans." });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.JsonAsync();
        Assert.Contains(view.GetProperty("activities").EnumerateArray(), a => a.GetProperty("kind").GetString() == "MeetingArranged"
            && a.GetProperty("body").GetString()!.Contains("1 June 2027 at 2pm to 3pm, Bin store, Elm Court.", StringComparison.Ordinal));

        // The member sees the meeting on the enquiry too.
        var member = await f.ApiClientAsync("member@west-oxfordshire.demo");
        var asMember = await (await member.GetAsync($"/api/v1/enquiries/{id}")).JsonAsync();
        Assert.Contains(asMember.GetProperty("activities").EnumerateArray(), a => a.GetProperty("kind").GetString() == "MeetingArranged");

        await DeliverAsync();
        var messages = await SmtpSink.MessagesAsync($"Meeting about enquiry {reference}", atLeast: 2);
        Assert.Equal(2, messages.Count);
        foreach (var message in messages)
        {
            var part = Assert.Single(message.BodyParts.OfType<MimePart>(), p => p.ContentType.MimeType == "text/calendar");
            Assert.Equal("REQUEST", part.ContentType.Parameters["method"]);
            using var stream = new MemoryStream();
            await part.Content!.DecodeToAsync(stream);
            var ics = System.Text.Encoding.UTF8.GetString(stream.ToArray());
            var calendar = Ical.Net.Calendar.Load(ics)!;
            Assert.Equal("REQUEST", calendar.Method);
            var e = Assert.Single(calendar.Events);
            Assert.Equal($"Enquiry {reference}: Site visit: flooded bin store", e.Summary);
            Assert.Equal("Bin store, Elm Court", e.Location);
            Assert.Equal("Europe/London", e.DtStart!.TzId);
            Assert.Equal(new DateTime(2027, 6, 1, 14, 0, 0), e.DtStart.Value);
            Assert.Equal(new DateTime(2027, 6, 1, 15, 0, 0), e.DtEnd!.Value);
            Assert.EndsWith("@nolan", e.Uid, StringComparison.Ordinal);
            Assert.Equal(2, e.Attendees.Count);
            Assert.Contains(message.To.Mailboxes.Single().Address, e.Attendees.Select(a => a.Value!.ToString().Replace("mailto:", "", StringComparison.Ordinal)));
            Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/London");
            // RFC 5545 3.6.5: a VTIMEZONE has at least one STANDARD or DAYLIGHT part; London's has both (GMT and BST).
            var zone = ics[ics.IndexOf("BEGIN:VTIMEZONE", StringComparison.Ordinal)..ics.IndexOf("END:VTIMEZONE", StringComparison.Ordinal)];
            Assert.Contains("BEGIN:STANDARD", zone, StringComparison.Ordinal);
            Assert.Contains("BEGIN:DAYLIGHT", zone, StringComparison.Ordinal);
            Assert.Contains("TZOFFSETTO:+0100", zone, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Meeting_BadInput_AndWrongPeople_Refused()
    {
        var (id, _) = await EnquiryWithManagerAsync();
        var manager = await f.ApiClientAsync("manager@west-oxfordshire.demo");
        foreach (var (body, field) in new (object, string)[]
        {
            (new { end = "2026-11-10T10:00:00Z", location = "Hall" }, "start"),
            (new { start = "2026-10-01T10:00:00Z", end = "2026-10-01T11:00:00Z", location = "Hall" }, "start"),
            (new { start = "2026-11-10T10:00:00Z", end = "2026-11-10T09:00:00Z", location = "Hall" }, "end"),
            (new { start = "2026-11-10T10:00:00Z", end = "2026-11-11T10:00:00Z", location = "Hall" }, "end"),
            (new { start = "2026-11-10T10:00:00Z", end = "2026-11-10T11:00:00Z" }, "location"),
            (new { start = "2026-11-10T10:00:00Z", end = "2026-11-10T11:00:00Z", location = new string('x', 301) }, "location"),
        })
        {
            var problem = await (await manager.PostJsonAsync($"/api/v1/enquiries/{id}/meetings", body)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        var good = new { start = "2026-11-10T10:00:00Z", end = "2026-11-10T11:00:00Z", location = "Hall" };
        var raisingMember = await f.ApiClientAsync("member@west-oxfordshire.demo");
        await (await raisingMember.PostJsonAsync($"/api/v1/enquiries/{id}/meetings", good)).ProblemAsync(HttpStatusCode.Forbidden);
        var otherMember = await f.ApiClientAsync("member2@west-oxfordshire.demo");
        await (await otherMember.PostJsonAsync($"/api/v1/enquiries/{id}/meetings", good)).ProblemAsync(HttpStatusCode.NotFound);
        var otherCouncil = await f.ApiClientAsync("manager@cambridge.demo");
        await (await otherCouncil.PostJsonAsync($"/api/v1/enquiries/{id}/meetings", good)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MeetingPage_ArrangesAMeeting_AndBadTimesGetAnErrorSummary()
    {
        var (id, _) = await EnquiryWithManagerAsync();
        var page = await f.SignInAsync("manager@west-oxfordshire.demo");
        var (view, doc) = await page.GetAsync($"/enquiries/{id}");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.NotNull(doc.QuerySelector($"a[href='/enquiries/{id}/meeting']"));

        var bad = await page.PostFormAsync($"/enquiries/{id}/meeting", new()
        {
            ["MeetingDate.Day"] = "10",
            ["MeetingDate.Month"] = "11",
            ["MeetingDate.Year"] = "2026",
            ["StartTime"] = "half past two",
            ["EndTime"] = "3pm",
            ["Location"] = "Elm Court",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badDoc = await PageClient.ParseAsync(bad);
        Assert.Contains("Enter the start time", badDoc.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        var backwards = await page.PostFormAsync($"/enquiries/{id}/meeting", new()
        {
            ["MeetingDate.Day"] = "10",
            ["MeetingDate.Month"] = "11",
            ["MeetingDate.Year"] = "2026",
            ["StartTime"] = "3pm",
            ["EndTime"] = "2pm",
            ["Location"] = "Elm Court",
        });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("must end after it starts", (await PageClient.ParseAsync(backwards)).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        var good = await page.PostFormAsync($"/enquiries/{id}/meeting", new()
        {
            ["MeetingDate.Day"] = "10",
            ["MeetingDate.Month"] = "11",
            ["MeetingDate.Year"] = "2026",
            ["StartTime"] = "2:30pm",
            ["EndTime"] = "15:30",
            ["Location"] = "Elm Court bin store",
            ["Note"] = "Wellies advised.",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var (_, after) = await page.GetAsync($"/enquiries/{id}");
        Assert.Contains("10 November 2026 at 2:30pm to 3:30pm, Elm Court bin store.", after.Body!.TextContent, StringComparison.Ordinal);

        var member = await f.SignInAsync("member@west-oxfordshire.demo");
        var (refused, _) = await member.GetAsync($"/enquiries/{id}/meeting");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}
