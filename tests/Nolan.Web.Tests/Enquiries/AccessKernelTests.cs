using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolan.Core.Access;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Core.Enquiries;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Enquiries;

/// <summary>
/// The kernel's one access definition, checked as a property over random actors and items: an item is in an actor's
/// list exactly when a single read of it succeeds, both agree with the rule as docs/access-model.md states it, and a
/// <c>Deny</c> grant hides an item from someone who would otherwise see it. Seeded and bounded by count.
/// </summary>
public sealed class AccessKernelTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private const int Seed = 20261202;
    private const int Items = 60;
    private const int Actors = 40;

    private sealed record Item(Guid Id, Guid CouncilId, Guid MemberId, Guid? AssignedOfficerId, Guid? AssigneeLineManager);

    private sealed record Grant(Guid ResourceId, Guid? MemberId, Guid? OfficerId, GrantEffect Effect);

    [Fact]
    public async Task RandomActorsAndItems_ListContainsExactlyTheItemsASingleReadShows_AndBothFollowTheRule()
    {
        var random = new Random(Seed);
        using var scope = f.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NolanDbContext>();
        var councils = await db.Councils.Where(c => c.Slug == "southend-on-sea" || c.Slug == "west-oxfordshire").Select(c => c.Id).ToListAsync();
        var members = await db.Members.Where(m => councils.Contains(m.CouncilId)).Select(m => new { m.Id, m.CouncilId }).ToListAsync();
        var officers = await (from o in db.Officers
                              join a in db.OfficerAppointments on o.Id equals a.OfficerId
                              where councils.Contains(a.CouncilId)
                              select new { o.Id, o.LineManagerId, a.CouncilId }).ToListAsync();
        // Officers who manage somebody, so that "manages the assignee" is often true of a random actor.
        var managers = officers.Where(o => officers.Any(x => x.LineManagerId == o.Id)).ToList();
        var logger = await db.Accounts.Select(a => a.Id).FirstAsync();

        // Items: random member, council, assignee (or none); random Allow and Deny grants.
        var items = new List<Item>();
        var grants = new List<Grant>();
        var batch = $"kernel-{Guid.NewGuid():N}"[..16];
        for (var i = 0; i < Items; i++)
        {
            var council = councils[random.Next(councils.Count)];
            var member = Pick(random, members.Where(m => m.CouncilId == council).ToList());
            var assignee = random.Next(4) == 0 ? null : Pick(random, random.Next(2) == 0
                ? officers.Where(o => o.CouncilId == council && o.LineManagerId != null && managers.Any(m => m.Id == o.LineManagerId)).ToList()
                : officers.Where(o => o.CouncilId == council).ToList());
            var e = new Enquiry
            {
                CouncilId = council,
                Reference = $"{batch}-{i}",
                MemberId = member.Id,
                LoggedByAccountId = logger,
                Subject = $"{batch} {i}",
                Details = "Generated",
                ReceivedAt = NolanFactory.DefaultNow,
                ReceivedOn = DateOnly.FromDateTime(NolanFactory.DefaultNow.UtcDateTime),
                ProtocolVersion = "generated",
                Status = assignee is null ? EnquiryStatus.Open : EnquiryStatus.Assigned,
                AssignedOfficerId = assignee?.Id,
                CreatedAt = NolanFactory.DefaultNow,
                UpdatedAt = NolanFactory.DefaultNow,
            };
            db.Enquiries.Add(e);
            items.Add(new Item(e.Id, council, member.Id, assignee?.Id, assignee?.LineManagerId));
            for (var g = random.Next(3); g > 0; g--)
            {
                var toMember = random.Next(2) == 0;
                var grant = new Grant(e.Id, toMember ? Pick(random, members).Id : null, toMember ? null : Pick(random, officers).Id,
                    random.Next(3) == 0 ? GrantEffect.Deny : GrantEffect.Allow);
                grants.Add(grant);
                db.AccessGrants.Add(new AccessGrant
                {
                    CouncilId = council,
                    ResourceType = EnquiryAccess.Type,
                    ResourceId = e.Id,
                    MemberId = grant.MemberId,
                    OfficerId = grant.OfficerId,
                    Effect = grant.Effect,
                    Reason = "Generated",
                    GrantedByAccountId = logger,
                    GrantedAt = NolanFactory.DefaultNow,
                });
            }
        }

        await db.SaveChangesAsync();

        // Actors: random member seats, an officer (often a manager or an assignee), Hub roles in random councils.
        var checkedPairs = 0;
        var visiblePairs = 0;
        for (var a = 0; a < Actors; a++)
        {
            var seats = Enumerable.Range(0, random.Next(3)).Select(_ => Pick(random, members))
                .Select(m => new MemberSeat(m.Id, m.CouncilId, "Member")).DistinctBy(s => s.MemberId).ToList();
            // Often someone the generated items or grants name, so that every relationship is exercised.
            var officer = random.Next(3) switch
            {
                0 => null,
                1 => random.Next(2) == 0 ? Pick(random, managers).Id : items[random.Next(items.Count)].AssignedOfficerId,
                _ => Pick(random, officers).Id,
            };
            if (seats.Count == 0 && random.Next(2) == 0 && grants.Count > 0 && Pick(random, grants).MemberId is { } granted)
            {
                seats.Add(new MemberSeat(granted, members.Single(m => m.Id == granted).CouncilId, "Member"));
            }

            var roles = councils.Where(_ => officer is not null && random.Next(4) == 0)
                .ToDictionary(c => c, _ => OfficerRoles.MembersSupportHub);
            var actor = new Actor { AccountId = Guid.NewGuid(), Name = $"Actor {a}", OfficerId = officer, Members = seats, OfficerCouncils = roles };

            var actorGrants = await EnquiryAccess.Rule.GrantsAsync(db, actor, f.Clock.GetUtcNow(), default);
            var listed = (await db.Enquiries.AsNoTracking().Where(e => e.Reference.StartsWith(batch)).VisibleTo(db, actor, f.Clock.GetUtcNow(), actorGrants)
                .Select(e => e.Id).ToListAsync()).ToHashSet();
            foreach (var item in items)
            {
                var expected = Oracle(actor, item, grants);
                var single = await EnquiryAccess.Rule.FindAsync(db.Enquiries.AsNoTracking(), db, item.Id, actor, f.Clock.GetUtcNow(), default);
                Assert.True(listed.Contains(item.Id) == (single is not null),
                    $"Actor {a}, item {item.Id}: in the list {listed.Contains(item.Id)}, single read {single is not null}");
                Assert.True(expected == (single is not null), $"Actor {a}, item {item.Id}: the rule says {expected}, the kernel {single is not null}");
                if (single is not null)
                {
                    Assert.Equal(Relations(actor, item, grants), (EnquiryRelation)single.Relations);
                    visiblePairs++;
                }

                checkedPairs++;
            }
        }

        Assert.Equal(Items * Actors, checkedPairs);
        // The generator must exercise both outcomes, or the property proves nothing.
        Assert.InRange(visiblePairs, 20, checkedPairs - 20);
    }

    [Fact]
    public async Task DenyGrant_HidesAnEnquiryFromItsOwnMember_InListAndSingleRead()
    {
        var member = await f.ApiClientAsync("member@south-oxfordshire.demo");
        var e = await member.LogAsync(new { subject = "Hidden by a Deny grant", details = "d" });
        var id = Guid.Parse(e.GetProperty("id").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(new Uri($"/api/v1/enquiries/{id}", UriKind.Relative))).StatusCode);

        var memberId = await f.MemberIdAsync("member@south-oxfordshire.demo");
        await f.WithDbAsync(async db =>
        {
            db.AccessGrants.Add(new AccessGrant
            {
                CouncilId = (await db.Enquiries.SingleAsync(x => x.Id == id)).CouncilId,
                ResourceType = EnquiryAccess.Type,
                ResourceId = id,
                MemberId = memberId,
                Effect = GrantEffect.Deny,
                Reason = "Test",
                GrantedByAccountId = await db.Accounts.Select(a => a.Id).FirstAsync(),
            });
            return await db.SaveChangesAsync();
        });

        await (await member.GetAsync(new Uri($"/api/v1/enquiries/{id}", UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound);
        foreach (var stage in new[] { "live", "all" })
        {
            var list = await (await member.GetAsync(new Uri($"/api/v1/enquiries?scope=mine&stage={stage}", UriKind.Relative))).JsonAsync();
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id.ToString());
        }

        // The Hub, with no Deny of its own, still sees it.
        var hub = await f.ApiClientAsync("hub@south-oxfordshire.demo");
        Assert.Equal(HttpStatusCode.OK, (await hub.GetAsync(new Uri($"/api/v1/enquiries/{id}", UriKind.Relative))).StatusCode);
    }

    /// <summary>docs/access-model.md, written out plainly: the test's own statement of the rule.</summary>
    private static bool Oracle(Actor actor, Item item, List<Grant> grants) =>
        Relations(actor, item, grants) != EnquiryRelation.None
        && !grants.Any(g => g.ResourceId == item.Id && g.Effect == GrantEffect.Deny && Names(actor, g));

    private static EnquiryRelation Relations(Actor actor, Item item, List<Grant> grants)
    {
        var r = EnquiryRelation.None;
        if (actor.MemberIds.Contains(item.MemberId))
        {
            r |= EnquiryRelation.RaisingMember;
        }

        if (grants.Any(g => g.ResourceId == item.Id && g.Effect == GrantEffect.Allow && Names(actor, g)))
        {
            r |= EnquiryRelation.CopiedMember;
        }

        if (actor.OfficerId is { } me && item.AssignedOfficerId == me)
        {
            r |= EnquiryRelation.AssignedOfficer;
        }

        if (actor.OfficerId is { } boss && item.AssignedOfficerId is not null && item.AssigneeLineManager == boss)
        {
            r |= EnquiryRelation.AssigneesLineManager;
        }

        if (actor.Has(item.CouncilId, OfficerRoles.MembersSupportHub))
        {
            r |= EnquiryRelation.Hub;
        }

        return r;
    }

    private static bool Names(Actor actor, Grant g) =>
        (g.MemberId is { } m && actor.MemberIds.Contains(m)) || (g.OfficerId is { } o && o == actor.OfficerId);

    private static T Pick<T>(Random random, IReadOnlyList<T> list) => list[random.Next(list.Count)];

    [Fact]
    public async Task ExpiredGrant_NoLongerOpensTheItem_InListsOrSingleReads()
    {
        var member = await f.ApiClientAsync("member@west-oxfordshire.demo");
        var e = await member.LogAsync(new { subject = "Copied for a while " + Guid.NewGuid(), details = "d" });
        var id = e.GetProperty("id").GetString()!;
        var other = await f.MemberIdAsync("member2@west-oxfordshire.demo");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await member.PostJsonAsync($"/api/v1/enquiries/{id}/copies", new { memberId = other })).StatusCode);
        var copied = await f.ApiClientAsync("member2@west-oxfordshire.demo");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await copied.GetAsync(new Uri($"/api/v1/enquiries/{id}", UriKind.Relative))).StatusCode);

        await f.WithDbAsync(db => db.AccessGrants.Where(g => g.ResourceId == Guid.Parse(id) && g.MemberId == other)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.ExpiresAt, f.Clock.GetUtcNow().AddMinutes(-1))));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await copied.GetAsync(new Uri($"/api/v1/enquiries/{id}", UriKind.Relative))).StatusCode);
        var list = await (await copied.GetAsync(new Uri("/api/v1/enquiries?scope=mine&stage=all", UriKind.Relative))).JsonAsync();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
    }
}
