namespace Nolan.Core.CouncilDirectory;

/// <summary>A council using Nolan, judged by the protocol preset named by <see cref="PresetSlug"/>.</summary>
public sealed class Council
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public required string ShortCode { get; set; }
    public required string PresetSlug { get; set; }

    /// <summary>What the council calls this service in its header and page titles.</summary>
    public string ServiceName { get; set; } = CouncilIdentity.DefaultServiceName;

    /// <summary>The header's colour, <c>#RRGGBB</c>, dark enough for white text (null: the GOV.UK Frontend default).</summary>
    public string? BrandColour { get; set; }

    /// <summary>The council's logo, a path on this site (e.g. <c>/branding/southend.svg</c>); null: the council's name in text.</summary>
    public string? LogoPath { get; set; }
}

/// <summary>A day the council is closed beyond weekends and bank holidays (e.g. the days between Christmas and New Year).</summary>
public sealed class ClosureDay
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid CouncilId { get; init; }
    public required DateOnly Date { get; init; }
    public required string Reason { get; set; }
}

public sealed class Ward
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid CouncilId { get; init; }
    public required string Name { get; set; }
}

public enum GroupStanding
{
    Administration,
    Opposition,
}

public sealed class PoliticalGroup
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid CouncilId { get; init; }
    public required string Name { get; set; }
    public GroupStanding Standing { get; set; }
}

public enum CommitteeKind
{
    Council,
    Executive,
    Scrutiny,
    Regulatory,
    Standards,
    Other,
}

public sealed class Committee
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid CouncilId { get; init; }
    public required string Name { get; set; }
    public CommitteeKind Kind { get; set; }
}

public enum CommitteeRole
{
    Member,
    Chair,
    ViceChair,
}

public sealed class CommitteeSeat
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid CommitteeId { get; init; }
    public required Guid MemberId { get; init; }
    public CommitteeRole Role { get; set; }
}

public enum MemberKind
{
    Elected,
    CoOpted,
}

/// <summary>Positions a member holds; stored as a comma-separated list of names.</summary>
[Flags]
public enum MemberRoles
{
    None = 0,
    Leader = 1,
    DeputyLeader = 2,
    CabinetMember = 4,
    GroupLeader = 8,
    CommitteeChair = 16,
    ScrutinyChair = 32,
    Mayor = 64,
    OppositionSpokesperson = 128,
}

/// <summary>A councillor (elected) or co-opted member of one council.</summary>
public sealed class Member
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid CouncilId { get; init; }
    public Guid? AccountId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public Guid? WardId { get; set; }
    public Guid? GroupId { get; set; }
    public MemberKind Kind { get; set; }
    public MemberRoles Roles { get; set; }
    public string? Portfolio { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>Officer grades, from the Chief Executive down.</summary>
public enum OfficerGrade
{
    ChiefExecutive,
    DeputyChiefExecutive,
    Director,
    HeadOfService,
    ServiceManager,
    TeamLeader,
    Officer,
}

/// <summary>A paid officer. One officer may serve several councils (shared staff, Publica).</summary>
public sealed class Officer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? AccountId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public required string JobTitle { get; set; }
    public OfficerGrade Grade { get; set; }
    public Guid? LineManagerId { get; set; }
    public Officer? LineManager { get; set; }
    /// <summary>The employer when it is not the council itself, e.g. "Publica Group".</summary>
    public string? Employer { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>First day of a planned absence (London date), with <see cref="AwayUntil"/> and <see cref="CoverOfficerId"/>.</summary>
    public DateOnly? AwayFrom { get; set; }

    /// <summary>Last day of the absence (inclusive).</summary>
    public DateOnly? AwayUntil { get; set; }

    /// <summary>The colleague who receives this officer's members' enquiries while they are away (Southend 9.1.6).</summary>
    public Guid? CoverOfficerId { get; set; }

    public bool IsAwayOn(DateOnly day) => AwayFrom is { } from && AwayUntil is { } until && from <= day && day <= until;
}

/// <summary>Council-level responsibilities an officer holds.</summary>
[Flags]
public enum OfficerRoles
{
    None = 0,
    ChiefExecutive = 1,
    MonitoringOfficer = 2,
    ChiefFinanceOfficer = 4,
    /// <summary>Members Support Hub / Democratic Services / contact centre: triages and sees every enquiry.</summary>
    MembersSupportHub = 8,
    ComplaintsTeam = 16,
    /// <summary>Chief Officer: Chief Executive, deputies, executive directors (Southend 9.1.9).</summary>
    ChiefOfficer = 32,
    /// <summary>Administers Nolan for the council: directory, tokens. Sees no casework by this role.</summary>
    Administrator = 64,

    /// <summary>
    /// The council's data protection officer: with the Monitoring Officer, exports what Nolan holds about a person
    /// (a subject access request). Sees no casework by this role.
    /// </summary>
    DataProtectionOfficer = 128,
}

/// <summary>An officer's appointment to serve a council, with the roles held there (one row each in <c>officer_roles</c>).</summary>
public sealed class OfficerAppointment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid OfficerId { get; init; }
    public Officer? Officer { get; init; }
    public required Guid CouncilId { get; init; }

    /// <summary>The roles held at this council, one row each, so that SQL can join on "who is the Hub here".</summary>
    public List<OfficerRole> RoleRows { get; init; } = [];

    /// <summary>The same roles as one set; setting it replaces the rows.</summary>
    public OfficerRoles Roles
    {
        get => RoleRows.Aggregate(OfficerRoles.None, (all, r) => all | r.Role);
        set
        {
            RoleRows.Clear();
            RoleRows.AddRange(Enum.GetValues<OfficerRoles>().Where(r => r != OfficerRoles.None && value.HasFlag(r))
                .Select(r => new OfficerRole { AppointmentId = Id, Role = r }));
        }
    }
}

/// <summary>One role an officer holds at one council (through their appointment there).</summary>
public sealed class OfficerRole
{
    public Guid AppointmentId { get; init; }
    public OfficerRoles Role { get; init; }
}

/// <summary>A council service and who manages it: the council's "Who does what".</summary>
public sealed class Service
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid CouncilId { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public Guid? ManagerId { get; set; }
    public Officer? Manager { get; set; }
    /// <summary>The Chief Officer (director) responsible for the department the service sits in.</summary>
    public Guid? ChiefOfficerId { get; set; }
}
