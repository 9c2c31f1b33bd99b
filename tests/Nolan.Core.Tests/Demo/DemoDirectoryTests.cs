using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.Calendar;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Core.Demo;
using Nolan.Core.Protocols;

namespace Nolan.Core.Tests.Demo;

/// <summary>The demo directory built once into an in-memory SQLite database, read back for the tests.</summary>
public sealed class DemoDirectoryFixture : IDisposable
{
    public const string Hash = "test-password-hash";

    private readonly SqliteConnection _connection;

    public DemoDirectoryFixture()
    {
        Presets = PresetLoader.LoadDirectory(RepoPaths.Protocols);
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        using (var db = DemoDirectoryTests.CreateContext(_connection))
        {
            Summary = DemoDirectory.Build(db, Presets, Hash);
            db.SaveChanges();
        }

        Snapshot = DemoSnapshot.Read(_connection);
    }

    public PresetCatalog Presets { get; }
    public DemoSummary Summary { get; }
    public DemoSnapshot Snapshot { get; }

    public void Dispose() => _connection.Dispose();
}

/// <summary>Every demo table, as read back from the database.</summary>
public sealed record DemoSnapshot(
    List<Council> Councils,
    List<ClosureDay> ClosureDays,
    List<Ward> Wards,
    List<PoliticalGroup> Groups,
    List<Member> Members,
    List<Committee> Committees,
    List<CommitteeSeat> Seats,
    List<Officer> Officers,
    List<OfficerAppointment> Appointments,
    List<Service> Services,
    List<Account> Accounts)
{
    public static DemoSnapshot Read(SqliteConnection connection)
    {
        using var db = DemoDirectoryTests.CreateContext(connection);
        return new DemoSnapshot(
            db.Councils.AsNoTracking().ToList(),
            db.ClosureDays.AsNoTracking().ToList(),
            db.Wards.AsNoTracking().ToList(),
            db.PoliticalGroups.AsNoTracking().ToList(),
            db.Members.AsNoTracking().ToList(),
            db.Committees.AsNoTracking().ToList(),
            db.CommitteeSeats.AsNoTracking().ToList(),
            db.Officers.AsNoTracking().ToList(),
            db.OfficerAppointments.AsNoTracking().Include(a => a.RoleRows).ToList(),
            db.Services.AsNoTracking().ToList(),
            db.Accounts.AsNoTracking().ToList());
    }

    public Council Council(string slug) => Councils.Single(c => c.Slug == slug);

    public IEnumerable<OfficerAppointment> AppointmentsIn(Council council) =>
        Appointments.Where(a => a.CouncilId == council.Id);

    private Dictionary<Guid, HashSet<Guid>>? _councilsByOfficer;

    /// <summary>The councils an officer is appointed to.</summary>
    public HashSet<Guid> CouncilsOf(Guid officerId)
    {
        _councilsByOfficer ??= Appointments.GroupBy(a => a.OfficerId)
            .ToDictionary(g => g.Key, g => g.Select(a => a.CouncilId).ToHashSet());
        return _councilsByOfficer.GetValueOrDefault(officerId) ?? [];
    }

    public Officer OfficerOf(string email)
    {
        var account = Accounts.Single(a => a.Email == email);
        return Officers.Single(o => o.AccountId == account.Id);
    }

    public Member MemberOf(string email)
    {
        var account = Accounts.Single(a => a.Email == email);
        return Members.Single(m => m.AccountId == account.Id);
    }
}

public class DemoDirectoryTests(DemoDirectoryFixture fixture) : IClassFixture<DemoDirectoryFixture>
{
    private const string SouthOxfordshire = "south-oxfordshire";
    private const string Vale = "vale-of-white-horse";

    private DemoSnapshot Data => fixture.Snapshot;

    private IEnumerable<string> Slugs => fixture.Presets.All.Select(p => p.Council.Slug).Order(StringComparer.Ordinal);

    private bool SharedStaff => fixture.Presets.TryGet(SouthOxfordshire, out _) && fixture.Presets.TryGet(Vale, out _);

    /// <summary>A context on the open in-memory connection, creating the schema the first time.</summary>
    internal static NolanDbContext CreateContext(SqliteConnection connection)
    {
        var db = new NolanDbContext(new DbContextOptionsBuilder<NolanDbContext>()
            .UseSqlite(connection).UseSnakeCaseNamingConvention().Options);
        db.Database.EnsureCreated();
        return db;
    }

    [Fact]
    public void Build_EveryPreset_AddsOneCouncilFromThePreset()
    {
        Assert.Equal(fixture.Presets.All.Count, Data.Councils.Count);
        foreach (var preset in fixture.Presets.All)
        {
            var council = Data.Council(preset.Council.Slug);
            Assert.Equal(preset.Council.Name, council.Name);
            Assert.Equal(preset.Council.ShortCode, council.ShortCode);
            Assert.Equal(preset.Council.Slug, council.PresetSlug);
        }
    }

    [Fact]
    public void Build_Summary_MatchesTheDatabase()
    {
        Assert.Equal(Data.Councils.Count, fixture.Summary.Councils);
        Assert.Equal(Data.Members.Count, fixture.Summary.Members);
        Assert.Equal(Data.Officers.Count, fixture.Summary.Officers);
        Assert.Equal(Data.Services.Count, fixture.Summary.Services);
        Assert.Equal(
            Data.Accounts.Select(a => a.Email).Order(StringComparer.Ordinal),
            fixture.Summary.Accounts.Select(a => a.Email).Order(StringComparer.Ordinal));
        Assert.All(Data.Accounts, a => Assert.Equal(DemoDirectoryFixture.Hash, a.PasswordHash));
        Assert.All(fixture.Summary.Accounts, a => Assert.False(string.IsNullOrWhiteSpace(a.Description)));
    }

    [Fact]
    public void Members_EachCouncil_HaveWardsGroupsAndSizesOfARealCouncil()
    {
        foreach (var slug in Slugs)
        {
            var council = Data.Council(slug);
            var members = Data.Members.Where(m => m.CouncilId == council.Id).ToList();
            var elected = members.Where(m => m.Kind == MemberKind.Elected).ToList();
            var coOpted = members.Where(m => m.Kind == MemberKind.CoOpted).ToList();
            var wards = Data.Wards.Where(w => w.CouncilId == council.Id).ToList();
            var groups = Data.Groups.Where(g => g.CouncilId == council.Id).ToList();

            Assert.InRange(elected.Count, 30, 60);
            Assert.InRange(coOpted.Count, 2, 3);
            Assert.All(coOpted, m => Assert.True(m.WardId is null && m.GroupId is null, $"{slug}: {m.Name} is co-opted"));
            Assert.InRange(wards.Count, 14, 30);
            Assert.All(wards, w => Assert.InRange(elected.Count(m => m.WardId == w.Id), 1, 3));
            Assert.InRange(groups.Count, 3, 5);
            Assert.Single(groups, g => g.Standing == GroupStanding.Administration);
            Assert.All(elected, m => Assert.Contains(groups, g => g.Id == m.GroupId));
            Assert.All(elected, m => Assert.Contains(wards, w => w.Id == m.WardId));
            Assert.All(members, m => Assert.Matches($"^[a-z-]+\\.[a-z-]+@{slug}\\.gov\\.demo$", m.Email));
            Assert.Equal(members.Count, members.Select(m => m.Email).Distinct().Count());
            Assert.All(members, m => Assert.DoesNotContain("Councillor", m.Name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Members_EachCouncil_HoldTheUsualPositions()
    {
        foreach (var slug in Slugs)
        {
            var council = Data.Council(slug);
            var elected = Data.Members.Where(m => m.CouncilId == council.Id && m.Kind == MemberKind.Elected).ToList();
            var groups = Data.Groups.Where(g => g.CouncilId == council.Id).ToList();
            var admin = groups.Single(g => g.Standing == GroupStanding.Administration);

            Assert.Equal(admin.Id, elected.Single(m => m.Roles.HasFlag(MemberRoles.Leader)).GroupId);
            Assert.Equal(admin.Id, elected.Single(m => m.Roles.HasFlag(MemberRoles.DeputyLeader)).GroupId);
            var cabinet = elected.Where(m => m.Roles.HasFlag(MemberRoles.CabinetMember)).ToList();
            Assert.InRange(cabinet.Count, 5, 8);
            Assert.All(cabinet, m => Assert.False(string.IsNullOrWhiteSpace(m.Portfolio)));
            Assert.All(cabinet, m => Assert.Equal(admin.Id, m.GroupId));
            Assert.All(groups, g => Assert.Single(elected, m => m.GroupId == g.Id && m.Roles.HasFlag(MemberRoles.GroupLeader)));
            Assert.Single(elected, m => m.Roles.HasFlag(MemberRoles.Mayor));
            Assert.Contains(elected, m => m.Roles.HasFlag(MemberRoles.CommitteeChair));
        }
    }

    [Fact]
    public void Committees_EachCouncil_HaveSeatsAndOneChair()
    {
        foreach (var slug in Slugs)
        {
            var council = Data.Council(slug);
            var committees = Data.Committees.Where(c => c.CouncilId == council.Id).ToList();
            var memberIds = Data.Members.Where(m => m.CouncilId == council.Id).Select(m => m.Id).ToHashSet();

            Assert.InRange(committees.Count, 8, 12);
            Assert.Single(committees, c => c.Kind == CommitteeKind.Council);
            Assert.Single(committees, c => c.Kind == CommitteeKind.Executive);
            Assert.Contains(committees, c => c.Kind == CommitteeKind.Scrutiny);
            Assert.Contains(committees, c => c.Kind == CommitteeKind.Standards);
            foreach (var committee in committees)
            {
                var seats = Data.Seats.Where(s => s.CommitteeId == committee.Id).ToList();
                Assert.True(seats.Count >= 4, $"{slug}: {committee.Name} has {seats.Count} seats");
                Assert.Single(seats, s => s.Role == CommitteeRole.Chair);
                Assert.Single(seats, s => s.Role == CommitteeRole.ViceChair);
                Assert.All(seats, s => Assert.Contains(s.MemberId, memberIds));
            }

            var fullCouncil = committees.Single(c => c.Kind == CommitteeKind.Council);
            var mayor = Data.Members.Single(m => m.CouncilId == council.Id && m.Roles.HasFlag(MemberRoles.Mayor));
            Assert.Contains(Data.Seats, s => s.CommitteeId == fullCouncil.Id && s.MemberId == mayor.Id && s.Role == CommitteeRole.Chair);
            var coOpted = Data.Members.Where(m => m.CouncilId == council.Id && m.Kind == MemberKind.CoOpted).Select(m => m.Id);
            var standards = committees.Single(c => c.Kind == CommitteeKind.Standards);
            Assert.All(coOpted, id => Assert.Contains(Data.Seats, s => s.CommitteeId == standards.Id && s.MemberId == id));
        }
    }

    [Fact]
    public void Officers_EachCouncil_AtLeastTwoHundredAndAtMostFourHundred()
    {
        foreach (var slug in Slugs)
        {
            Assert.InRange(Data.AppointmentsIn(Data.Council(slug)).Count(), 200, 400);
        }

        Assert.All(Data.Officers, o => Assert.NotEmpty(Data.CouncilsOf(o.Id)));
        Assert.Equal(Data.Officers.Count, Data.Officers.Select(o => o.Email).Distinct().Count());
    }

    [Fact]
    public void Officers_EveryOneButTheChiefExecutive_HasALineManagerOnTheSameStaff()
    {
        var byId = Data.Officers.ToDictionary(o => o.Id);
        foreach (var officer in Data.Officers)
        {
            if (officer.Grade == OfficerGrade.ChiefExecutive)
            {
                Assert.Null(officer.LineManagerId);
                continue;
            }

            Assert.NotNull(officer.LineManagerId);
            var manager = byId[officer.LineManagerId.Value];
            Assert.True(manager.Grade < officer.Grade, $"{officer.JobTitle} reports to {manager.JobTitle}");
            Assert.True(Data.CouncilsOf(manager.Id).SetEquals(Data.CouncilsOf(officer.Id)),
                $"{officer.Name} and their line manager {manager.Name} serve different councils");
        }
    }

    [Fact]
    public void LineManagement_FromAnyOfficer_ReachesTheChiefExecutiveWithoutACycle()
    {
        var byId = Data.Officers.ToDictionary(o => o.Id);
        foreach (var officer in Data.Officers)
        {
            var seen = new HashSet<Guid>();
            var current = officer;
            while (current.LineManagerId is { } next)
            {
                Assert.True(seen.Add(current.Id), $"cycle in line management above {officer.Name}");
                current = byId[next];
            }

            Assert.Equal(OfficerGrade.ChiefExecutive, current.Grade);
            Assert.True(seen.Count <= 7, $"{officer.Name} is {seen.Count} steps from the Chief Executive");
        }
    }

    [Fact]
    public void Appointments_EachCouncil_HoldTheStatutoryAndHubRoles()
    {
        var byId = Data.Officers.ToDictionary(o => o.Id);
        foreach (var slug in Slugs)
        {
            var appointments = Data.AppointmentsIn(Data.Council(slug)).ToList();
            var ce = appointments.Single(a => a.Roles.HasFlag(OfficerRoles.ChiefExecutive));
            Assert.True(ce.Roles.HasFlag(OfficerRoles.ChiefOfficer));
            Assert.Equal(OfficerGrade.ChiefExecutive, byId[ce.OfficerId].Grade);
            Assert.Single(appointments, a => a.Roles.HasFlag(OfficerRoles.MonitoringOfficer));
            Assert.Single(appointments, a => a.Roles.HasFlag(OfficerRoles.ChiefFinanceOfficer));
            Assert.InRange(appointments.Count(a => a.Roles.HasFlag(OfficerRoles.MembersSupportHub)), 3, 6);
            Assert.Equal(2, appointments.Count(a => a.Roles.HasFlag(OfficerRoles.ComplaintsTeam)));
            Assert.Single(appointments, a => a.Roles.HasFlag(OfficerRoles.Administrator));

            var officers = appointments.Select(a => byId[a.OfficerId]).ToList();
            Assert.Single(officers, o => o.Grade == OfficerGrade.ChiefExecutive);
            Assert.InRange(officers.Count(o => o.Grade == OfficerGrade.DeputyChiefExecutive), 1, 2);
            Assert.InRange(officers.Count(o => o.Grade == OfficerGrade.Director), 3, 5);
            var chiefOfficers = appointments.Where(a => a.Roles.HasFlag(OfficerRoles.ChiefOfficer))
                .Select(a => byId[a.OfficerId].Grade).ToList();
            Assert.All(chiefOfficers, g => Assert.True(g <= OfficerGrade.Director));
            Assert.Equal(officers.Count(o => o.Grade <= OfficerGrade.Director), chiefOfficers.Count);
        }
    }

    [Fact]
    public void Services_EachCouncil_ManagedByAnOfficerAppointedThereUnderTheirDirector()
    {
        var byId = Data.Officers.ToDictionary(o => o.Id);
        foreach (var slug in Slugs)
        {
            var council = Data.Council(slug);
            var services = Data.Services.Where(s => s.CouncilId == council.Id).ToList();
            Assert.InRange(services.Count, 20, 35);
            Assert.Contains(services, s => s.Name == "Waste and recycling");
            foreach (var service in services)
            {
                Assert.False(string.IsNullOrWhiteSpace(service.Description));
                Assert.NotNull(service.ManagerId);
                Assert.NotNull(service.ChiefOfficerId);
                var manager = byId[service.ManagerId.Value];
                Assert.Contains(council.Id, Data.CouncilsOf(manager.Id));
                Assert.Contains(manager.Grade, new[] { OfficerGrade.ServiceManager, OfficerGrade.HeadOfService });
                var director = byId[service.ChiefOfficerId.Value];
                Assert.Equal(OfficerGrade.Director, director.Grade);
                Assert.Contains(director.Id, Ancestors(manager, byId));
            }
        }
    }

    [Fact]
    public void Services_Southend_AreThoseOfAUnitaryCouncil()
    {
        if (!fixture.Presets.TryGet("southend-on-sea", out _))
        {
            return;
        }

        var southend = Data.Services.Where(s => s.CouncilId == Data.Council("southend-on-sea").Id).Select(s => s.Name).ToList();
        Assert.Contains("Adult social care", southend);
        Assert.Contains("Children's services", southend);
        Assert.Contains("Highways", southend);
        foreach (var slug in Slugs.Where(s => s != "southend-on-sea"))
        {
            var council = Data.Council(slug);
            Assert.DoesNotContain(Data.Services, s => s.CouncilId == council.Id && s.Name == "Adult social care");
        }
    }

    [Fact]
    public void SharedStaff_SouthOxfordshireAndVale_ShareEveryOfficerWithTheSameRoles()
    {
        if (!SharedStaff)
        {
            return;
        }

        var south = Data.AppointmentsIn(Data.Council(SouthOxfordshire)).ToDictionary(a => a.OfficerId, a => a.Roles);
        var vale = Data.AppointmentsIn(Data.Council(Vale)).ToDictionary(a => a.OfficerId, a => a.Roles);
        Assert.Equal(south.Count, vale.Count);
        Assert.All(south, pair => Assert.Equal(pair.Value, vale[pair.Key]));

        var others = Data.Councils.Where(c => c.Slug is not SouthOxfordshire and not Vale).Select(c => c.Id).ToHashSet();
        Assert.DoesNotContain(Data.Appointments, a => south.ContainsKey(a.OfficerId) && others.Contains(a.CouncilId));
    }

    [Fact]
    public void Officers_WestOxfordshire_EmployedByPublicaExceptStatutoryOfficers()
    {
        if (!fixture.Presets.TryGet("west-oxfordshire", out _))
        {
            return;
        }

        var statutory = OfficerRoles.ChiefExecutive | OfficerRoles.MonitoringOfficer | OfficerRoles.ChiefFinanceOfficer;
        var byId = Data.Officers.ToDictionary(o => o.Id);
        foreach (var appointment in Data.AppointmentsIn(Data.Council("west-oxfordshire")))
        {
            var officer = byId[appointment.OfficerId];
            Assert.Equal((appointment.Roles & statutory) == 0 ? "Publica Group" : null, officer.Employer);
        }

        var elsewhere = Data.Councils.Where(c => c.Slug != "west-oxfordshire")
            .SelectMany(c => Data.AppointmentsIn(c)).Select(a => byId[a.OfficerId]);
        Assert.All(elsewhere, o => Assert.Null(o.Employer));
    }

    [Fact]
    public void ClosureDays_NoneSeeded_NoCouncilHasPublishedAny()
    {
        // Closure days are each council's own publication (preset council.closure_days); none of the seed councils
        // has published any, so the demo assumes none: deadlines across Christmas are as the protocols give them.
        Assert.Empty(Data.ClosureDays);
        Assert.All(Slugs, slug => Assert.Empty(fixture.Presets[slug].Council.ClosureDays));
    }

    [Fact]
    public void DemoAccounts_EachCouncil_LinkTheRightMembers()
    {
        foreach (var slug in Slugs)
        {
            var council = Data.Council(slug);
            var admin = Data.Groups.Single(g => g.CouncilId == council.Id && g.Standing == GroupStanding.Administration);
            var member = Data.MemberOf($"member@{slug}.demo");
            var member2 = Data.MemberOf($"member2@{slug}.demo");

            Assert.Equal(council.Id, member.CouncilId);
            Assert.Equal(admin.Id, member.GroupId);
            Assert.NotNull(member.WardId);
            Assert.Equal(member.Name, Data.Accounts.Single(a => a.Id == member.AccountId).DisplayName);
            Assert.Equal(council.Id, member2.CouncilId);
            Assert.NotNull(member2.GroupId);
            Assert.NotEqual(admin.Id, member2.GroupId);
            Assert.NotNull(member2.WardId);
            Assert.NotEqual(member.WardId, member2.WardId);
        }
    }

    [Fact]
    public void DemoAccounts_EachStaff_LinkTheRightOfficers()
    {
        var byId = Data.Officers.ToDictionary(o => o.Id);
        foreach (var slug in Slugs)
        {
            var council = Data.Council(slug);
            if (SharedStaff && slug == Vale)
            {
                // Vale's officers are South Oxfordshire's: their sign-ins serve both councils.
                Assert.DoesNotContain(Data.Accounts, a => a.Email.EndsWith("@" + Vale + ".demo", StringComparison.Ordinal)
                    && !a.Email.StartsWith("member", StringComparison.Ordinal));
                Assert.Contains(council.Id, Data.CouncilsOf(Data.OfficerOf($"hub@{SouthOxfordshire}.demo").Id));
                Assert.Contains(council.Id, Data.CouncilsOf(Data.OfficerOf($"ceo@{SouthOxfordshire}.demo").Id));
                continue;
            }

            var roles = Data.AppointmentsIn(council).ToDictionary(a => a.OfficerId, a => a.Roles);

            var hub = Data.OfficerOf($"hub@{slug}.demo");
            Assert.True(roles[hub.Id].HasFlag(OfficerRoles.MembersSupportHub));

            var manager = Data.OfficerOf($"manager@{slug}.demo");
            var waste = Data.Services.Single(s => s.CouncilId == council.Id && s.Name == "Waste and recycling");
            Assert.Equal(waste.ManagerId, manager.Id);
            Assert.Equal(OfficerGrade.ServiceManager, manager.Grade);
            Assert.Contains(byId[manager.LineManagerId!.Value].Grade, new[] { OfficerGrade.HeadOfService, OfficerGrade.Director });

            var officer = Data.OfficerOf($"officer@{slug}.demo");
            Assert.Equal(OfficerGrade.Officer, officer.Grade);
            Assert.Equal(manager.Id, officer.LineManagerId);

            var officer2 = Data.OfficerOf($"officer2@{slug}.demo");
            Assert.Equal(OfficerGrade.Officer, officer2.Grade);
            Assert.NotEqual(officer.LineManagerId, officer2.LineManagerId);
            var officer2Manager = Ancestors(officer2, byId).Select(id => byId[id]).First(o => o.Grade == OfficerGrade.ServiceManager);
            Assert.NotEqual(manager.Id, officer2Manager.Id);
            Assert.Contains(Data.Services, s => s.CouncilId == council.Id && s.ManagerId == officer2Manager.Id);

            var mo = Data.OfficerOf($"mo@{slug}.demo");
            Assert.True(roles[mo.Id].HasFlag(OfficerRoles.MonitoringOfficer));

            var ceo = Data.OfficerOf($"ceo@{slug}.demo");
            Assert.Equal(OfficerGrade.ChiefExecutive, ceo.Grade);
            Assert.True(roles[ceo.Id].HasFlag(OfficerRoles.ChiefExecutive));
        }
    }

    [Fact]
    public void DemoAccounts_SystemAdmin_IsLinkedToNoMemberOrOfficer()
    {
        var admin = Data.Accounts.Single(a => a.Email == "admin@nolan.demo");
        Assert.True(admin.IsSystemAdmin);
        Assert.DoesNotContain(Data.Members, m => m.AccountId == admin.Id);
        Assert.DoesNotContain(Data.Officers, o => o.AccountId == admin.Id);
        Assert.Single(Data.Accounts, a => a.IsSystemAdmin);

        var expected = Slugs.Count() * 8 + 1 - (SharedStaff ? 6 : 0);
        Assert.Equal(expected, Data.Accounts.Count);
        Assert.All(Data.Accounts, a => Assert.Equal(a.Email.ToLowerInvariant(), a.Email));
    }

    [Fact]
    public void Build_TwiceIntoTwoDatabases_YieldsIdenticalRows()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var db = CreateContext(connection))
        {
            DemoDirectory.Build(db, PresetLoader.LoadDirectory(RepoPaths.Protocols), DemoDirectoryFixture.Hash);
            db.SaveChanges();
        }

        var again = DemoSnapshot.Read(connection);
        Assert.Equal(Keys(Data.Councils, c => $"{c.Id} {c.Slug}"), Keys(again.Councils, c => $"{c.Id} {c.Slug}"));
        Assert.Equal(Keys(Data.Wards, w => $"{w.Id} {w.Name}"), Keys(again.Wards, w => $"{w.Id} {w.Name}"));
        Assert.Equal(Keys(Data.Members, m => $"{m.Id} {m.Email} {m.WardId} {m.GroupId} {m.Roles} {m.AccountId}"),
            Keys(again.Members, m => $"{m.Id} {m.Email} {m.WardId} {m.GroupId} {m.Roles} {m.AccountId}"));
        Assert.Equal(Keys(Data.Seats, s => $"{s.Id} {s.Role}"), Keys(again.Seats, s => $"{s.Id} {s.Role}"));
        Assert.Equal(Keys(Data.Officers, o => $"{o.Id} {o.Email} {o.JobTitle} {o.LineManagerId} {o.AccountId}"),
            Keys(again.Officers, o => $"{o.Id} {o.Email} {o.JobTitle} {o.LineManagerId} {o.AccountId}"));
        Assert.Equal(Keys(Data.Appointments, a => $"{a.Id} {a.Roles}"), Keys(again.Appointments, a => $"{a.Id} {a.Roles}"));
        Assert.Equal(Keys(Data.Services, s => $"{s.Id} {s.ManagerId} {s.ChiefOfficerId}"),
            Keys(again.Services, s => $"{s.Id} {s.ManagerId} {s.ChiefOfficerId}"));
        Assert.Equal(Keys(Data.Accounts, a => $"{a.Id} {a.Email}"), Keys(again.Accounts, a => $"{a.Id} {a.Email}"));
        Assert.Equal(Keys(Data.ClosureDays, d => $"{d.Id} {d.Date}"), Keys(again.ClosureDays, d => $"{d.Id} {d.Date}"));
    }

    [Fact]
    public void DemoIds_SameKey_GivesTheSameVersion8Guid()
    {
        var id = DemoIds.For("council:cambridge");
        Assert.Equal(id, DemoIds.For("council:cambridge"));
        Assert.NotEqual(id, DemoIds.For("council:southend-on-sea"));
        Assert.Equal(8, id.Version);
        Assert.Equal('8', id.ToString()[14]);
    }

    private static List<string> Keys<T>(IEnumerable<T> rows, Func<T, string> key) =>
        [.. rows.Select(key).Order(StringComparer.Ordinal)];

    private static IEnumerable<Guid> Ancestors(Officer officer, Dictionary<Guid, Officer> byId)
    {
        for (var current = officer; current.LineManagerId is { } next; current = byId[next])
        {
            yield return next;
        }
    }
}
