using Nolan.Core.Calendar;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.Enquiries;
using Nolan.Core.Protocols;

namespace Nolan.Core.Tests.Protocols;

/// <summary>
/// The "What our protocol says" page is the rule functions' own description: every rule of the enquiry section is
/// described, from the rule object the workflows read, and closure days come from the council's own publication.
/// </summary>
public sealed class RuleDescriptionTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);

    private static CouncilProtocol Protocol(ProtocolPreset preset, IEnumerable<DateOnly>? closures = null) =>
        new(new Council { Slug = preset.Council.Slug, Name = preset.Council.Name, ShortCode = preset.Council.ShortCode, PresetSlug = preset.Council.Slug },
            preset, preset.VersionInForceOn(Today), new WorkingDayCalendar(closures));

    public static TheoryData<string> Slugs()
    {
        var data = new TheoryData<string>();
        foreach (var p in PresetLoader.LoadDirectory(RepoPaths.Protocols).All)
        {
            data.Add(p.Council.Slug);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void Describe_EveryEnquiryRule_OnceFromTheRuleTheWorkflowsRead(string slug)
    {
        var preset = PresetLoader.LoadDirectory(RepoPaths.Protocols)[slug];
        var p = Protocol(preset);
        var described = EnquiryRulebook.Describe(p, Today);

        var rules = typeof(EnquiryRules).GetProperties().Select(r => (Rule)r.GetValue(p.Version.Enquiries)!).ToList();
        Assert.Equal(rules.Count, described.Count);
        Assert.All(rules, rule => Assert.Single(described, d => ReferenceEquals(d.Source, rule)));
        Assert.All(described, d => Assert.False(string.IsNullOrWhiteSpace(d.Text), d.Title));
        // The deadline row is the deadline rule function's own explanation.
        Assert.Equal(EnquiryRulebook.Deadline(p, Today).Explanation, described.Single(d => d.Title == "Response deadline").Text);
    }

    [Fact]
    public void Describe_SilentEscalation_SaysNobodyIsNamed_SouthendNamesTheChiefOfficer()
    {
        var presets = PresetLoader.LoadDirectory(RepoPaths.Protocols);
        var west = EnquiryRulebook.Describe(Protocol(presets["west-oxfordshire"]), Today).Single(d => d.Source is EscalationRule);
        var southend = EnquiryRulebook.Describe(Protocol(presets["southend-on-sea"]), Today).Single(d => d.Source is EscalationRule);
        Assert.Contains("names nobody", west.Text, StringComparison.Ordinal);
        Assert.Contains("Chief Officer", southend.Text, StringComparison.Ordinal);
    }

    private const string WithClosures = """
        council:
          slug: closing-council
          name: Closing Council
          short_code: CLO
          closure_days:
            - date: 2026-12-29
              reason: Offices closed between Christmas and New Year
              source: Cabinet decision of 3 September 2026
        source:
          title: Test protocol
          document: seeds/none.txt
        versions:
          - id: v1
            title: Test protocol
            in_force_from: 2024-01-01
            enquiries:
              deadline:
                working_days: 5
                strength: must
                para: "1.1"
                quote: Reply within 5 working days.
        """;

    [Fact]
    public void ClosureDays_PublishedInThePreset_LoadedWithTheirSource()
    {
        var preset = PresetLoader.Parse(WithClosures, "protocols/closing-council.yaml");
        var day = Assert.Single(preset.Council.ClosureDays);
        Assert.Equal(new DateOnly(2026, 12, 29), day.Date);
        Assert.Equal("Cabinet decision of 3 September 2026", day.Source);
    }

    [Fact]
    public void ClosureDay_WithoutItsSource_RefusedNamingTheKey()
    {
        var e = Assert.Throws<PresetException>(() => PresetLoader.Parse(
            WithClosures.Replace("      source: Cabinet decision of 3 September 2026\n", "", StringComparison.Ordinal), "protocols/closing-council.yaml"));
        Assert.Equal("council.closure_days", e.Key);
    }
}
