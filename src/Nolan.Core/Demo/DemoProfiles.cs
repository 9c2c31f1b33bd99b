using Nolan.Core.CouncilDirectory;

namespace Nolan.Core.Demo;

/// <summary>A ward and how many councillors it elects.</summary>
internal sealed record WardDef(string Name, int Seats);

/// <summary>A political group and its rough share of the seats. The first group of a profile is the administration.</summary>
internal sealed record GroupDef(string Name, double Share);

/// <summary>Who sits on a committee.</summary>
internal enum SeatPool
{
    /// <summary>Every elected member (Full Council).</summary>
    AllElected,

    /// <summary>The Leader and cabinet members (the executive).</summary>
    Cabinet,

    /// <summary>Elected members outside the executive (scrutiny, regulatory and other committees).</summary>
    NonExecutive,
}

internal sealed record CommitteeDef(string Name, CommitteeKind Kind, SeatPool Pool, int Size = 0, int CoOpted = 0);

/// <summary>A council service: its name in "Who does what", the words used in job titles, and its typical size.</summary>
internal sealed record ServiceDef(string Name, string Short, int Teams, string Description, string[] Titles);

/// <summary>A Head of Service's area and the services under it.</summary>
internal sealed record HeadDef(string Area, string[] Services);

internal sealed record DirectorateDef(string Name, HeadDef[] Heads);

/// <summary>How the council words its senior job titles.</summary>
internal sealed record TitleStyle(
    Func<string, string> DeputyChiefExecutive,
    Func<string, string> Director,
    Func<string, string> Head,
    Func<string, string> Manager);

/// <summary>The paid staff: one per council, except councils that share a staff.</summary>
internal sealed record StaffProfile(
    string Domain,
    string? Employer,
    string? StatutoryDomain,
    TitleStyle Titles,
    string[] DeputyAreas,
    DirectorateDef[] Directorates,
    int TeamMin,
    int TeamMax);

internal sealed record CouncilProfile(
    WardDef[] Wards,
    GroupDef[] Groups,
    CommitteeDef[] Committees,
    string LeaderPortfolio,
    string[] Portfolios,
    StaffProfile Staff);

/// <summary>The make-up of each demo council. Real ward names where known; everything else is invented.</summary>
internal static class DemoProfiles
{
    public const string SouthOxfordshire = "south-oxfordshire";
    public const string ValeOfWhiteHorse = "vale-of-white-horse";
    public const string Publica = "Publica Group";

    public static CouncilProfile For(string slug) => slug switch
    {
        "southend-on-sea" => Southend,
        "cambridge" => Cambridge,
        SouthOxfordshire => SouthOxon,
        ValeOfWhiteHorse => Vale,
        "west-oxfordshire" => WestOxon,
        "district-002" => District002,
        _ => Generic(slug),
    };

    // ---- Services ---------------------------------------------------------------------------------------------

    public static readonly IReadOnlyDictionary<string, ServiceDef> Services = new[]
    {
        new ServiceDef("Waste and recycling", "Waste and Recycling", 2,
            "Household bin and recycling collections, garden waste subscriptions, bulky waste and missed bins.",
            ["Waste Services Officer", "Recycling Officer", "Waste Collections Coordinator"]),
        new ServiceDef("Street cleansing", "Street Cleansing", 1,
            "Litter and dog bins, street sweeping, fly-tipping clearance and graffiti removal.",
            ["Street Scene Officer", "Environmental Enforcement Officer"]),
        new ServiceDef("Parks and open spaces", "Parks and Open Spaces", 1,
            "Parks, play areas, allotments, trees and the countryside sites the council owns.",
            ["Parks Officer", "Countryside Officer", "Tree Officer"]),
        new ServiceDef("Car parks", "Parking", 1,
            "Council car parks, parking permits, season tickets and parking enforcement.",
            ["Parking Services Officer", "Civil Enforcement Officer"]),
        new ServiceDef("Planning applications", "Development Management", 2,
            "Planning applications, pre-application advice and planning appeals.",
            ["Planning Officer", "Senior Planning Officer", "Planning Technician"]),
        new ServiceDef("Planning enforcement", "Planning Enforcement", 1,
            "Investigating breaches of planning control and unauthorised development.",
            ["Planning Enforcement Officer", "Enforcement Technician"]),
        new ServiceDef("Planning policy", "Planning Policy", 1,
            "The Local Plan, neighbourhood plans and developer contributions.",
            ["Planning Policy Officer", "Neighbourhood Planning Officer", "Infrastructure Officer"]),
        new ServiceDef("Building control", "Building Control", 1,
            "Building regulations applications, site inspections and dangerous structures.",
            ["Building Control Surveyor", "Building Control Technician"]),
        new ServiceDef("Housing options and homelessness", "Housing Needs", 2,
            "Housing advice, homelessness prevention, temporary accommodation and the housing register.",
            ["Housing Options Officer", "Homelessness Prevention Officer", "Housing Register Officer"]),
        new ServiceDef("Private sector housing", "Private Sector Housing", 1,
            "Housing standards in privately rented homes, HMO licensing and disabled facilities grants.",
            ["Private Sector Housing Officer", "Disabled Facilities Grant Officer"]),
        new ServiceDef("Environmental health", "Environmental Health", 2,
            "Food safety, noise and nuisance complaints, pollution, pest control and workplace health and safety.",
            ["Environmental Health Officer", "Food Safety Officer", "Environmental Protection Officer"]),
        new ServiceDef("Licensing", "Licensing", 1,
            "Alcohol and entertainment, taxi and private hire, gambling and street trading licences.",
            ["Licensing Officer", "Taxi Licensing Officer"]),
        new ServiceDef("Council tax", "Council Tax", 2,
            "Council tax bills, discounts and exemptions, payments and arrears.",
            ["Council Tax Officer", "Revenues Officer", "Recovery Officer"]),
        new ServiceDef("Business rates", "Business Rates", 1,
            "Business rates bills, reliefs and recovery.",
            ["Business Rates Officer", "Revenues Officer"]),
        new ServiceDef("Housing benefit", "Benefits", 2,
            "Housing benefit, council tax support and discretionary housing payments.",
            ["Benefits Officer", "Benefits Assessor", "Council Tax Support Officer"]),
        new ServiceDef("Finance", "Finance", 1,
            "Budgets, accounts, payments to suppliers, procurement and insurance.",
            ["Accountant", "Finance Officer", "Procurement Officer"]),
        new ServiceDef("Legal services", "Legal Services", 1,
            "Legal advice to the council, contracts, litigation and property law.",
            ["Solicitor", "Lawyer", "Paralegal"]),
        new ServiceDef("Democratic services", "Democratic Services", 1,
            "Council and committee meetings, agendas and minutes, and support to councillors.",
            ["Democratic Services Officer", "Committee Officer"]),
        new ServiceDef("Electoral services", "Electoral Services", 1,
            "The electoral register, elections, referendums and polling stations.",
            ["Electoral Services Officer", "Electoral Registration Assistant"]),
        new ServiceDef("Land charges", "Land Charges", 1,
            "Local land charges searches and the local land charges register.",
            ["Land Charges Officer"]),
        new ServiceDef("Customer services", "Customer Services", 2,
            "The contact centre, reception, online enquiries and the corporate complaints procedure.",
            ["Customer Services Advisor", "Customer Services Officer"]),
        new ServiceDef("ICT and digital", "ICT", 1,
            "Computers, phones, business systems, the website and digital services.",
            ["ICT Support Analyst", "Systems Analyst", "Digital Officer"]),
        new ServiceDef("Human resources", "HR", 1,
            "Recruitment, payroll, employee relations, learning and development.",
            ["HR Advisor", "HR Officer", "Payroll Officer"]),
        new ServiceDef("Communications", "Communications", 1,
            "Press office, social media, campaigns and the council's publications.",
            ["Communications Officer", "Digital Content Officer"]),
        new ServiceDef("Community safety", "Community Safety", 1,
            "Anti-social behaviour, the community safety partnership, CCTV and safeguarding.",
            ["Community Safety Officer", "Anti-social Behaviour Officer"]),
        new ServiceDef("Leisure", "Leisure", 1,
            "Leisure centres and swimming pools run under contract, sport and physical activity.",
            ["Leisure Development Officer", "Sports Development Officer"]),
        new ServiceDef("Economic development", "Economic Development", 1,
            "Business support, town centres, inward investment and skills.",
            ["Economic Development Officer", "Business Support Officer"]),
        new ServiceDef("Climate action", "Climate Action", 1,
            "The council's climate emergency plan, carbon reduction and nature recovery.",
            ["Climate Action Officer", "Sustainability Officer"]),
        new ServiceDef("Property and estates", "Property", 1,
            "Council-owned land and buildings, leases, facilities and asset management.",
            ["Estates Surveyor", "Facilities Officer", "Property Officer"]),
        new ServiceDef("Emergency planning", "Emergency Planning", 1,
            "Emergency plans, flood response and business continuity.",
            ["Emergency Planning Officer"]),
        // Unitary councils only.
        new ServiceDef("Adult social care", "Adult Social Care", 3,
            "Care needs assessments, care and support for adults, support for carers and safeguarding adults.",
            ["Social Worker", "Occupational Therapist", "Care Coordinator"]),
        new ServiceDef("Children's services", "Children's Services", 3,
            "Children's social care, early help, fostering, adoption and safeguarding children.",
            ["Social Worker", "Family Support Worker", "Early Help Practitioner"]),
        new ServiceDef("Highways", "Highways", 2,
            "Roads, pavements, potholes, street lighting, drainage and streetworks.",
            ["Highways Inspector", "Highways Engineer", "Streetworks Officer"]),
        new ServiceDef("School admissions", "School Admissions", 1,
            "School place applications, in-year transfers, admission appeals and home-to-school transport.",
            ["School Admissions Officer", "Education Welfare Officer"]),
        new ServiceDef("Public health", "Public Health", 1,
            "Health improvement, stop smoking, sexual health and drug and alcohol services.",
            ["Public Health Practitioner", "Health Improvement Officer"]),
        new ServiceDef("Libraries", "Libraries", 1,
            "Libraries, the home library service, local studies and reading schemes.",
            ["Library Assistant", "Library Officer"]),
        // Council-specific.
        new ServiceDef("Council housing", "Housing Management", 2,
            "Council tenancies, rents, estate management and repairs to council homes.",
            ["Housing Officer", "Tenancy Sustainment Officer", "Repairs Officer"]),
        new ServiceDef("Markets", "Markets", 1,
            "The market square and the council's street markets.",
            ["Markets Officer"]),
    }.ToDictionary(s => s.Name, StringComparer.Ordinal);

    // ---- Layouts ----------------------------------------------------------------------------------------------

    private static DirectorateDef[] DistrictLayout(string[] omit, params (string Head, string Service)[] extra)
    {
        DirectorateDef[] layout =
        [
            new("Place",
            [
                new("Planning", ["Planning applications", "Planning enforcement", "Planning policy", "Building control"]),
                new("Environmental Services", ["Waste and recycling", "Street cleansing", "Parks and open spaces", "Car parks"]),
            ]),
            new("Housing and Communities",
            [
                new("Housing", ["Housing options and homelessness", "Private sector housing"]),
                new("Regulatory Services", ["Environmental health", "Licensing", "Emergency planning"]),
                new("Communities", ["Community safety", "Leisure", "Economic development", "Climate action"]),
            ]),
            new("Corporate Services",
            [
                new("Finance", ["Council tax", "Business rates", "Housing benefit", "Finance"]),
                new("Legal and Democratic Services", ["Legal services", "Democratic services", "Electoral services", "Land charges"]),
                new("Customer and Digital Services", ["Customer services", "ICT and digital", "Communications"]),
                new("HR and Property", ["Human resources", "Property and estates"]),
            ]),
        ];

        return
        [
            .. layout.Select(d => d with
            {
                Heads =
                [
                    .. d.Heads.Select(h => h with
                    {
                        Services =
                        [
                            .. h.Services.Where(s => !omit.Contains(s)),
                            .. extra.Where(e => e.Head == h.Area).Select(e => e.Service),
                        ],
                    }),
                ],
            }),
        ];
    }

    private static readonly DirectorateDef[] UnitaryLayout =
    [
        new("Environment and Place",
        [
            new("Planning", ["Planning applications", "Planning enforcement", "Planning policy", "Building control"]),
            new("Environmental Services", ["Waste and recycling", "Street cleansing", "Parks and open spaces", "Car parks"]),
            new("Highways and Transport", ["Highways"]),
        ]),
        new("Adults and Communities",
        [
            new("Adult Social Care", ["Adult social care"]),
            new("Housing", ["Housing options and homelessness", "Private sector housing"]),
            new("Regulatory Services", ["Environmental health", "Licensing"]),
            new("Communities", ["Community safety", "Leisure", "Libraries"]),
        ]),
        new("Children and Public Health",
        [
            new("Children's Services", ["Children's services"]),
            new("Education and Skills", ["School admissions"]),
            new("Public Health", ["Public health"]),
        ]),
        new("Finance and Resources",
        [
            new("Finance", ["Council tax", "Business rates", "Housing benefit", "Finance"]),
            new("Customer and Digital Services", ["Customer services", "ICT and digital"]),
            new("HR and Property", ["Human resources", "Property and estates"]),
        ]),
        new("Strategy, Change and Governance",
        [
            new("Legal and Democratic Services", ["Legal services", "Democratic services", "Electoral services"]),
            new("Economy, Policy and Communications", ["Communications", "Economic development", "Climate action"]),
        ]),
    ];

    private static readonly TitleStyle Standard = new(
        a => a.Length == 0 ? "Deputy Chief Executive" : $"Deputy Chief Executive - {a}",
        d => $"Director of {d}",
        h => $"Head of {h}",
        s => $"{s} Manager");

    // ---- Committees -------------------------------------------------------------------------------------------

    private static CommitteeDef[] StandardCommittees(string executive, string planning) =>
    [
        new("Full Council", CommitteeKind.Council, SeatPool.AllElected),
        new(executive, CommitteeKind.Executive, SeatPool.Cabinet),
        new("Overview and Scrutiny Committee", CommitteeKind.Scrutiny, SeatPool.NonExecutive, 11),
        new(planning, CommitteeKind.Regulatory, SeatPool.NonExecutive, 11),
        new("Licensing Committee", CommitteeKind.Regulatory, SeatPool.NonExecutive, 12),
        new("Audit and Governance Committee", CommitteeKind.Other, SeatPool.NonExecutive, 7, CoOpted: 1),
        new("Standards Committee", CommitteeKind.Standards, SeatPool.NonExecutive, 5, CoOpted: 3),
        new("General Purposes Committee", CommitteeKind.Other, SeatPool.NonExecutive, 9),
        new("Appointments Committee", CommitteeKind.Other, SeatPool.NonExecutive, 5),
    ];

    private static readonly string[] DistrictPortfolios =
    [
        "Finance and Corporate Services",
        "Housing",
        "Planning",
        "Environment and Climate Emergency",
        "Community Wellbeing",
        "Economic Development and Regeneration",
        "Leisure and Culture",
        "Customer Services and Digital",
    ];

    // ---- Councils ---------------------------------------------------------------------------------------------

    private static readonly CouncilProfile Southend = new(
        [
            new("Belfairs", 3), new("Blenheim Park", 3), new("Chalkwell", 3), new("Eastwood Park", 3),
            new("Kursaal", 3), new("Leigh", 3), new("Milton", 3), new("Prittlewell", 3), new("St Laurence", 3),
            new("St Luke's", 3), new("Shoeburyness", 3), new("Southchurch", 3), new("Thorpe", 3), new("Victoria", 3),
            new("West Leigh", 3), new("West Shoebury", 3), new("Westborough", 3),
        ],
        [new("Labour", 0.40), new("Conservative", 0.36), new("Independent", 0.14), new("Liberal Democrat", 0.10)],
        [
            new("Full Council", CommitteeKind.Council, SeatPool.AllElected),
            new("Cabinet", CommitteeKind.Executive, SeatPool.Cabinet),
            new("Policy and Resources Scrutiny Committee", CommitteeKind.Scrutiny, SeatPool.NonExecutive, 13),
            new("People Scrutiny Committee", CommitteeKind.Scrutiny, SeatPool.NonExecutive, 13),
            new("Place Scrutiny Committee", CommitteeKind.Scrutiny, SeatPool.NonExecutive, 13),
            new("Development Control Committee", CommitteeKind.Regulatory, SeatPool.NonExecutive, 13),
            new("Licensing Committee", CommitteeKind.Regulatory, SeatPool.NonExecutive, 15),
            new("Audit Committee", CommitteeKind.Other, SeatPool.NonExecutive, 7, CoOpted: 1),
            new("Standards Committee", CommitteeKind.Standards, SeatPool.NonExecutive, 7, CoOpted: 3),
            new("General Purposes Committee", CommitteeKind.Other, SeatPool.NonExecutive, 11),
            new("Appointments and Disciplinary Committee", CommitteeKind.Other, SeatPool.NonExecutive, 6),
        ],
        "Leader of the Council, Strategy and Partnerships",
        [
            "Finance and Resources",
            "Adult Social Care and Health",
            "Children and Learning",
            "Highways, Transport and Parking",
            "Housing and Planning",
            "Environment, Culture and Tourism",
            "Communities and Public Protection",
            "Economic Growth and Investment",
        ],
        new StaffProfile("southend-on-sea.gov.demo", null, null,
            Standard with { Director = d => $"Executive Director ({d})" },
            ["Place", "People"], UnitaryLayout, 2, 5));

    private static readonly CouncilProfile Cambridge = new(
        [
            new("Abbey", 3), new("Arbury", 3), new("Castle", 3), new("Cherry Hinton", 3), new("Coleridge", 3),
            new("East Chesterton", 3), new("King's Hedges", 3), new("Market", 3), new("Newnham", 3),
            new("Petersfield", 3), new("Queen Edith's", 3), new("Romsey", 3), new("Trumpington", 3),
            new("West Chesterton", 3),
        ],
        [new("Labour", 0.58), new("Liberal Democrat", 0.24), new("Green", 0.10), new("Independent", 0.08)],
        [
            new("Full Council", CommitteeKind.Council, SeatPool.AllElected),
            new("Executive", CommitteeKind.Executive, SeatPool.Cabinet),
            new("Strategy and Resources Scrutiny Committee", CommitteeKind.Scrutiny, SeatPool.NonExecutive, 6),
            new("Environment and Communities Scrutiny Committee", CommitteeKind.Scrutiny, SeatPool.NonExecutive, 8),
            new("Housing Scrutiny Committee", CommitteeKind.Scrutiny, SeatPool.NonExecutive, 8),
            new("Planning Committee", CommitteeKind.Regulatory, SeatPool.NonExecutive, 8),
            new("Licensing Committee", CommitteeKind.Regulatory, SeatPool.NonExecutive, 10),
            new("Civic Affairs Committee", CommitteeKind.Standards, SeatPool.NonExecutive, 7, CoOpted: 3),
            new("Audit and Governance Committee", CommitteeKind.Other, SeatPool.NonExecutive, 6, CoOpted: 1),
            new("Employment (Senior Officer) Committee", CommitteeKind.Other, SeatPool.NonExecutive, 5),
        ],
        "Leader of the Council, Strategy and Transformation",
        [
            "Finance and Resources",
            "Housing",
            "Planning, Building Control and Infrastructure",
            "Climate Action and Environment",
            "Communities",
            "Open Spaces and City Services",
            "Culture and Community Safety",
            "Economic Development",
        ],
        new StaffProfile("cambridge.gov.demo", null, null, Standard, [""],
            DistrictLayout([], ("Housing", "Council housing"), ("Communities", "Markets")), 2, 5));

    private static readonly StaffProfile SouthAndValeStaff = new("southandvale.gov.demo", null, null, Standard,
        ["Place", "Transformation and Operations"], DistrictLayout([]), 3, 6);

    private static readonly CouncilProfile SouthOxon = new(
        [
            new("Benson and Crowmarsh", 2), new("Berinsfield", 1), new("Chalgrove", 1), new("Chinnor", 2),
            new("Cholsey", 2), new("Didcot North East", 3), new("Didcot South", 3), new("Didcot West", 2),
            new("Forest Hill and Holton", 1), new("Garsington and Horspath", 1), new("Goring", 1),
            new("Haseley Brook", 1), new("Henley-on-Thames", 3), new("Kidmore End and Whitchurch", 1),
            new("Sandford and the Wittenhams", 1), new("Sonning Common", 2), new("Thame", 3), new("Wallingford", 2),
            new("Watlington", 1), new("Wheatley", 1), new("Woodcote and Rotherfield", 2),
        ],
        [new("Liberal Democrat", 0.56), new("Green", 0.17), new("Conservative", 0.14), new("Independent", 0.13)],
        [
            new("Council", CommitteeKind.Council, SeatPool.AllElected),
            new("Cabinet", CommitteeKind.Executive, SeatPool.Cabinet),
            new("Scrutiny Committee", CommitteeKind.Scrutiny, SeatPool.NonExecutive, 11),
            new("Planning Committee", CommitteeKind.Regulatory, SeatPool.NonExecutive, 9),
            new("Licensing Acts Committee", CommitteeKind.Regulatory, SeatPool.NonExecutive, 12),
            new("General Licensing Committee", CommitteeKind.Regulatory, SeatPool.NonExecutive, 12),
            new("Joint Audit and Governance Committee", CommitteeKind.Other, SeatPool.NonExecutive, 5, CoOpted: 1),
            new("Standards Committee", CommitteeKind.Standards, SeatPool.NonExecutive, 5, CoOpted: 2),
            new("Joint Scrutiny Committee", CommitteeKind.Scrutiny, SeatPool.NonExecutive, 4),
        ],
        "Leader of the Council, Policy and Programmes",
        DistrictPortfolios,
        SouthAndValeStaff);

    private static readonly CouncilProfile Vale = new(
        [
            new("Abingdon Abbey Northcourt", 2), new("Abingdon Caldecott", 2), new("Abingdon Dunmore", 2),
            new("Abingdon Fitzharris", 2), new("Abingdon Peachcroft", 2), new("Blewbury and Harwell", 2),
            new("Botley and Sunningwell", 2), new("Cumnor", 2), new("Drayton", 1), new("Faringdon", 2),
            new("Grove North", 2), new("Hendreds", 1), new("Kennington and Radley", 2), new("Kingston Bagpuize", 1),
            new("Marcham", 1), new("Ridgeway", 2), new("Stanford", 1), new("Steventon and the Hanneys", 1),
            new("Sutton Courtenay", 1), new("Thames", 1), new("Wantage and Grove Brook", 2),
            new("Wantage Charlton", 2), new("Watchfield and Shrivenham", 2),
        ],
        [new("Liberal Democrat", 0.78), new("Conservative", 0.12), new("Green", 0.10)],
        [
            new("Council", CommitteeKind.Council, SeatPool.AllElected),
            new("Cabinet", CommitteeKind.Executive, SeatPool.Cabinet),
            new("Scrutiny Committee", CommitteeKind.Scrutiny, SeatPool.NonExecutive, 9),
            new("Planning Committee", CommitteeKind.Regulatory, SeatPool.NonExecutive, 11),
            new("Licensing Acts Committee", CommitteeKind.Regulatory, SeatPool.NonExecutive, 12),
            new("General Licensing Committee", CommitteeKind.Regulatory, SeatPool.NonExecutive, 12),
            new("Joint Audit and Governance Committee", CommitteeKind.Other, SeatPool.NonExecutive, 5, CoOpted: 1),
            new("Standards Committee", CommitteeKind.Standards, SeatPool.NonExecutive, 5, CoOpted: 2),
            new("Joint Scrutiny Committee", CommitteeKind.Scrutiny, SeatPool.NonExecutive, 4),
        ],
        "Leader of the Council, Corporate Strategy and Partnerships",
        DistrictPortfolios,
        SouthAndValeStaff);

    private static readonly CouncilProfile WestOxon = new(
        [
            new("Alvescot and Filkins", 1), new("Ascott and Shipton", 1), new("Bampton and Clanfield", 2),
            new("Brize Norton and Shilton", 1), new("Burford", 1), new("Carterton North East", 2),
            new("Carterton North West", 2), new("Carterton South", 2), new("Chadlington and Churchill", 1),
            new("Charlbury and Finstock", 2), new("Chipping Norton", 3), new("Ducklington", 1),
            new("Eynsham and Cassington", 2), new("Freeland and Hanborough", 2),
            new("Hailey, Minster Lovell and Leafield", 2), new("Kingham, Rollright and Enstone", 2),
            new("Milton-under-Wychwood", 1), new("North Leigh", 1), new("Standlake, Aston and Stanton Harcourt", 2),
            new("Stonesfield and Tackley", 1), new("The Bartons", 1), new("Witney Central", 2), new("Witney East", 3),
            new("Witney North", 2), new("Witney South", 3), new("Witney West", 2), new("Woodstock and Bladon", 2),
        ],
        [new("Liberal Democrat", 0.45), new("Conservative", 0.33), new("Labour", 0.12), new("Green", 0.10)],
        [
            new("Full Council", CommitteeKind.Council, SeatPool.AllElected),
            new("Executive", CommitteeKind.Executive, SeatPool.Cabinet),
            new("Overview and Scrutiny Committee", CommitteeKind.Scrutiny, SeatPool.NonExecutive, 13),
            new("Lowlands Area Planning Sub-Committee", CommitteeKind.Regulatory, SeatPool.NonExecutive, 11),
            new("Uplands Area Planning Sub-Committee", CommitteeKind.Regulatory, SeatPool.NonExecutive, 11),
            new("Licensing Committee", CommitteeKind.Regulatory, SeatPool.NonExecutive, 13),
            new("Audit and Governance Committee", CommitteeKind.Other, SeatPool.NonExecutive, 7, CoOpted: 1),
            new("Standards Committee", CommitteeKind.Standards, SeatPool.NonExecutive, 5, CoOpted: 3),
            new("Climate Change Advisory Group", CommitteeKind.Other, SeatPool.NonExecutive, 8),
        ],
        "Leader of the Council, Strategy and Partnerships",
        DistrictPortfolios,
        new StaffProfile("publica.gov.demo", Publica, "west-oxfordshire.gov.demo",
            Standard with
            {
                Head = h => $"Assistant Director - {h}",
                Manager = s => $"Business Manager - {s}",
            },
            [""], DistrictLayout([]), 2, 5));

    /// <summary>The 002 protocol names no council: an invented district with the protocol's own job titles.</summary>
    private static readonly CouncilProfile District002 = new(
        [
            new("Abbey", 2), new("Ashfield", 2), new("Brookside", 1), new("Castle", 2), new("Church End", 1),
            new("Elmhurst", 2), new("Fairfield", 2), new("Greenhill", 1), new("Hatherley", 2), new("Holmewood", 1),
            new("Kingsmead", 3), new("Langley", 2), new("Meadowbank", 1), new("Millbrook", 2), new("Newtown", 3),
            new("Northfield", 2), new("Oakley", 1), new("Priory", 2), new("Riverside", 3), new("St Mary's", 2),
            new("Southfield", 2), new("Thornbury", 1), new("Westbrook", 1), new("Woodlands", 2),
        ],
        [new("Conservative", 0.55), new("Liberal Democrat", 0.25), new("Labour", 0.12), new("Independent", 0.08)],
        StandardCommittees("Executive", "Planning Committee"),
        "Leader of the Council, Policy and Resources",
        DistrictPortfolios,
        new StaffProfile("district-002.gov.demo", null, null,
            new TitleStyle(
                _ => "Deputy Chief Executive",
                d => $"Strategic Director ({d})",
                h => $"Executive Head of {h}",
                s => $"{s} Service Manager"),
            [""], DistrictLayout(["Emergency planning", "Climate action", "Private sector housing"]), 2, 5));

    /// <summary>A preset with no profile of its own (one added later): a generic district.</summary>
    private static CouncilProfile Generic(string slug) => District002 with
    {
        Staff = District002.Staff with { Domain = slug + ".gov.demo", Titles = Standard },
    };

    // ---- Names ------------------------------------------------------------------------------------------------

    public static readonly string[] FirstNames =
    [
        "Oliver", "George", "Harry", "Jack", "Charlie", "Thomas", "James", "William", "Henry", "Samuel", "Daniel",
        "Joseph", "Benjamin", "Edward", "Alexander", "Matthew", "Luke", "Adam", "Robert", "Richard", "David",
        "Michael", "Peter", "Paul", "Andrew", "Mark", "Stephen", "Christopher", "Simon", "Jonathan", "Nicholas",
        "Timothy", "Philip", "Anthony", "Martin", "Graham", "Ian", "Neil", "Keith", "Colin", "Gareth", "Rhys",
        "Owen", "Callum", "Ewan", "Alistair", "Hamish", "Rory", "Patrick", "Sean", "Declan", "Aidan", "Mohammed",
        "Imran", "Tariq", "Rajesh", "Sanjay", "Arjun", "Vikram", "Hassan", "Kwame", "Tunde", "Femi", "Marcus",
        "Nathan", "Ryan", "Lewis", "Kieran", "Dominic", "Hugo", "Felix", "Toby", "Jake", "Ben", "Sam", "Joe", "Dan",
        "Tom", "Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Lily", "Freya", "Charlotte",
        "Jessica", "Hannah", "Lucy", "Ellie", "Chloe", "Katie", "Rebecca", "Rachel", "Sarah", "Laura", "Emma",
        "Helen", "Claire", "Karen", "Julie", "Susan", "Margaret", "Elizabeth", "Catherine", "Victoria", "Joanne",
        "Nicola", "Amanda", "Alison", "Fiona", "Gillian", "Heather", "Jennifer", "Kirsty", "Louise", "Natalie",
        "Philippa", "Rosemary", "Ruth", "Sian", "Bethan", "Megan", "Niamh", "Siobhan", "Aisha", "Priya", "Anjali",
        "Fatima", "Yasmin", "Zara", "Amara", "Chioma", "Ngozi", "Mei", "Harriet", "Imogen", "Beatrice", "Eleanor",
        "Florence", "Matilda", "Alice", "Anna", "Jane", "Mary", "Patricia", "Deborah", "Sandra", "Wendy",
    ];

    public static readonly string[] Surnames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel",
        "Khan", "Lewis", "James", "Phillips", "Mason", "Mitchell", "Rose", "Davis", "Cox", "Alexander", "Morgan",
        "Moore", "Martin", "Price", "Shaw", "Bennett", "Griffiths", "Lloyd", "Harris", "Cooper", "King", "Baker",
        "Turner", "Hill", "Ward", "Morris", "Hughes", "Edwards", "Hussain", "Ali", "Ahmed", "Begum", "Shah",
        "Singh", "Kaur", "Gill", "Sharma", "Chowdhury", "Okafor", "Mensah", "Adeyemi", "Campbell", "Stewart",
        "Murray", "MacDonald", "Fraser", "Reid", "Scott", "Kerr", "Watson", "Anderson", "Collins", "Kelly",
        "Murphy", "O'Brien", "O'Connor", "Byrne", "Ryan", "Walsh", "Doyle", "Chapman", "Ellis", "Harrison",
        "Gibson", "Fletcher", "Marshall", "Owen", "Powell", "Holmes", "Parker", "Webb", "Simpson", "Hunt",
        "Palmer", "Barker", "Butler", "Knight", "Carter", "Lee", "Chan", "Wong", "Russell", "Dixon", "Mills",
        "Spencer", "Stevens", "Hart", "Pearce", "Cole", "Atkinson", "Andrews", "Dawson", "Fisher", "Bailey",
        "Richardson", "Howard", "Gray", "Fox", "Lawrence", "Bird", "Jenkins", "Rees", "Hayes", "Burton", "Newman",
        "Matthews", "Reynolds", "Payne", "Foster", "Wells", "Francis", "Porter", "Hudson", "Barnes", "Sutton",
        "Lambert", "Harper", "Ford", "Cross", "Kemp", "Lowe", "Nash", "Page", "Quinn", "Rowe", "Sharp", "Tucker",
        "Vaughan", "Wade", "Weston", "Whitehouse", "Young", "Abbott", "Ashworth", "Barlow", "Blake", "Booth",
        "Bradley", "Brooks", "Bull", "Burgess", "Chambers", "Coleman", "Connolly", "Dean", "Dunn", "Elliott",
        "Farmer", "Fleming", "Gardner", "Gordon", "Hammond", "Hancock", "Holt", "Hopkins", "Howe", "Hurst",
        "Jarvis", "Kaye", "Lamb", "Lane", "Marsh", "Metcalfe", "Norris", "Osborne", "Parry", "Pickering",
        "Randall", "Saunders", "Slater", "Stone", "Thornton", "Townsend", "Walton", "Warren", "Whitaker",
        "Wilkinson", "Winter", "Yates", "Ahmed-Khan", "Sinclair", "Pritchard", "Hale", "Oduya", "Nwosu",
    ];
}
