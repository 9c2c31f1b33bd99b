using Microsoft.EntityFrameworkCore;
using Nolan.Core.DataStore;

namespace Nolan.Core.CouncilDirectory;

/// <summary>The active officers serving a council, as queries: the one place "who holds this post here" is asked.</summary>
public static class CouncilOfficers
{
    /// <summary>Active officers of <paramref name="councilId"/> holding <paramref name="role"/> there (a join on <c>officer_roles</c>).</summary>
    public static IQueryable<Officer> WithRole(NolanDbContext db, Guid councilId, OfficerRoles role) =>
        db.OfficerAppointments.AsNoTracking()
            .Where(a => a.CouncilId == councilId && a.Officer!.Active && a.RoleRows.Any(r => r.Role == role))
            .OrderBy(a => a.Officer!.Name)
            .Select(a => a.Officer!);

    /// <summary>Active officers of <paramref name="councilId"/> of a grade, e.g. its Deputy Chief Executives.</summary>
    public static IQueryable<Officer> OfGrade(NolanDbContext db, Guid councilId, OfficerGrade grade) =>
        db.OfficerAppointments.AsNoTracking()
            .Where(a => a.CouncilId == councilId && a.Officer!.Active && a.Officer.Grade == grade)
            .OrderBy(a => a.Officer!.Name)
            .Select(a => a.Officer!);
}
