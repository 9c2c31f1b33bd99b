using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolan.Core.Enquiries;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Notifications;

/// <summary>Reminder timing with a fake clock: working days, weekends, bank holidays and closure days.</summary>
public sealed class ReminderTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private static DateTimeOffset At(int y, int m, int d, int hour = 9) => new(y, m, d, hour, 0, 0, TimeSpan.Zero);

    private async Task<Nolan.Core.Kernel.ReminderRound> RunAsync(DateTimeOffset now)
    {
        f.Clock.AdjustTime(now);
        using var scope = f.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Nolan.Core.Kernel.DutyReminders>().RunAsync();
    }

    private Task<List<(string Key, string To)>> RemindersAsync(string id) => f.WithDbAsync(async db =>
        (await db.OutboxMessages.AsNoTracking().Where(m => m.DedupKey.StartsWith($"reminder/{id}/"))
            .Select(m => new { m.DedupKey, m.ToAddress }).ToListAsync()).Select(m => (m.DedupKey, m.ToAddress)).ToList());

    /// <summary>West Oxfordshire (5 working days) enquiry received on <paramref name="received"/>, assigned to officer@.</summary>
    private async Task<(string Id, int Version)> WestOxonAsync(DateTimeOffset received, DateTimeOffset now)
    {
        f.Clock.AdjustTime(now);
        var hub = await f.ApiClientAsync("hub@west-oxfordshire.demo");
        var member = await f.MemberIdAsync("member@west-oxfordshire.demo");
        var service = await f.ServiceIdAsync("west-oxfordshire", "Waste and recycling");
        var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Reminder check", details = "d", serviceId = service, receivedAt = received });
        var officerId = await f.OfficerIdAsync("officer@west-oxfordshire.demo");
        var assigned = await (await hub.PostJsonAsync($"/api/v1/enquiries/{e.GetProperty("id").GetString()}/assignment",
            new { version = e.GetProperty("version").GetInt32(), officerId })).JsonAsync();
        return (assigned.GetProperty("id").GetString()!, assigned.GetProperty("version").GetInt32());
    }

    private Task<string> EmailOfAsync(string account) =>
        f.WithDbAsync(db => (from a in db.Accounts join o in db.Officers on a.Id equals o.AccountId where a.Email == account select o.Email).SingleAsync());

    [Fact]
    public async Task DueSoon_SentOnTheWorkingDayBeforeAcrossChristmas_NotBefore()
    {
        // Received Mon 21 Dec 2026: due Wed 30 Dec (25 and 28 Dec are bank holidays; the council has published no
        // closure days, so none are assumed).
        var (id, _) = await WestOxonAsync(At(2026, 12, 21), At(2026, 12, 21, 15));

        await RunAsync(At(2026, 12, 24));
        Assert.Empty(await RemindersAsync(id));

        var round = await RunAsync(At(2026, 12, 29, 7));

        var reminders = await RemindersAsync(id);
        var (key, to) = Assert.Single(reminders);
        Assert.Equal($"reminder/{id}/due-soon/2026-12-30", key);
        Assert.Equal(await EmailOfAsync("officer@west-oxfordshire.demo"), to);
        Assert.True(round.DueSoon >= 1);
    }

    [Fact]
    public async Task DueSoon_DueOnMonday_SentOnFridayNotAtTheWeekend()
    {
        // Received Mon 9 Nov 2026: due Mon 16 Nov.
        var (id, _) = await WestOxonAsync(At(2026, 11, 9), At(2026, 11, 9, 12));
        await RunAsync(At(2026, 11, 12));
        Assert.Empty(await RemindersAsync(id));
        await RunAsync(At(2026, 11, 13));
        Assert.Single(await RemindersAsync(id));
        await RunAsync(At(2026, 11, 14));
        await RunAsync(At(2026, 11, 15));
        Assert.Single(await RemindersAsync(id));
    }

    [Fact]
    public async Task Overdue_OfficerAndManagerToldOnce_ThenAgainWhenPromisedDatePasses()
    {
        // Received Mon 9 Nov 2026: due Mon 16 Nov; overdue from Tue 17 Nov.
        var (id, version) = await WestOxonAsync(At(2026, 11, 9), At(2026, 11, 9, 12));
        await RunAsync(At(2026, 11, 16, 17));
        Assert.DoesNotContain(await RemindersAsync(id), r => r.Key.Contains("/overdue/", StringComparison.Ordinal));

        await RunAsync(At(2026, 11, 17));
        await RunAsync(At(2026, 11, 17, 14));
        var overdue = (await RemindersAsync(id)).Where(r => r.Key.Contains("/overdue/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, overdue.Count);
        var toOfficer = Assert.Single(overdue, r => r.Key.EndsWith("/officer", StringComparison.Ordinal));
        var toManager = Assert.Single(overdue, r => r.Key.EndsWith("/manager", StringComparison.Ordinal));
        Assert.Equal(await EmailOfAsync("officer@west-oxfordshire.demo"), toOfficer.To);
        Assert.Equal(await EmailOfAsync("manager@west-oxfordshire.demo"), toManager.To);

        var officer = await f.ApiClientAsync("officer@west-oxfordshire.demo");
        var holding = await officer.PostJsonAsync($"/api/v1/enquiries/{id}/holding-replies",
            new { version, reason = "Awaiting the contractor", newDeadline = "2026-11-20" });
        Assert.Equal(System.Net.HttpStatusCode.OK, holding.StatusCode);
        await RunAsync(At(2026, 11, 20, 12));
        Assert.Equal(2, (await RemindersAsync(id)).Count(r => r.Key.Contains("/overdue/", StringComparison.Ordinal)));

        await RunAsync(At(2026, 11, 23));
        Assert.Equal(4, (await RemindersAsync(id)).Count(r => r.Key.Contains("/overdue/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WestOxfordshire_VeryOverdue_NobodyEscalatedTo_TheProtocolNamesNobody()
    {
        // Due Mon 16 Nov; very overdue (council policy) from Tue 24 Nov, but the protocol names nobody to escalate to.
        var (id, _) = await WestOxonAsync(At(2026, 11, 9), At(2026, 11, 9, 12));
        await RunAsync(At(2026, 11, 24));
        Assert.DoesNotContain(await RemindersAsync(id), r => r.Key.EndsWith("/very-overdue", StringComparison.Ordinal));
        Assert.Contains(await RemindersAsync(id), r => r.Key.EndsWith("/manager", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Southend919_VeryOverdue_ChiefOfficerForTheServiceTold()
    {
        // Received Mon 9 Nov: due Mon 23 Nov (10 working days, 9.1.5); very overdue after 10 more (Mon 7 Dec), so from
        // Tue 8 Dec the Chief Officer for the service answers for it (9.1.9).
        f.Clock.AdjustTime(At(2026, 11, 9, 12));
        var hub = await f.ApiClientAsync("hub@southend-on-sea.demo");
        var member = await f.MemberIdAsync("member@southend-on-sea.demo");
        var service = await f.ServiceIdAsync("southend-on-sea", "Waste and recycling");
        var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Escalation check", details = "d", serviceId = service, receivedAt = At(2026, 11, 9) });
        var officerId = await f.OfficerIdAsync("officer@southend-on-sea.demo");
        var id = e.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await hub.PostJsonAsync($"/api/v1/enquiries/{id}/assignment",
            new { version = e.GetProperty("version").GetInt32(), officerId })).StatusCode);

        await RunAsync(At(2026, 12, 7, 12));
        Assert.DoesNotContain(await RemindersAsync(id), r => r.Key.EndsWith("/very-overdue", StringComparison.Ordinal));
        await RunAsync(At(2026, 12, 8));
        var chiefEmail = await f.WithDbAsync(db => (from s in db.Services
                                                    join c in db.Councils on s.CouncilId equals c.Id
                                                    join o in db.Officers on s.ChiefOfficerId equals o.Id
                                                    where c.Slug == "southend-on-sea" && s.Name == "Waste and recycling"
                                                    select o.Email).SingleAsync());
        var very = Assert.Single(await RemindersAsync(id), r => r.Key.EndsWith("/very-overdue", StringComparison.Ordinal));
        Assert.Equal(chiefEmail, very.To);
        var body = await f.WithDbAsync(db => db.OutboxMessages.Where(m => m.DedupKey == $"reminder/{id}/very-overdue").Select(m => m.BodyText).SingleAsync());
        Assert.Contains("9.1.9", body, StringComparison.Ordinal);

        // The Chief Officer can open what they are asked to answer for: a recorded grant, in the audit trail.
        var chiefId = await f.WithDbAsync(db => db.Officers.Where(o => o.Email == chiefEmail).Select(o => o.Id).SingleAsync());
        var grant = await f.WithDbAsync(db => db.AccessGrants.SingleAsync(g => g.ResourceId == Guid.Parse(id) && g.OfficerId == chiefId));
        Assert.Equal(Core.Access.GrantEffect.Allow, grant.Effect);
        Assert.Contains("9.1.9", grant.Citation, StringComparison.Ordinal);
        Assert.True(await f.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EntityId == Guid.Parse(id) && a.Action == "access.granted")));
        var chief = new Core.Access.Actor { AccountId = Guid.NewGuid(), Name = "Chief", OfficerId = chiefId };
        Assert.True(await f.WithDbAsync(async db => await db.Enquiries.Where(e => e.Id == Guid.Parse(id))
            .VisibleTo(db, chief, f.Clock.GetUtcNow(), await EnquiryAccess.Rule.GrantsAsync(db, chief, f.Clock.GetUtcNow(), default)).AnyAsync()));
    }
}
