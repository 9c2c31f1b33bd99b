using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.Audit;
using Nolan.Core.Calendar;
using Nolan.Core.Common;
using Nolan.Core.DataStore;
using Nolan.Core.Protocols;

namespace Nolan.Core.CouncilDirectory;

/// <summary>An officer's planned absence and the colleague covering it.</summary>
public sealed record Absence(DateOnly From, DateOnly Until, Guid? CoverOfficerId, string? CoverName);

/// <summary>Who receives an away officer's members' enquiries, and why.</summary>
public sealed record Cover(Guid OfficerId, string Name, string Email, Guid? AccountId, Guid? LineManagerId, string Explanation, Citation? Why);

/// <summary>Setting an absence: dates and, where the protocol asks for one, a covering colleague.</summary>
public sealed record SetAbsence(DateOnly? From, DateOnly? Until, Guid? CoverOfficerId);

/// <summary>
/// Out-of-office cover (Southend 9.1.6: officers absent for more than one working day have a colleague check their
/// enquiries; replies give an alternative contact). An officer records an absence and names a colleague; while
/// they are away, enquiries routed, assigned or passed to them go to the colleague, and reminders about the
/// enquiries they already hold go to the colleague as well.
/// </summary>
public sealed class Absences(NolanDbContext db, ProtocolRegistry protocols, DirectoryCache directory, AuditLog audit, TimeProvider time)
{
    private const int MaxAbsenceDays = 366;
    private const int MaxCoverHops = 3;

    private DateOnly Today => LondonTime.ToLocalDate(time.GetUtcNow());

    /// <summary>The actor's own recorded absence, if any (past absences are not shown).</summary>
    public async Task<Absence?> CurrentAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.OfficerId is not { } me)
        {
            return null;
        }

        var today = Today;
        var o = await db.Officers.AsNoTracking().Where(x => x.Id == me)
            .Select(x => new { x.AwayFrom, x.AwayUntil, x.CoverOfficerId }).FirstAsync(ct);
        if (o.AwayFrom is not { } from || o.AwayUntil is not { } until || until < today)
        {
            return null;
        }

        var cover = o.CoverOfficerId is { } c
            ? await db.Officers.AsNoTracking().Where(x => x.Id == c).Select(x => x.Name).FirstOrDefaultAsync(ct)
            : null;
        return new Absence(from, until, o.CoverOfficerId, cover);
    }

    /// <summary>Colleagues who could cover: active officers serving one of the actor's councils.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, string JobTitle)>> ColleaguesAsync(Actor actor, CancellationToken ct = default)
    {
        var councils = actor.OfficerCouncils.Keys.ToList();
        var me = actor.OfficerId ?? Guid.Empty;
        var rows = await db.Officers.AsNoTracking()
            .Where(o => o.Active && o.Id != me && db.OfficerAppointments.Any(a => a.OfficerId == o.Id && councils.Contains(a.CouncilId)))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.JobTitle }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Name, r.JobTitle))];
    }

    /// <summary>Records (or replaces) the actor's absence. A cover colleague is required where the protocol says so.</summary>
    public async Task<Result<Absence>> SetAsync(SetAbsence o, Actor actor, CancellationToken ct = default)
    {
        if (actor.OfficerId is not { } me)
        {
            return new NotAllowed("Only officers record absences.");
        }

        var today = Today;
        var errors = new Dictionary<string, List<string>>();
        if (o.From is null)
        {
            errors.AddError("AwayFrom", "Enter the first day you are away");
        }

        if (o.Until is null)
        {
            errors.AddError("AwayUntil", "Enter the last day you are away");
        }
        else if (o.Until < today)
        {
            errors.AddError("AwayUntil", "The last day away must be today or in the future");
        }
        else if (o.From is { } f && o.Until < f)
        {
            errors.AddError("AwayUntil", "The last day away must be the same as or after the first day");
        }
        else if (o.From is { } f2 && o.Until.Value.DayNumber - f2.DayNumber >= MaxAbsenceDays)
        {
            errors.AddError("AwayUntil", "An absence can be at most a year long");
        }

        Officer? cover = null;
        if (o.CoverOfficerId is { } coverId)
        {
            var councils = actor.OfficerCouncils.Keys.ToList();
            cover = coverId == me ? null : await db.Officers.AsNoTracking()
                .FirstOrDefaultAsync(x => x.Id == coverId && x.Active
                    && db.OfficerAppointments.Any(a => a.OfficerId == x.Id && councils.Contains(a.CouncilId)), ct);
            if (cover is null)
            {
                errors.AddError("CoverOfficerId", "Choose a colleague who works for your council");
            }
        }

        if (errors.Count > 0)
        {
            return ValidationFailed.For(errors);
        }

        var from = o.From!.Value;
        var until = o.Until!.Value;
        if (cover is null)
        {
            // Each council whose protocol asks for cover judges the absence in its own working days; one whose
            // protocol asks every out-of-office to give an alternative contact needs a colleague for any absence.
            foreach (var councilId in actor.OfficerCouncils.Keys)
            {
                var p = await protocols.ForAsync(db, councilId, today, ct);
                var rule = p.Version.Enquiries.OutOfOffice;
                if (rule is { Silent: false, AlternativeContactAlways: true })
                {
                    return ProtocolRefused.For("CoverOfficerId",
                        $"Name a colleague as your alternative contact: {p.Council.Name}'s protocol asks every out-of-office to give one",
                        p.Cite(rule));
                }

                if (rule.Silent || rule.CoverAfterWorkingDays is not { } limit)
                {
                    continue;
                }

                if (p.Calendar.WorkingDaysAfter(from.AddDays(-1), until) > limit)
                {
                    return ProtocolRefused.For("CoverOfficerId",
                        $"Name a colleague to cover your members' enquiries: {p.Council.Name}'s protocol asks for one when you are away for more than {Days(limit)}",
                        p.Cite(rule));
                }
            }
        }

        var officer = await db.Officers.FirstAsync(x => x.Id == me, ct);
        var before = new { officer.AwayFrom, officer.AwayUntil, officer.CoverOfficerId };
        officer.AwayFrom = from;
        officer.AwayUntil = until;
        officer.CoverOfficerId = cover?.Id;
        await audit.RecordAsync(actor, "officer.absence_set", "officer", me, null, before,
            new { officer.AwayFrom, officer.AwayUntil, officer.CoverOfficerId }, ct: ct);
        await db.SaveChangesAsync(ct);
        await ForgetAsync(actor);
        return new Absence(from, until, cover?.Id, cover?.Name);
    }

    /// <summary>Clears the actor's absence (back early, or plans changed).</summary>
    public async Task<Result<bool>> ClearAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.OfficerId is not { } me)
        {
            return new NotAllowed("Only officers record absences.");
        }

        var officer = await db.Officers.FirstAsync(x => x.Id == me, ct);
        if (officer.AwayFrom is null && officer.AwayUntil is null && officer.CoverOfficerId is null)
        {
            return false;
        }

        var before = new { officer.AwayFrom, officer.AwayUntil, officer.CoverOfficerId };
        officer.AwayFrom = null;
        officer.AwayUntil = null;
        officer.CoverOfficerId = null;
        await audit.RecordAsync(actor, "officer.absence_cleared", "officer", me, null, before, null, ct: ct);
        await db.SaveChangesAsync(ct);
        await ForgetAsync(actor);
        return true;
    }

    /// <summary>
    /// The colleague covering for <paramref name="officerId"/> on <paramref name="day"/>, following a cover who is
    /// away too (at most three steps, never round in a circle); null when the officer is not away or named nobody.
    /// </summary>
    public static async Task<Cover?> CoverForAsync(NolanDbContext db, CouncilProtocol p, Guid officerId, DateOnly day, CancellationToken ct)
    {
        var away = await db.Officers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == officerId, ct);
        return away is null ? null : await CoverForAsync(db, p, away, day, ct);
    }

    /// <summary>
    /// The colleague who receives the away officer's enquiries and reminders, where the protocol provides for cover
    /// (Southend 9.1.6); null where it is silent: there the colleague is only shown as the alternative contact.
    /// </summary>
    public static async Task<Cover?> RoutingCoverAsync(NolanDbContext db, CouncilProtocol p, Officer away, DateOnly day, CancellationToken ct) =>
        p.Version.Enquiries.OutOfOffice.Silent ? null : await CoverForAsync(db, p, away, day, ct);

    /// <inheritdoc cref="RoutingCoverAsync(NolanDbContext, CouncilProtocol, Officer, DateOnly, CancellationToken)"/>
    public static async Task<Cover?> RoutingCoverAsync(NolanDbContext db, CouncilProtocol p, Guid officerId, DateOnly day, CancellationToken ct) =>
        p.Version.Enquiries.OutOfOffice.Silent ? null : await CoverForAsync(db, p, officerId, day, ct);

    /// <inheritdoc cref="CoverForAsync(NolanDbContext, CouncilProtocol, Guid, DateOnly, CancellationToken)"/>
    public static async Task<Cover?> CoverForAsync(NolanDbContext db, CouncilProtocol p, Officer away, DateOnly day, CancellationToken ct)
    {
        if (!away.IsAwayOn(day) || away.CoverOfficerId is null)
        {
            return null;
        }

        var seen = new HashSet<Guid> { away.Id };

        var current = away;
        for (var hop = 0; hop < MaxCoverHops && current.CoverOfficerId is { } next && seen.Add(next); hop++)
        {
            var cover = await db.Officers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == next && x.Active, ct);
            if (cover is null)
            {
                return null;
            }

            if (!cover.IsAwayOn(day))
            {
                var rule = p.Version.Enquiries.OutOfOffice;
                return new Cover(cover.Id, cover.Name, cover.Email, cover.AccountId, cover.LineManagerId,
                    $"{away.Name} is away until {LondonTime.FormatDate(away.AwayUntil!.Value)}; {cover.Name} is covering.",
                    rule.Silent ? null : p.Cite(rule));
            }

            current = cover;
        }

        return null;
    }

    private async Task ForgetAsync(Actor actor)
    {
        foreach (var councilId in actor.OfficerCouncils.Keys)
        {
            await directory.InvalidateAsync(councilId);
        }
    }

    private static string Days(int n) => n == 1 ? "one working day" : $"{n} working days";
}
