using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Nolan.Core.Access;
using Nolan.Core.Calendar;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Core.Protocols;

namespace Nolan.Core.Demo;

/// <summary>A demo sign-in: its email (password <see cref="DemoDirectory.Password"/>), what it is for and for which council.</summary>
public sealed record DemoAccount(string Email, string Role, string Council, string Description);

/// <summary>What <see cref="DemoDirectory.Build"/> added.</summary>
public sealed record DemoSummary(IReadOnlyList<DemoAccount> Accounts, int Councils, int Members, int Officers, int Services);

/// <summary>Stable ids for demo rows: the same key gives the same id on every run and every machine.</summary>
public static class DemoIds
{
    /// <summary>A version-8 (custom) Guid made from the first 16 bytes of SHA-256(<paramref name="key"/>).</summary>
    public static Guid For(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>A seed for <see cref="Random"/> from a key (string.GetHashCode differs between runs).</summary>
    internal static int Seed(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return BinaryPrimitives.ReadInt32LittleEndian(hash) & int.MaxValue;
    }
}

/// <summary>
/// Demo data: every council with a preset gets wards, groups, councillors, committees, a staff of a few hundred
/// officers in a line-management hierarchy, "Who does what" services, closure days and demo sign-ins.
/// </summary>
public static class DemoDirectory
{
    public const string Password = "nolan-demo";

    public const string AdminEmail = "admin@nolan.demo";

    /// <summary>
    /// Adds every seed council and its directory to the context (does not SaveChanges; the caller does).
    /// Deterministic: the same data every run (seeded <see cref="Random"/>, ids from <see cref="DemoIds"/>).
    /// </summary>
    /// <param name="db">The context to add to; nothing is queried.</param>
    /// <param name="presets">One council per preset.</param>
    /// <param name="passwordHash">The hash of <see cref="Password"/>, computed once by the caller.</param>
    public static DemoSummary Build(NolanDbContext db, PresetCatalog presets, string passwordHash)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(presets);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);

        var data = new DemoData(passwordHash);
        data.Build(presets.All.OrderBy(p => p.Council.Slug, StringComparer.Ordinal).ToList());

        db.Accounts.AddRange(data.Accounts);
        db.Councils.AddRange(data.Councils);
        db.ClosureDays.AddRange(data.ClosureDays);
        db.Wards.AddRange(data.Wards);
        db.PoliticalGroups.AddRange(data.Groups);
        db.Members.AddRange(data.Members);
        db.Committees.AddRange(data.Committees);
        db.CommitteeSeats.AddRange(data.Seats);
        db.Officers.AddRange(data.Officers);
        db.OfficerAppointments.AddRange(data.Appointments);
        db.Services.AddRange(data.Services);

        return new DemoSummary(data.DemoAccounts, data.Councils.Count, data.Members.Count, data.Officers.Count,
            data.Services.Count);
    }
}

/// <summary>Builds the rows in memory; <see cref="DemoDirectory.Build"/> hands them to the context.</summary>
internal sealed class DemoData(string passwordHash)
{

    public List<Account> Accounts { get; } = [];
    public List<DemoAccount> DemoAccounts { get; } = [];
    public List<Council> Councils { get; } = [];
    public List<ClosureDay> ClosureDays { get; } = [];
    public List<Ward> Wards { get; } = [];
    public List<PoliticalGroup> Groups { get; } = [];
    public List<Member> Members { get; } = [];
    public List<Committee> Committees { get; } = [];
    public List<CommitteeSeat> Seats { get; } = [];
    public List<Officer> Officers { get; } = [];
    public List<OfficerAppointment> Appointments { get; } = [];
    public List<Service> Services { get; } = [];

    public void Build(IReadOnlyList<ProtocolPreset> presets)
    {
        var slugs = presets.Select(p => p.Council.Slug).ToHashSet(StringComparer.Ordinal);
        var shared = slugs.Contains(DemoProfiles.SouthOxfordshire) && slugs.Contains(DemoProfiles.ValeOfWhiteHorse);

        // A staff serves one council, or South Oxfordshire and Vale of White Horse together.
        var staffs = new List<List<ProtocolPreset>>();
        foreach (var preset in presets)
        {
            if (shared && preset.Council.Slug == DemoProfiles.ValeOfWhiteHorse)
            {
                continue;
            }

            var group = new List<ProtocolPreset> { preset };
            if (shared && preset.Council.Slug == DemoProfiles.SouthOxfordshire)
            {
                group.Add(presets.First(p => p.Council.Slug == DemoProfiles.ValeOfWhiteHorse));
            }

            staffs.Add(group);
        }

        AddAccount(DemoDirectory.AdminEmail, "Nolan Administrator", "System administrator", "",
            "Runs the Nolan installation: councils, presets and API tokens; sees no casework.", isSystemAdmin: true);

        foreach (var group in staffs.OrderBy(g => g[0].Council.Slug, StringComparer.Ordinal))
        {
            var names = new NamePool();
            var councils = group.Select(AddCouncil).ToList();
            var staff = new StaffBuilder(this, names, group[0], councils);
            staff.Build();
            foreach (var (preset, council) in group.Zip(councils))
            {
                AddMembers(preset, council, names);
                foreach (var s in staff.ServiceRows)
                {
                    Services.Add(new Service
                    {
                        Id = DemoIds.For($"service:{council.Slug}:{s.Def.Name}"),
                        CouncilId = council.Id,
                        Name = s.Def.Name,
                        Description = s.Def.Description,
                        ManagerId = s.Manager.Id,
                        ChiefOfficerId = s.Director.Id,
                    });
                }
            }

            // The first council of a staff holds the officer sign-ins; a council sharing that staff uses them too.
            staff.AddOfficerAccounts();
        }
    }

    private static readonly string[] DemoColours = ["#005a30", "#4c2c92", "#0b4f6c", "#8e1537", "#2b4b1f", "#594f00"];

    private Council AddCouncil(ProtocolPreset preset)
    {
        var council = new Council
        {
            Id = DemoIds.For("council:" + preset.Council.Slug),
            Slug = preset.Council.Slug,
            Name = preset.Council.Name,
            ShortCode = preset.Council.ShortCode,
            PresetSlug = preset.Council.Slug,
            // Each demo council in a colour of its own (each dark enough for white text), to show the council's identity.
            BrandColour = DemoColours[Councils.Count % DemoColours.Length],
        };
        Councils.Add(council);

        return council;
    }

    internal Account AddAccount(string email, string displayName, string role, string council, string description,
        bool isSystemAdmin = false)
    {
        var account = new Account
        {
            Id = DemoIds.For("account:" + email),
            Email = email,
            DisplayName = displayName,
            PasswordHash = passwordHash,
            IsSystemAdmin = isSystemAdmin,
        };
        Accounts.Add(account);
        DemoAccounts.Add(new DemoAccount(email, role, council, description));
        return account;
    }

    // ---- Members ----------------------------------------------------------------------------------------------

    private void AddMembers(ProtocolPreset preset, Council council, NamePool names)
    {
        var slug = council.Slug;
        var profile = DemoProfiles.For(slug);
        var rng = new Random(DemoIds.Seed("members:" + slug));
        var domain = slug + ".gov.demo";

        var wards = profile.Wards.Select(w => new Ward
        {
            Id = DemoIds.For($"ward:{slug}:{w.Name}"),
            CouncilId = council.Id,
            Name = w.Name,
        }).ToList();
        Wards.AddRange(wards);

        var groups = profile.Groups.Select((g, i) => new PoliticalGroup
        {
            Id = DemoIds.For($"group:{slug}:{g.Name}"),
            CouncilId = council.Id,
            Name = g.Name,
            Standing = i == 0 ? GroupStanding.Administration : GroupStanding.Opposition,
        }).ToList();
        Groups.AddRange(groups);

        // Seats by ward; each group gets its share (at least two), dealt out at random.
        var seatWards = profile.Wards.SelectMany((w, i) => Enumerable.Repeat(wards[i], w.Seats)).ToList();
        var quotas = profile.Groups.Select(g => Math.Max(2, (int)Math.Round(g.Share * seatWards.Count))).ToArray();
        quotas[0] += seatWards.Count - quotas.Sum();
        var labels = quotas.SelectMany((q, i) => Enumerable.Repeat(groups[i], q)).ToArray();
        rng.Shuffle(labels);

        var elected = new List<Member>();
        for (var i = 0; i < seatWards.Count; i++)
        {
            elected.Add(NewMember(council, names, rng, domain, MemberKind.Elected, seatWards[i], labels[i]));
        }

        var coOpted = new List<Member>();
        var coOptedCount = profile.Committees.Max(c => c.CoOpted);
        for (var i = 0; i < coOptedCount; i++)
        {
            coOpted.Add(NewMember(council, names, rng, domain, MemberKind.CoOpted, null, null));
        }

        Members.AddRange(elected);
        Members.AddRange(coOpted);

        // Roles.
        var admin = groups[0];
        var adminMembers = Shuffled(elected.Where(m => m.GroupId == admin.Id), rng);
        var leader = adminMembers[0];
        var deputy = adminMembers[1];
        leader.Roles = MemberRoles.Leader | MemberRoles.GroupLeader | MemberRoles.CabinetMember;
        leader.Portfolio = profile.LeaderPortfolio;
        deputy.Roles = MemberRoles.DeputyLeader | MemberRoles.CabinetMember;
        deputy.Portfolio = "Deputy Leader, " + profile.Portfolios[0];
        var cabinetSize = rng.Next(6, 9);
        var cabinet = new List<Member> { leader, deputy };
        for (var i = 2; i < cabinetSize; i++)
        {
            var m = adminMembers[i];
            m.Roles |= MemberRoles.CabinetMember;
            m.Portfolio = profile.Portfolios[i - 1];
            cabinet.Add(m);
        }

        foreach (var g in groups.Skip(1))
        {
            var members = elected.Where(m => m.GroupId == g.Id).ToList();
            members[rng.Next(members.Count)].Roles |= MemberRoles.GroupLeader;
        }

        var mainOpposition = groups.Skip(1).MaxBy(g => elected.Count(m => m.GroupId == g.Id))!;
        foreach (var m in Shuffled(elected.Where(m => m.GroupId == mainOpposition.Id && m.Roles == MemberRoles.None), rng)
                     .Take(2))
        {
            m.Roles |= MemberRoles.OppositionSpokesperson;
        }

        var backbench = Shuffled(elected.Where(m => m.Roles == MemberRoles.None), rng);
        var mayor = backbench.First(m => m.GroupId == admin.Id);
        mayor.Roles |= MemberRoles.Mayor;
        var deputyMayor = backbench.First(m => m != mayor);

        // Committees.
        var chairs = new HashSet<Member> { mayor, leader, deputy };
        var nonExecutive = elected.Where(m => !cabinet.Contains(m) && m != mayor).ToList();
        foreach (var def in profile.Committees)
        {
            var committee = new Committee
            {
                Id = DemoIds.For($"committee:{slug}:{def.Name}"),
                CouncilId = council.Id,
                Name = def.Name,
                Kind = def.Kind,
            };
            Committees.Add(committee);

            Member chair, vice;
            List<Member> seated;
            switch (def.Pool)
            {
                case SeatPool.AllElected:
                    (chair, vice, seated) = (mayor, deputyMayor, elected);
                    break;
                case SeatPool.Cabinet:
                    (chair, vice, seated) = (leader, deputy, cabinet);
                    break;
                default:
                    var pool = Shuffled(nonExecutive, rng);
                    // Scrutiny is chaired from the opposition; other committees from the administration.
                    chair = pool.First(m => !chairs.Contains(m)
                        && (def.Kind == CommitteeKind.Scrutiny ? m.GroupId != admin.Id : m.GroupId == admin.Id));
                    chair.Roles |= def.Kind == CommitteeKind.Scrutiny ? MemberRoles.ScrutinyChair : MemberRoles.CommitteeChair;
                    chairs.Add(chair);
                    vice = pool.First(m => m != chair && (def.Kind == CommitteeKind.Scrutiny
                        ? m.GroupId == admin.Id
                        : m.GroupId != admin.Id));
                    seated = [chair, vice, .. pool.Where(m => m != chair && m != vice).Take(def.Size - 2)];
                    break;
            }

            foreach (var m in seated.OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                AddSeat(committee, m, m == chair ? CommitteeRole.Chair : m == vice ? CommitteeRole.ViceChair : CommitteeRole.Member);
            }

            foreach (var m in coOpted.Take(def.CoOpted))
            {
                AddSeat(committee, m, CommitteeRole.Member);
            }
        }

        // Demo sign-ins: a councillor of the administration and one of the opposition, in different wards.
        var member = elected.First(m => m.GroupId == admin.Id && m.Roles == MemberRoles.None);
        var opposition = elected.Where(m => m.GroupId != admin.Id && m.WardId != member.WardId).ToList();
        var member2 = opposition.FirstOrDefault(m => m.Roles == MemberRoles.None) ?? opposition[0];
        LinkMember(member, "member", "Councillor (administration)", preset, wards, groups);
        LinkMember(member2, "member2", "Councillor (opposition)", preset, wards, groups);
    }

    private static Member NewMember(Council council, NamePool names, Random rng, string domain, MemberKind kind, Ward? ward,
        PoliticalGroup? group)
    {
        var (name, local) = names.Next(rng);
        var email = $"{local}@{domain}";
        return new Member
        {
            Id = DemoIds.For($"member:{council.Slug}:{email}"),
            CouncilId = council.Id,
            Name = name,
            Email = email,
            WardId = ward?.Id,
            GroupId = group?.Id,
            Kind = kind,
        };
    }

    private void AddSeat(Committee committee, Member member, CommitteeRole role) =>
        Seats.Add(new CommitteeSeat
        {
            Id = DemoIds.For($"seat:{committee.Id}:{member.Id}"),
            CommitteeId = committee.Id,
            MemberId = member.Id,
            Role = role,
        });

    private void LinkMember(Member member, string prefix, string role, ProtocolPreset preset, List<Ward> wards,
        List<PoliticalGroup> groups)
    {
        var slug = preset.Council.Slug;
        var ward = wards.First(w => w.Id == member.WardId).Name;
        var group = groups.First(g => g.Id == member.GroupId).Name;
        var account = AddAccount($"{prefix}@{slug}.demo", member.Name, role, slug,
            $"Councillor {member.Name}, {group}, {ward} ward ({preset.Council.Name})");
        member.AccountId = account.Id;
    }

    internal static List<T> Shuffled<T>(IEnumerable<T> items, Random rng)
    {
        var array = items.ToArray();
        rng.Shuffle(array);
        return [.. array];
    }
}

/// <summary>Unique British names, with the email local part <c>firstname.surname</c>.</summary>
internal sealed class NamePool
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public (string Name, string Local) Next(Random rng)
    {
        while (true)
        {
            var first = DemoProfiles.FirstNames[rng.Next(DemoProfiles.FirstNames.Length)];
            var last = DemoProfiles.Surnames[rng.Next(DemoProfiles.Surnames.Length)];
            var local = Local(first) + "." + Local(last);
            if (_used.Add(local))
            {
                return ($"{first} {last}", local);
            }
        }
    }

    private static string Local(string name) =>
        new([.. name.Where(c => char.IsAsciiLetter(c) || c == '-').Select(char.ToLowerInvariant)]);
}

/// <summary>A service of the staff, with its manager and the director above.</summary>
internal sealed record ServiceRow(ServiceDef Def, Officer Manager, Officer Director);

/// <summary>Builds one staff: the hierarchy from the Chief Executive down, and its appointments to each council.</summary>
internal sealed class StaffBuilder(DemoData data, NamePool names, ProtocolPreset lead, IReadOnlyList<Council> councils)
{
    private readonly StaffProfile _profile = DemoProfiles.For(lead.Council.Slug).Staff;
    private readonly Random _rng = new(DemoIds.Seed("staff:" + lead.Council.Slug));
    private readonly Dictionary<Officer, OfficerRoles> _roles = [];
    private readonly List<Officer> _officers = [];

    private Officer? _ceo;
    private Officer? _monitoringOfficer;
    private Officer? _hubOfficer;
    private Officer? _wasteOfficer;
    private Officer? _otherOfficer;
    private string _hubName = "";

    public List<ServiceRow> ServiceRows { get; } = [];

    public void Build()
    {
        _hubName = string.IsNullOrWhiteSpace(lead.Council.HubName) ? "Democratic Services" : lead.Council.HubName;
        var hubService = _hubName.Contains("Contact", StringComparison.OrdinalIgnoreCase) ? "Customer services" : "Democratic services";
        var titles = _profile.Titles;

        _ceo = Add("Chief Executive", OfficerGrade.ChiefExecutive, null, OfficerRoles.ChiefExecutive | OfficerRoles.ChiefOfficer);
        Add("Executive Assistant to the Chief Executive", OfficerGrade.Officer, _ceo);
        var deputies = _profile.DeputyAreas
            .Select(a => Add(titles.DeputyChiefExecutive(a), OfficerGrade.DeputyChiefExecutive, _ceo, OfficerRoles.ChiefOfficer))
            .ToList();

        for (var d = 0; d < _profile.Directorates.Length; d++)
        {
            var directorate = _profile.Directorates[d];
            var director = Add(titles.Director(directorate.Name), OfficerGrade.Director, deputies[d % deputies.Count],
                OfficerRoles.ChiefOfficer);
            Add($"Business Support Officer ({directorate.Name})", OfficerGrade.Officer, director);

            foreach (var headDef in directorate.Heads)
            {
                var (title, roles) = headDef.Area switch
                {
                    "Legal and Democratic Services" => (titles.Head(headDef.Area) + " (Monitoring Officer)", OfficerRoles.MonitoringOfficer),
                    "Finance" => (titles.Head(headDef.Area) + " (Section 151 Officer)", OfficerRoles.ChiefFinanceOfficer),
                    _ => (titles.Head(headDef.Area), OfficerRoles.None),
                };
                var head = Add(title, OfficerGrade.HeadOfService, director, roles);
                if (roles.HasFlag(OfficerRoles.MonitoringOfficer))
                {
                    _monitoringOfficer = head;
                }

                foreach (var serviceName in headDef.Services)
                {
                    AddService(DemoProfiles.Services[serviceName], head, director, serviceName == hubService);
                }
            }
        }

        foreach (var officer in _officers)
        {
            var statutory = _roles.GetValueOrDefault(officer) & (OfficerRoles.ChiefExecutive | OfficerRoles.MonitoringOfficer | OfficerRoles.ChiefFinanceOfficer);
            officer.Employer = statutory == OfficerRoles.None ? _profile.Employer : null;
        }

        foreach (var council in councils)
        {
            foreach (var officer in _officers)
            {
                data.Appointments.Add(new OfficerAppointment
                {
                    Id = DemoIds.For($"appointment:{officer.Id}:{council.Id}"),
                    OfficerId = officer.Id,
                    CouncilId = council.Id,
                    Roles = _roles.GetValueOrDefault(officer),
                });
            }
        }

        data.Officers.AddRange(_officers);
    }

    private void AddService(ServiceDef def, Officer head, Officer director, bool hub)
    {
        var manager = Add(_profile.Titles.Manager(def.Short), OfficerGrade.ServiceManager, head);
        ServiceRows.Add(new ServiceRow(def, manager, director));

        // Officers reporting straight to the manager.
        switch (def.Name)
        {
            case "Customer services":
                Add("Complaints and Feedback Officer", OfficerGrade.Officer, manager, OfficerRoles.ComplaintsTeam);
                Add("Complaints and Feedback Officer", OfficerGrade.Officer, manager, OfficerRoles.ComplaintsTeam);
                break;
            case "ICT and digital":
                Add("Business Systems Administrator", OfficerGrade.Officer, manager, OfficerRoles.Administrator);
                break;
            default:
                for (var i = _rng.Next(1, 3); i > 0; i--)
                {
                    var direct = Add(Pick(def.Titles), OfficerGrade.Officer, manager, OfficerRoles.None);
                    if (def.Name == "Waste and recycling")
                    {
                        _wasteOfficer ??= direct;
                    }
                }

                break;
        }

        var teams = def.Teams + (_rng.Next(3) == 0 ? 1 : 0);
        for (var t = 0; t < teams; t++)
        {
            var leader = Add(def.Short + " Team Leader", OfficerGrade.TeamLeader, manager, OfficerRoles.None);
            for (var i = _rng.Next(_profile.TeamMin, _profile.TeamMax + 1); i > 0; i--)
            {
                var officer = Add(Pick(def.Titles), OfficerGrade.Officer, leader, OfficerRoles.None);
                if (def.Name == "Council tax")
                {
                    _otherOfficer ??= officer;
                }
            }
        }

        if (hub)
        {
            var hubLeader = Add(_hubName + " Team Leader", OfficerGrade.TeamLeader, manager, OfficerRoles.MembersSupportHub);
            for (var i = _rng.Next(3, 5); i > 0; i--)
            {
                var officer = Add(_hubName + " Officer", OfficerGrade.Officer, hubLeader, OfficerRoles.MembersSupportHub);
                _hubOfficer ??= officer;
            }
        }
    }

    private string Pick(string[] titles) => titles[_rng.Next(titles.Length)];

    private Officer Add(string jobTitle, OfficerGrade grade, Officer? lineManager, OfficerRoles roles = OfficerRoles.None)
    {
        var (name, local) = names.Next(_rng);
        var statutory = (roles & (OfficerRoles.ChiefExecutive | OfficerRoles.MonitoringOfficer | OfficerRoles.ChiefFinanceOfficer)) != 0;
        var domain = statutory && _profile.StatutoryDomain is not null ? _profile.StatutoryDomain : _profile.Domain;
        var email = $"{local}@{domain}";
        var officer = new Officer
        {
            Id = DemoIds.For("officer:" + email),
            Name = name,
            Email = email,
            JobTitle = jobTitle,
            Grade = grade,
            LineManagerId = lineManager?.Id,
        };
        _officers.Add(officer);
        if (roles != OfficerRoles.None)
        {
            _roles[officer] = roles;
        }

        return officer;
    }

    /// <summary>Officer sign-ins for the staff's first council (they serve every council the staff serves).</summary>
    public void AddOfficerAccounts()
    {
        var slug = lead.Council.Slug;
        var serves = string.Join(" and ", councils.Select(c => c.Name));
        var waste = ServiceRows.First(s => s.Def.Name == "Waste and recycling");

        Link(_hubOfficer!, "hub", _hubName, $"works in the {_hubName} team; triages members' enquiries");
        Link(waste.Manager, "manager", "Service Manager", "manages Waste and recycling");
        Link(_wasteOfficer!, "officer", "Officer", $"Waste and recycling; line manager {waste.Manager.Name}");
        Link(_otherOfficer!, "officer2", "Officer", $"Council tax; line manager {LineManagerName(_otherOfficer!)}");
        Link(_monitoringOfficer!, "mo", "Monitoring Officer", null);
        Link(_ceo!, "ceo", "Chief Executive", "head of paid service");

        void Link(Officer officer, string prefix, string role, string? what)
        {
            var account = data.AddAccount($"{prefix}@{slug}.demo", officer.Name, role, slug,
                what is null
                    ? $"{officer.Name}, {officer.JobTitle} ({serves})"
                    : $"{officer.Name}, {officer.JobTitle}: {what} ({serves})");
            officer.AccountId = account.Id;
        }
    }

    private string LineManagerName(Officer officer) => _officers.First(o => o.Id == officer.LineManagerId).Name;
}
