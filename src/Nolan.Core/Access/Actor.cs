using Microsoft.EntityFrameworkCore;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;

namespace Nolan.Core.Access;

/// <summary>A member seat the signed-in person holds: enough of the member record to act as them without a query.</summary>
public sealed record MemberSeat(Guid MemberId, Guid CouncilId, string Name, string Email = "", Guid? WardId = null);

/// <summary>
/// Who is acting, and in what capacities: resolved from the account on every request. Core services take an
/// <see cref="Actor"/> and decide from relationships (raised it, assigned to it, manages the assignee, Hub of that
/// council, holds a grant); roles never open casework wholesale except the Hub's, which the protocols give it.
/// </summary>
[System.ComponentModel.ImmutableObject(true)]
public sealed class Actor
{
    public required Guid AccountId { get; init; }
    public required string Name { get; init; }
    public bool IsSystemAdmin { get; init; }
    public Guid? OfficerId { get; init; }

    /// <summary>An officer who is someone's line manager (has a team whose overdue enquiries they see).</summary>
    public bool ManagesOfficers { get; init; }
    public IReadOnlyDictionary<Guid, OfficerRoles> OfficerCouncils { get; init; } = new Dictionary<Guid, OfficerRoles>();
    public IReadOnlyList<MemberSeat> Members { get; init; } = [];

    public IReadOnlyList<Guid> MemberIds => [.. Members.Select(m => m.MemberId)];

    public bool IsMember => Members.Count > 0;

    public bool IsOfficer => OfficerId is not null;

    public Guid? MemberIdIn(Guid councilId) => Members.FirstOrDefault(m => m.CouncilId == councilId)?.MemberId;

    public bool Serves(Guid councilId) => OfficerCouncils.ContainsKey(councilId);

    public bool Has(Guid councilId, OfficerRoles role) =>
        OfficerCouncils.TryGetValue(councilId, out var roles) && (roles & role) == role;

    public IReadOnlyList<Guid> CouncilsWhere(OfficerRoles role) =>
        [.. OfficerCouncils.Where(c => (c.Value & role) == role).Select(c => c.Key)];

    /// <summary>Every council this person acts in, as member or officer.</summary>
    public IReadOnlyList<Guid> Councils => [.. OfficerCouncils.Keys.Union(Members.Select(m => m.CouncilId))];

    /// <summary>Loads the actor for an account; null when the account is missing or disabled.</summary>
    public static async Task<Actor?> LoadAsync(NolanDbContext db, Guid accountId, CancellationToken ct = default)
    {
        var account = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == accountId && !a.Disabled)
            .Select(a => new { a.Id, a.DisplayName, a.IsSystemAdmin })
            .FirstOrDefaultAsync(ct);
        if (account is null)
        {
            return null;
        }

        var officer = await db.Officers.AsNoTracking()
            .Where(o => o.AccountId == accountId && o.Active)
            .Select(o => new { o.Id, Manages = db.Officers.Any(x => x.LineManagerId == o.Id && x.Active) })
            .FirstOrDefaultAsync(ct);
        var appointments = officer is null
            ? []
            : await db.OfficerAppointments.AsNoTracking().Where(a => a.OfficerId == officer.Id)
                .Select(a => new { a.CouncilId, Roles = a.RoleRows.Select(r => r.Role).ToList() }).ToListAsync(ct);
        var members = await db.Members.AsNoTracking()
            .Where(m => m.AccountId == accountId && m.Active)
            .Select(m => new MemberSeat(m.Id, m.CouncilId, m.Name, m.Email, m.WardId))
            .ToListAsync(ct);

        return new Actor
        {
            AccountId = account.Id,
            Name = account.DisplayName,
            IsSystemAdmin = account.IsSystemAdmin,
            OfficerId = officer?.Id,
            ManagesOfficers = officer?.Manages ?? false,
            OfficerCouncils = appointments.ToDictionary(a => a.CouncilId, a => a.Roles.Aggregate(OfficerRoles.None, (all, r) => all | r)),
            Members = members,
        };
    }
}
