using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolan.Core.Audit;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.DataStore;

/// <summary>Every change is audited in its own transaction's hash chain; tampering is detected.</summary>
public sealed class AuditTrailTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private async Task<Guid> EnquiryWithHistoryAsync()
    {
        var hub = await f.ApiClientAsync("hub@southend-on-sea.demo");
        var member = await f.MemberIdAsync("member@southend-on-sea.demo");
        var officerId = await f.OfficerIdAsync("officer@southend-on-sea.demo");
        var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Audited", details = "Every step is recorded." });
        var id = e.GetProperty("id").GetString()!;
        var assigned = await (await hub.PostJsonAsync($"/api/v1/enquiries/{id}/assignment", new { version = 1, officerId })).JsonAsync();
        var officer = await f.ApiClientAsync("officer@southend-on-sea.demo");
        await officer.PostJsonAsync($"/api/v1/enquiries/{id}/holding-replies",
            new { version = assigned.GetProperty("version").GetInt32(), reason = "r", action = "a", newDeadline = "2026-12-01" });
        return Guid.Parse(id);
    }

    private Task<AuditVerification> VerifyAsync() => f.WithDbAsync(db => AuditChain.VerifyAsync(db));

    [Fact]
    public async Task EnquiryChanges_EachWritesAChainedEventWithItsParagraph()
    {
        var id = await EnquiryWithHistoryAsync();
        var events = await f.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Stream == $"enquiry/{id}").OrderBy(e => e.Seq).ToListAsync());
        Assert.Equal(["enquiry.logged", "enquiry.assigned", "enquiry.holding_reply_sent"], events.Select(e => e.Action));
        Assert.Equal([1, 2, 3], events.Select(e => e.Seq));
        Assert.Equal(events[0].Hash, events[1].PrevHash);
        Assert.Contains("§9.1.5", events[0].Citation, StringComparison.Ordinal);
        Assert.Contains("§9.1.7", events[2].Citation, StringComparison.Ordinal);
        Assert.All(events, e => Assert.NotNull(e.ActorAccountId));
        Assert.True((await VerifyAsync()).Ok);
    }

    [Fact]
    public async Task AlteredEvent_VerificationReportsIt()
    {
        var id = await EnquiryWithHistoryAsync();
        await f.WithDbAsync(db => db.AuditEvents.Where(e => e.Stream == $"enquiry/{id}" && e.Seq == 2)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Data, "{\"old\":null,\"new\":{\"forged\":true}}")));

        var result = await VerifyAsync();

        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Contains($"enquiry/{id} #2", StringComparison.Ordinal));
        await RestoreAsync();
    }

    [Fact]
    public async Task DeletedStreamAfterSealing_VerificationReportsIt()
    {
        var id = await EnquiryWithHistoryAsync();
        using (var scope = f.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Core.DataStore.NolanDbContext>();
            Assert.True(await AuditChain.SealAsync(db, f.Clock) > 0);
        }

        Assert.True((await VerifyAsync()).Ok);
        await f.WithDbAsync(db => db.AuditEvents.Where(e => e.Stream == $"enquiry/{id}").ExecuteDeleteAsync());

        var result = await VerifyAsync();

        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Contains("seal", StringComparison.Ordinal));
        await RestoreAsync();
    }

    [Fact]
    public async Task DeletedMiddleEvent_VerificationReportsGap()
    {
        var id = await EnquiryWithHistoryAsync();
        await f.WithDbAsync(db => db.AuditEvents.Where(e => e.Stream == $"enquiry/{id}" && e.Seq == 2).ExecuteDeleteAsync());
        var result = await VerifyAsync();
        Assert.Contains(result.Problems, p => p.Contains("missing", StringComparison.Ordinal));
        await RestoreAsync();
    }

    /// <summary>These tests damage the trail on purpose: start the next from an empty, valid one.</summary>
    private Task<int> RestoreAsync() => f.WithDbAsync(async db =>
    {
        await db.AuditEvents.ExecuteUpdateAsync(u => u.SetProperty(e => e.SealId, (Guid?)null));
        await db.AuditSeals.ExecuteDeleteAsync();
        return await db.AuditEvents.ExecuteDeleteAsync();
    });
}
