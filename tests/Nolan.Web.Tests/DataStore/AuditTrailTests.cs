using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolan.Core.Access;
using Nolan.Core.Audit;
using Nolan.Core.Enquiries;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.DataStore;

/// <summary>
/// Every change is audited in its own transaction's hash chain, each event commits to the rows of its item as they
/// were after the change, seals are keyed with a secret the database does not hold and published to an anchor file.
/// Each tamper test makes one change an attacker with write access to the database could make, and verification must
/// fail naming what was touched. The tests damage the trail on purpose: each ends by wiping the casework and its trail,
/// so the next starts from an empty, valid one.
/// </summary>
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
        var held = await (await officer.PostJsonAsync($"/api/v1/enquiries/{id}/holding-replies",
            new { version = assigned.GetProperty("version").GetInt32(), reason = "r", action = "a", newDeadline = "2026-12-01" })).JsonAsync();
        await officer.PostJsonAsync($"/api/v1/enquiries/{id}/responses", new { version = held.GetProperty("version").GetInt32(), body = "The answer." });
        return Guid.Parse(id);
    }

    private Task<AuditVerification> VerifyAsync(AuditTrust? trust = null) => f.WithDbAsync(db => AuditChain.VerifyAsync(db, trust ?? f.AuditTrust));

    private Task<int> SealAsync() => f.WithDbAsync(db => AuditChain.SealAsync(db, f.Clock, f.AuditTrust));

    private async Task<IReadOnlyList<string>> ProblemsAfterAsync(Func<Core.DataStore.NolanDbContext, Task> tamper)
    {
        await f.WithDbAsync(async db =>
        {
            await tamper(db);
            return 0;
        });
        var result = await VerifyAsync();
        Assert.False(result.Ok);
        return result.Problems;
    }

    [Fact]
    public async Task EnquiryChanges_EachWritesAChainedEventWithItsParagraph_AndCommitsToTheRows()
    {
        var id = await EnquiryWithHistoryAsync();
        var events = await f.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Stream == $"enquiry/{id}").OrderBy(e => e.Seq).ToListAsync());
        Assert.Equal(["enquiry.logged", "enquiry.assigned", "enquiry.holding_reply_sent", "enquiry.answered"], events.Select(e => e.Action));
        Assert.Equal([1, 2, 3, 4], events.Select(e => e.Seq));
        Assert.Equal(events[0].Hash, events[1].PrevHash);
        Assert.Contains("§9.1.5", events[0].Citation, StringComparison.Ordinal);
        Assert.Contains("§9.1.7", events[2].Citation, StringComparison.Ordinal);
        Assert.All(events, e => Assert.NotNull(e.ActorAccountId));
        Assert.All(events, e => Assert.Contains($"Enquiry/{id}", e.State, StringComparison.Ordinal));
        Assert.Contains("EnquiryActivity/", events[3].State, StringComparison.Ordinal);
        Assert.True((await SealAsync()) > 0);
        var result = await VerifyAsync();
        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.True(result.Rows > 0);
        Assert.True(result.Anchored > 0);
        await WipeAsync();
    }

    [Theory]
    [InlineData("subject")]
    [InlineData("member")]
    [InlineData("status")]
    public async Task Tamper_EnquiryRowUpdatedDirectly_VerificationNamesTheEnquiry(string column)
    {
        var id = await EnquiryWithHistoryAsync();
        var other = await f.MemberIdAsync("member2@southend-on-sea.demo");

        var problems = await ProblemsAfterAsync(db => column switch
        {
            "subject" => db.Enquiries.Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Subject, "Quietly changed")),
            "member" => db.Enquiries.Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.MemberId, other)),
            _ => db.Enquiries.Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EnquiryStatus.Closed)),
        });

        Assert.Contains(problems, p => p.StartsWith($"Enquiry/{id}: differs from the state enquiry/{id} #", StringComparison.Ordinal));
        await WipeAsync();
    }

    [Fact]
    public async Task Tamper_ResponseTextEdited_VerificationNamesTheActivity()
    {
        var id = await EnquiryWithHistoryAsync();
        var response = await f.WithDbAsync(db => db.EnquiryActivities.Where(a => a.EnquiryId == id && a.Kind == ActivityKind.Response).Select(a => a.Id).SingleAsync());

        var problems = await ProblemsAfterAsync(db => db.EnquiryActivities.Where(a => a.Id == response)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Body, "A different answer")));

        Assert.Contains(problems, p => p.StartsWith($"EnquiryActivity/{response}: differs", StringComparison.Ordinal));
        await WipeAsync();
    }

    [Fact]
    public async Task Tamper_GrantInsertedDirectly_SilentCopy_VerificationNamesTheGrant()
    {
        var id = await EnquiryWithHistoryAsync();
        var grant = new AccessGrant
        {
            CouncilId = await f.CouncilIdAsync("southend-on-sea"),
            ResourceType = EnquiryAccess.Type,
            ResourceId = id,
            MemberId = await f.MemberIdAsync("member2@southend-on-sea.demo"),
            Reason = "Copied",
            GrantedByAccountId = await f.WithDbAsync(db => db.Accounts.Select(a => a.Id).FirstAsync()),
            GrantedAt = f.Clock.GetUtcNow(),
        };

        var problems = await ProblemsAfterAsync(async db =>
        {
            db.AccessGrants.Add(grant);
            await SaveWithoutAuditAsync(db);
        });

        Assert.Contains(problems, p => p == $"AccessGrant/{grant.Id}: no audit event records this row (written outside Nolan)");
        await WipeAsync();
    }

    [Fact]
    public async Task Tamper_EnquiryDeletedWithItsActivities_VerificationNamesIt()
    {
        var id = await EnquiryWithHistoryAsync();

        var problems = await ProblemsAfterAsync(async db =>
        {
            await db.EnquiryActivities.Where(a => a.EnquiryId == id).ExecuteDeleteAsync();
            await db.Duties.Where(d => d.ItemId == id).ExecuteDeleteAsync();
            await db.Enquiries.Where(e => e.Id == id).ExecuteDeleteAsync();
        });

        Assert.Contains(problems, p => p.StartsWith($"Enquiry/{id}: recorded by enquiry/{id} #", StringComparison.Ordinal) && p.EndsWith("but missing (deleted outside Nolan)", StringComparison.Ordinal));
        await WipeAsync();
    }

    [Fact]
    public async Task Tamper_ActivityDeletedAndAForgedEventOfAnotherItemSaysSo_VerificationReportsBoth()
    {
        var id = await EnquiryWithHistoryAsync();
        var response = await f.WithDbAsync(db => db.EnquiryActivities.Where(a => a.EnquiryId == id && a.Kind == ActivityKind.Response).Select(a => a.Id).SingleAsync());

        var problems = await ProblemsAfterAsync(async db =>
        {
            await db.EnquiryActivities.Where(a => a.Id == response).ExecuteDeleteAsync();
            // A new, well-chained stream whose one event claims the deletion: what someone with only the database can write.
            var forged = new AuditEvent
            {
                Stream = "forged/1",
                Seq = 1,
                At = f.Clock.GetUtcNow().AddYears(1),
                ActorName = "Nolan",
                Action = "enquiry.tidied",
                EntityType = "forged",
                EntityId = Guid.NewGuid(),
                Data = "{}",
                State = $"{{\"EnquiryActivity/{response}\":\"deleted\"}}",
                PrevHash = AuditEvent.Genesis,
                Hash = "",
            };
            forged.Hash = forged.Recompute();
            db.AuditEvents.Add(forged);
            await SaveWithoutAuditAsync(db);
        });

        Assert.Contains(problems, p => p.StartsWith($"EnquiryActivity/{response}: recorded by enquiry/{id} #", StringComparison.Ordinal) && p.EndsWith("but missing (deleted outside Nolan)", StringComparison.Ordinal));
        await WipeAsync();
    }

    [Fact]
    public async Task Tamper_NewestSealDeleted_VerificationReportsEventsWithoutTheirSealAndTheAnchor()
    {
        await EnquiryWithHistoryAsync();
        Assert.True(await SealAsync() > 0);
        await EnquiryWithHistoryAsync();
        Assert.True(await SealAsync() > 0);

        var problems = await ProblemsAfterAsync(async db =>
        {
            var newest = await db.AuditSeals.OrderByDescending(s => s.Number).FirstAsync();
            await db.AuditSeals.Where(s => s.Id == newest.Id).ExecuteDeleteAsync();
        });

        Assert.Contains(problems, p => p.Contains("marked as sealed by a seal that is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("seal 2 was published in the anchor file but is missing", StringComparison.Ordinal));
        await WipeAsync();
    }

    [Fact]
    public async Task Tamper_ItemsLastEventDeletedBeforeTheNextSeal_VerificationNamesTheRowsItCommittedTo()
    {
        var id = await EnquiryWithHistoryAsync();

        var problems = await ProblemsAfterAsync(async db =>
        {
            var last = await db.AuditEvents.Where(e => e.Stream == $"enquiry/{id}").MaxAsync(e => e.Seq);
            await db.AuditEvents.Where(e => e.Stream == $"enquiry/{id}" && e.Seq == last).ExecuteDeleteAsync();
        });

        // The enquiry row no longer matches the event before, and the response it wrote has no event at all.
        Assert.Contains(problems, p => p.StartsWith($"Enquiry/{id}: differs", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("EnquiryActivity/", StringComparison.Ordinal) && p.Contains("no audit event", StringComparison.Ordinal));
        await WipeAsync();
    }

    [Fact]
    public async Task Tamper_ChainAndSealsRecomputedWithoutTheKey_VerificationReportsTheSealsAndTheAnchor()
    {
        var id = await EnquiryWithHistoryAsync();
        Assert.True(await SealAsync() > 0);

        var problems = await ProblemsAfterAsync(async db =>
        {
            // The attacker rewrites the row, the event that committed to it (recomputing its hash), and the seal over it:
            // everything the database holds, but without the key.
            await db.Enquiries.Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Subject, "Rewritten"));
            var events = await db.AuditEvents.Where(e => e.Stream == $"enquiry/{id}").OrderBy(e => e.Seq).ToListAsync();
            var row = await db.Enquiries.AsNoTracking().SingleAsync(e => e.Id == id);
            var type = db.Model.FindEntityType(typeof(Enquiry))!;
            var prev = AuditEvent.Genesis;
            foreach (var e in events)
            {
                e.State = e.State!.Replace(ExtractHash(e.State, $"Enquiry/{id}"), RowState.Hash(type, p => p.GetGetter().GetClrValue(row)), StringComparison.Ordinal);
                e.PrevHash = prev;
                e.Hash = e.Recompute();
                prev = e.Hash;
            }

            await SaveWithoutAuditAsync(db);
            var hashes = await db.AuditEvents.Where(e => e.SealId != null).OrderBy(e => e.Stream).ThenBy(e => e.Seq).Select(e => e.Hash).ToListAsync();
            var seal = await db.AuditSeals.SingleAsync();
            using var h = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            foreach (var x in hashes)
            {
                h.AppendData(System.Text.Encoding.ASCII.GetBytes(x));
            }

            var digest = Convert.ToHexStringLower(h.GetHashAndReset());
            var forged = AuditSeal.ComputeHash(seal.PrevHash, seal.Number, seal.At, seal.EventCount, digest, "not-the-key-but-32-bytes-long!!!"u8.ToArray());
            await db.AuditSeals.Where(s => s.Id == seal.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.EventsDigest, digest).SetProperty(s => s.Hash, forged));
        });

        Assert.Contains(problems, p => p.StartsWith("seal 1: broken seal chain", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("seal 1 differs from the one published in the anchor file", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith($"Enquiry/{id}", StringComparison.Ordinal));
        await WipeAsync();
    }

    [Fact]
    public async Task KeyedSeals_VerifiedWithoutTheKey_SaysItCannotCheckThem()
    {
        await EnquiryWithHistoryAsync();
        Assert.True(await SealAsync() > 0);

        var result = await VerifyAsync(new AuditTrust(null, f.AnchorFile));

        Assert.Contains(result.Problems, p => p.Contains("no seal key is configured", StringComparison.Ordinal));
        await WipeAsync();
    }

    [Fact]
    public async Task AlteredEvent_VerificationReportsIt()
    {
        var id = await EnquiryWithHistoryAsync();

        var problems = await ProblemsAfterAsync(db => db.AuditEvents.Where(e => e.Stream == $"enquiry/{id}" && e.Seq == 2)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Data, "{\"old\":null,\"new\":{\"forged\":true}}")));

        Assert.Contains(problems, p => p.Contains($"enquiry/{id} #2", StringComparison.Ordinal));
        await WipeAsync();
    }

    [Fact]
    public async Task DeletedMiddleEvent_VerificationReportsGap()
    {
        var id = await EnquiryWithHistoryAsync();
        var problems = await ProblemsAfterAsync(db => db.AuditEvents.Where(e => e.Stream == $"enquiry/{id}" && e.Seq == 2).ExecuteDeleteAsync());
        Assert.Contains(problems, p => p.Contains("missing", StringComparison.Ordinal));
        await WipeAsync();
    }

    [Fact]
    public async Task CaseworkRowChangedWithNoAuditEvent_RefusedAtSave()
    {
        var id = await EnquiryWithHistoryAsync();
        using var scope = f.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.DataStore.NolanDbContext>();
        _ = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var e = await db.Enquiries.SingleAsync(x => x.Id == id);
        e.Subject = "Changed without an event";

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains($"enquiry/{id}", ex.Message, StringComparison.Ordinal);
        await WipeAsync();
    }

    /// <summary>Saves with a context that has no audit log: what someone with database access, not Nolan, would do.</summary>
    private static Task<int> SaveWithoutAuditAsync(Core.DataStore.NolanDbContext db) => db.SaveChangesAsync();

    private static string ExtractHash(string state, string key)
    {
        var map = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(state)!;
        return map[key];
    }

    /// <summary>Back to an empty, valid trail: no casework, no events, no seals, nothing anchored.</summary>
    private async Task WipeAsync()
    {
        await f.WithDbAsync(async db =>
        {
            await db.EnquiryActivities.ExecuteDeleteAsync();
            await db.Duties.ExecuteDeleteAsync();
            await db.AccessGrants.ExecuteDeleteAsync();
            await db.OutboxMessages.ExecuteDeleteAsync();
            await db.InAppNotifications.ExecuteDeleteAsync();
            await db.IdempotencyRecords.ExecuteDeleteAsync();
            await db.Enquiries.ExecuteDeleteAsync();
            await db.AuditEvents.ExecuteUpdateAsync(u => u.SetProperty(e => e.SealId, (Guid?)null));
            await db.AuditSeals.ExecuteDeleteAsync();
            return await db.AuditEvents.ExecuteDeleteAsync();
        });
        File.Delete(f.AnchorFile);
    }
}
