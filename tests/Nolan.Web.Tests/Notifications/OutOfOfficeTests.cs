using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolan.Core.Enquiries;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Notifications;

/// <summary>
/// Out-of-office cover (Southend 9.1.6): an officer away names a colleague; enquiries routed, assigned or passed to
/// them go to the colleague, reminders reach the colleague, and everyone sees who to contact instead. Where a
/// protocol is silent on cover, the colleague is only shown as the alternative contact.
/// The factory's clock is Monday 2 November 2026.
/// </summary>
public sealed class OutOfOfficeTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private static async Task<HttpResponseMessage> PutJsonAsync(HttpClient client, string url, object body) =>
        await client.PutAsync(url, new StringContent(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Southend_AbsenceWithoutAColleague_RefusedCiting916_EvenForOneDay()
    {
        var manager = await f.ApiClientAsync("manager@southend-on-sea.demo");
        var response = await PutJsonAsync(manager, "/api/v1/me/absence", new { awayFrom = "2026-11-09", awayUntil = "2026-11-11" });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Name a colleague", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("9.1.6", problem.GetProperty("citation").GetProperty("paragraph").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/v1/me/absence")).StatusCode);

        // "Out of office email replies should always give an alternative contact": one working day needs one too.
        var oneDay = await PutJsonAsync(manager, "/api/v1/me/absence", new { awayFrom = "2026-11-07", awayUntil = "2026-11-09" });
        var oneDayProblem = await oneDay.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("alternative contact", oneDayProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var cover = await f.OfficerIdAsync("officer2@southend-on-sea.demo");
        var withCover = await PutJsonAsync(manager, "/api/v1/me/absence", new { awayFrom = "2026-11-09", awayUntil = "2026-11-11", coverOfficerId = cover });
        Assert.Equal(HttpStatusCode.OK, withCover.StatusCode);
        var current = await (await manager.GetAsync("/api/v1/me/absence")).JsonAsync();
        Assert.Equal(cover.ToString(), current.GetProperty("coverOfficerId").GetString());
        var audited = await f.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "officer.absence_set"));
        Assert.True(audited >= 1);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync("/api/v1/me/absence")).StatusCode);
    }

    [Fact]
    public async Task WestOxfordshire_SilentOnCover_OneDayAbsenceWithoutColleagueAccepted()
    {
        var officer = await f.ApiClientAsync("officer2@west-oxfordshire.demo");
        var response = await PutJsonAsync(officer, "/api/v1/me/absence", new { awayFrom = "2026-11-09", awayUntil = "2026-11-20" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync("/api/v1/me/absence")).StatusCode);
    }

    [Fact]
    public async Task Absence_BadInput_ClearErrors_NothingSaved()
    {
        var officer = await f.ApiClientAsync("officer2@cambridge.demo");
        var otherCouncilsOfficer = await f.OfficerIdAsync("officer@southend-on-sea.demo");
        foreach (var (body, field) in new (object, string)[]
        {
            (new { awayUntil = "2026-11-10" }, "awayFrom"),
            (new { awayFrom = "2026-11-10", awayUntil = "2026-11-09" }, "awayUntil"),
            (new { awayFrom = "2026-10-01", awayUntil = "2026-10-02" }, "awayUntil"),
            (new { awayFrom = "2026-11-10", awayUntil = "2028-11-10" }, "awayUntil"),
            (new { awayFrom = "2026-11-10", awayUntil = "2026-11-12", coverOfficerId = otherCouncilsOfficer }, "coverOfficerId"),
        })
        {
            var problem = await (await PutJsonAsync(officer, "/api/v1/me/absence", body)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} in {problem}");
        }

        var wrongType = await PutJsonAsync(officer, "/api/v1/me/absence", new { awayFrom = "next week" });
        await wrongType.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/me/absence")).StatusCode);

        // Members have no absence to record.
        var member = await f.ApiClientAsync("member@cambridge.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await PutJsonAsync(member, "/api/v1/me/absence", new { awayFrom = "2026-11-10", awayUntil = "2026-11-12" })).StatusCode);
    }

    [Fact]
    public async Task WestOxfordshire_SilentOnCover_ManagerAway_EnquiryStaysWithThem_PageGivesTheAlternativeContact()
    {
        // Para 29 and the rest of the protocol say nothing about cover: the colleague named is an alternative contact,
        // and the enquiry is not redirected in the protocol's name.
        var manager = await f.ApiClientAsync("manager@west-oxfordshire.demo");
        var managerId = await f.OfficerIdAsync("manager@west-oxfordshire.demo");
        var coverId = await f.OfficerIdAsync("officer@west-oxfordshire.demo");
        Assert.Equal(HttpStatusCode.OK, (await PutJsonAsync(manager, "/api/v1/me/absence",
            new { awayFrom = "2026-11-02", awayUntil = "2026-11-06", coverOfficerId = coverId })).StatusCode);
        try
        {
            var member = await f.ApiClientAsync("member@west-oxfordshire.demo");
            var service = await f.ServiceIdAsync("west-oxfordshire", "Waste and recycling");
            var e = await member.LogAsync(new { subject = "Fly-tipping behind the shops", details = "Mattresses again.", serviceId = service });
            var id = Guid.Parse(e.GetProperty("id").GetString()!);
            var stored = await f.WithDbAsync(db => db.Enquiries.SingleAsync(x => x.Id == id));
            Assert.Equal(managerId, stored.AssignedOfficerId);
            Assert.False(await f.WithDbAsync(db => db.EnquiryActivities.AnyAsync(a => a.EnquiryId == id && a.Kind == ActivityKind.PassedOn)));

            var coverName = await f.WithDbAsync(db => db.Officers.Where(o => o.Id == coverId).Select(o => o.Name).SingleAsync());
            var hub = await f.ApiClientAsync("hub@west-oxfordshire.demo");
            var view = await (await hub.GetAsync($"/api/v1/enquiries/{id}")).JsonAsync();
            Assert.Contains($"Contact {coverName}", view.GetProperty("assigneeAway").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync("/api/v1/me/absence")).StatusCode);
        }
    }

    [Fact]
    public async Task Southend916_AssigningToAnAwayOfficer_GoesToTheirCover_AndRemindersReachTheCover()
    {
        var hub = await f.ApiClientAsync("hub@southend-on-sea.demo");
        var member = await f.MemberIdAsync("member@southend-on-sea.demo");
        var e = await hub.LogAsync(new { memberId = member, channel = "phone", subject = "Cover check", details = "d", receivedAt = "2026-10-26T09:00:00Z" });
        var id = e.GetProperty("id").GetString()!;
        var away = await f.ApiClientAsync("officer@southend-on-sea.demo");
        var awayId = await f.OfficerIdAsync("officer@southend-on-sea.demo");
        var coverId = await f.OfficerIdAsync("manager@southend-on-sea.demo");
        Assert.Equal(HttpStatusCode.OK, (await PutJsonAsync(away, "/api/v1/me/absence",
            new { awayFrom = "2026-11-02", awayUntil = "2026-11-20", coverOfficerId = coverId })).StatusCode);

        var assigned = await (await hub.PostJsonAsync($"/api/v1/enquiries/{id}/assignment",
            new { version = e.GetProperty("version").GetInt32(), officerId = awayId })).JsonAsync();

        var coverName = await f.WithDbAsync(db => db.Officers.Where(o => o.Id == coverId).Select(o => o.Name).SingleAsync());
        Assert.Equal(coverName, assigned.GetProperty("assignedOfficer").GetString());
        var passedOn = assigned.GetProperty("activities").EnumerateArray().Last();
        Assert.Contains("is covering", passedOn.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("9.1.6", passedOn.GetProperty("citation").GetString(), StringComparison.Ordinal);

        // Now give the enquiry back to the away officer directly (as if assigned before the absence) and let it go overdue.
        await f.WithDbAsync(async db =>
        {
            var row = await db.Enquiries.SingleAsync(x => x.Id == Guid.Parse(id));
            row.AssignedOfficerId = awayId;
            var reply = await db.Duties.SingleAsync(d => d.ItemId == row.Id && d.MetAt == null);
            reply.OwedByOfficerId = awayId;
            await db.SaveChangesAsync();
            return 0;
        });
        f.Clock.AdjustTime(new DateTimeOffset(2026, 11, 17, 9, 0, 0, TimeSpan.Zero));
        try
        {
            using var scope = f.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<Nolan.Core.Kernel.DutyReminders>().RunAsync();
            var coverEmail = await f.WithDbAsync(db => db.Officers.Where(o => o.Id == coverId).Select(o => o.Email).SingleAsync());
            var toCover = await f.WithDbAsync(db => db.OutboxMessages
                .Where(m => m.DedupKey.StartsWith($"reminder/{id}/overdue/") && m.DedupKey.EndsWith($"/cover/{coverId}")).ToListAsync());
            var reminder = Assert.Single(toCover);
            Assert.Equal(coverEmail, reminder.ToAddress);
            Assert.Contains("You are receiving this as their cover", reminder.BodyText, StringComparison.Ordinal);
            // The reminder names the enquiry and the member: the colleague covering may open it, by a recorded grant.
            Assert.True(await f.WithDbAsync(db => db.AccessGrants.AnyAsync(g => g.ResourceId == Guid.Parse(id) && g.OfficerId == coverId
                && g.Effect == Nolan.Core.Access.GrantEffect.Allow && g.Reason == "Covering for an absent officer" && g.Citation!.Contains("9.1.6")
                && g.ExpiresAt == new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero))));
        }
        finally
        {
            f.Clock.AdjustTime(NolanFactory.DefaultNow);
        }
    }
}
