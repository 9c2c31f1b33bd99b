using System.Reflection;
using System.Text.RegularExpressions;
using Nolan.Core.Protocols;

namespace Nolan.Core.Tests.Protocols;

public partial class PresetTests
{
    private static readonly string[] ExpectedSlugs =
    [
        "cambridge",
        "district-002",
        "south-oxfordshire",
        "southend-on-sea",
        "vale-of-white-horse",
        "west-oxfordshire",
    ];

    // The smallest preset the loader accepts; the broken-preset tests each spoil one thing in it.
    private const string ValidPreset = """
        council:
          slug: test-council
          name: Test Council
          short_code: TST
        source:
          title: Test protocol
          document: seeds/none.txt
        versions:
          - id: v1
            title: Test protocol
            in_force_from: 2024-01-01
            enquiries:
              deadline:
                working_days: 10
                strength: should
                para: "1.1"
                quote: Reply within 10 working days.
        """;

    private const string BrokenFile = "protocols/broken.yaml";

    [Fact]
    public void LoadDirectory_ShippedPresets_LoadsEveryCouncilWithVersions()
    {
        // Act
        var catalog = PresetLoader.LoadDirectory(RepoPaths.Protocols);

        // Assert
        Assert.True(catalog.All.Count >= ExpectedSlugs.Length);
        Assert.All(catalog.All, p => Assert.NotEmpty(p.Versions));
    }

    // Adding a council is a new file and no code, so more presets may appear; the six shipped ones must stay.
    [Fact]
    public void LoadDirectory_ShippedPresets_HoldTheSixSeedCouncils()
    {
        // Act
        var catalog = PresetLoader.LoadDirectory(RepoPaths.Protocols);

        // Assert
        Assert.Subset(catalog.All.Select(p => p.Council.Slug).ToHashSet(), ExpectedSlugs.ToHashSet());
    }

    [Theory]
    [InlineData("cambridge", "Cambridge City Council", "CCC")]
    [InlineData("district-002", "District Council (002 protocol)", "DIST")]
    [InlineData("south-oxfordshire", "South Oxfordshire District Council", "SODC")]
    [InlineData("southend-on-sea", "Southend-on-Sea City Council", "SOS")]
    [InlineData("vale-of-white-horse", "Vale of White Horse District Council", "VALE")]
    [InlineData("west-oxfordshire", "West Oxfordshire District Council", "WODC")]
    public void Council_ShippedPreset_HasExpectedNameAndShortCode(string slug, string name, string shortCode)
    {
        // Act
        var council = Catalog()[slug].Council;

        // Assert
        Assert.Equal(name, council.Name);
        Assert.Equal(shortCode, council.ShortCode);
    }

    [Fact]
    public void Southend_Deadline_IsTenWorkingDaysShouldCiting915()
    {
        // Act
        var deadline = Catalog()["southend-on-sea"].Versions.Single().Enquiries.Deadline;

        // Assert
        Assert.False(deadline.Silent);
        Assert.Equal(10, deadline.WorkingDays);
        Assert.Equal(RuleStrength.Should, deadline.Strength);
        Assert.Equal("9.1.5", deadline.Para);
    }

    [Fact]
    public void Southend_HoldingReply_NeedsAllThreeElementsInWriting()
    {
        // Act
        var reply = Catalog()["southend-on-sea"].Versions.Single().Enquiries.HoldingReply;

        // Assert
        Assert.True(reply.InWriting);
        Assert.Equal(
            new[] { HoldingReplyElement.Reason, HoldingReplyElement.Action, HoldingReplyElement.NewDeadline },
            reply.RequiredContent);
        Assert.Equal("9.1.7", reply.Para);
    }

    [Fact]
    public void WestOxfordshire_Deadline_IsFiveWorkingDaysCitingPara29a()
    {
        // Act
        var enquiries = Catalog()["west-oxfordshire"].Versions.Single().Enquiries;

        // Assert
        Assert.Equal(5, enquiries.Deadline.WorkingDays);
        Assert.Equal("para 29(a)", enquiries.Deadline.Para);
        Assert.Equal(new[] { HoldingReplyElement.Reason }, enquiries.HoldingReply.RequiredContent);
        Assert.True(enquiries.HoldingReply.DueWithinDeadline);
        Assert.False(enquiries.HoldingReply.InWriting);
    }

    [Fact]
    public void SouthOxfordshire_Deadline_IsWordingNotNumberCitingPara36()
    {
        // Act
        var enquiries = Catalog()["south-oxfordshire"].Versions.Single().Enquiries;

        // Assert
        Assert.Null(enquiries.Deadline.WorkingDays);
        Assert.Equal("in a timely manner", enquiries.Deadline.Wording);
        Assert.Equal("para 36", enquiries.Deadline.Para);
        Assert.True(enquiries.VeryOverdue.Silent);
    }

    [Fact]
    public void ValeOfWhiteHorse_SharesProtocol_UsesSouthOxfordshireVersions()
    {
        // Arrange
        var catalog = Catalog();

        // Act
        var vale = catalog["vale-of-white-horse"];

        // Assert
        Assert.Equal("south-oxfordshire", vale.SharesProtocolWith);
        Assert.Same(catalog["south-oxfordshire"].Versions, vale.Versions);
        Assert.Same(catalog["south-oxfordshire"].Source, vale.Source);
    }

    [Fact]
    public void Cambridge_DayBeforeUpdatedProtocol_IsExistingProtocolWithNoDeadline()
    {
        // Arrange
        var cambridge = Catalog()["cambridge"];

        // Act
        var version = cambridge.VersionInForceOn(new DateOnly(2025, 11, 30));

        // Assert
        Assert.Equal("existing", version.Id);
        Assert.True(version.Enquiries.Deadline.Silent);
        Assert.Null(version.Enquiries.Deadline.WorkingDays);
        Assert.True(version.Enquiries.Routing.Silent);
    }

    [Fact]
    public void Cambridge_FirstDayOfUpdatedProtocol_IsFiveWorkingDaysAimCiting76()
    {
        // Arrange
        var cambridge = Catalog()["cambridge"];

        // Act
        var version = cambridge.VersionInForceOn(new DateOnly(2025, 12, 1));

        // Assert
        Assert.Equal("2025-updated", version.Id);
        Assert.Equal(5, version.Enquiries.Deadline.WorkingDays);
        Assert.Equal(RuleStrength.Aim, version.Enquiries.Deadline.Strength);
        Assert.Equal("7.6", version.Enquiries.Deadline.Para);
        Assert.Contains("_____", version.InForceFromNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Cambridge_UpdatedHoldingReply_NeedsReasonAndNewDeadlineNotInWriting()
    {
        // Act
        var reply = Catalog()["cambridge"].Version("2025-updated")!.Enquiries.HoldingReply;

        // Assert
        Assert.Equal(new[] { HoldingReplyElement.Reason, HoldingReplyElement.NewDeadline }, reply.RequiredContent);
        Assert.False(reply.InWriting);
        Assert.Equal("7.6", reply.Para);
    }

    [Theory]
    [InlineData("south-oxfordshire", RoutingTarget.ServiceManager, "para 31")]
    [InlineData("cambridge", RoutingTarget.ServiceManager, "7.3")]
    [InlineData("district-002", RoutingTarget.ServiceManager, "16.2")]
    [InlineData("southend-on-sea", RoutingTarget.Hub, "9.1.2")]
    [InlineData("west-oxfordshire", RoutingTarget.ServiceManager, "para 33")]
    public void Routing_CurrentVersion_RoutesAsProtocolSays(string slug, RoutingTarget route, string para)
    {
        // Act
        var routing = Catalog()[slug].Versions[^1].Enquiries.Routing;

        // Assert
        Assert.False(routing.Silent);
        Assert.Equal(route, routing.Route);
        Assert.Equal(RoutingTarget.Hub, routing.Fallback);
        Assert.Equal(para, routing.Para);
    }

    [Fact]
    public void District002_Enquiries_ConfirmOralAnswersTellMemberAndSeekConsentEvidence()
    {
        // Act
        var enquiries = Catalog()["district-002"].Versions.Single().Enquiries;

        // Assert
        Assert.True(enquiries.WrittenAnswers.ConfirmOralInWriting);
        Assert.Equal("16.3", enquiries.WrittenAnswers.Para);
        Assert.True(enquiries.PassingOn.TellMember);
        Assert.Equal("16.7", enquiries.PassingOn.Para);
        Assert.True(enquiries.ConstituentData.ConsentEvidenceRequired);
        Assert.Equal(RuleBasis.Protocol, enquiries.ConstituentData.Basis);
        Assert.Equal("16.7", enquiries.ConstituentData.Para);
        Assert.True(enquiries.FileNotes.Required);
    }

    [Fact]
    public void AllPresets_NumericDeadline_HasCouncilPolicyVeryOverdueOfTheSameLength()
    {
        // Arrange
        var problems = new List<string>();

        // Act
        foreach (var (preset, version, enquiries) in AllEnquiries())
        {
            var where = $"{preset.Council.Slug}/{version.Id}";
            var veryOverdue = enquiries.VeryOverdue;
            if (enquiries.Deadline.WorkingDays is { } days)
            {
                if (veryOverdue.Silent || veryOverdue.Basis != RuleBasis.CouncilPolicy || veryOverdue.WorkingDaysAfterDue != days)
                {
                    problems.Add($"{where}: very_overdue should be council_policy, {days} working days after due");
                }
            }
            else if (!veryOverdue.Silent)
            {
                problems.Add($"{where}: very_overdue should be silent without a numeric deadline");
            }
        }

        // Assert
        AssertNoProblems(problems);
    }

    [Fact]
    public void AllPresets_NonSilentRules_CiteParaOrCouncilPolicyNote()
    {
        // Arrange
        var ruleProperties = RuleProperties();
        var problems = new List<string>();

        // Act
        foreach (var (preset, version, enquiries) in AllEnquiries())
        {
            foreach (var property in ruleProperties)
            {
                var rule = (Rule)property.GetValue(enquiries)!;
                var cited = rule.Basis == RuleBasis.Protocol
                    ? !string.IsNullOrWhiteSpace(rule.Para)
                    : !string.IsNullOrWhiteSpace(rule.Note);
                if (!rule.Silent && !cited)
                {
                    problems.Add($"{preset.Council.Slug}/{version.Id}: {property.Name}");
                }
            }
        }

        // Assert
        Assert.Equal(18, ruleProperties.Count);
        AssertNoProblems(problems);
    }

    [Fact]
    public void AllPresets_ProtocolRules_CarryAQuote()
    {
        // Arrange
        var problems = new List<string>();

        // Act
        foreach (var (preset, version, enquiries) in AllEnquiries())
        {
            foreach (var property in RuleProperties())
            {
                var rule = (Rule)property.GetValue(enquiries)!;
                if (!rule.Silent && rule.Basis == RuleBasis.Protocol && string.IsNullOrWhiteSpace(rule.Quote))
                {
                    problems.Add($"{preset.Council.Slug}/{version.Id}: {property.Name}");
                }
            }
        }

        // Assert
        AssertNoProblems(problems);
    }

    [Fact]
    public void AllPresets_Quotes_AppearVerbatimInSeedText()
    {
        // Arrange: the seeds always sit beside the repository in CI, so a missing folder is a failure, not a skip.
        var seeds = RepoPaths.Seeds;
        Assert.True(Directory.Exists(seeds),
            $"The seed protocol texts were not found at {seeds} (expected ../shared/seeds beside the repository).");
        var problems = new List<string>();
        var checkedQuotes = 0;

        // Act
        foreach (var (preset, version, enquiries) in AllEnquiries())
        {
            var seedFile = Path.Combine(seeds, Path.GetFileName(preset.Source.Document));
            Assert.True(File.Exists(seedFile), $"{preset.Council.Slug}: source.document {preset.Source.Document} not found in {seeds}.");
            var seedText = Normalise(File.ReadAllText(seedFile));
            foreach (var property in RuleProperties())
            {
                var quote = ((Rule)property.GetValue(enquiries)!).Quote;
                if (quote is null)
                {
                    continue;
                }

                checkedQuotes++;
                if (!seedText.Contains(Normalise(quote), StringComparison.Ordinal))
                {
                    problems.Add($"{preset.Council.Slug}/{version.Id} {property.Name}: \"{quote}\"");
                }
            }
        }

        // Assert
        Assert.True(checkedQuotes > 20, $"only {checkedQuotes} quotes were checked");
        AssertNoProblems(problems);
    }

    [Fact]
    public void Parse_ValidPreset_Loads()
    {
        // Act
        var preset = PresetLoader.Parse(ValidPreset, "protocols/test.yaml");

        // Assert
        Assert.Equal("test-council", preset.Council.Slug);
        Assert.Equal(10, preset.Versions.Single().Enquiries.Deadline.WorkingDays);
        Assert.True(preset.Versions.Single().Enquiries.Routing.Silent);
    }

    [Fact]
    public void Parse_UnknownKey_ThrowsNamingFileLineAndKey()
    {
        // Arrange
        var yaml = ValidPreset.Replace("strength: should", "strenght: should", StringComparison.Ordinal);

        // Act
        var e = Assert.Throws<PresetException>(() => PresetLoader.Parse(yaml, BrokenFile));

        // Assert
        AssertNames(e, LineOf(yaml, "strenght:"), "strenght");
        Assert.Contains("unknown key", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadDate_ThrowsNamingFileLineAndKey()
    {
        // Arrange
        var yaml = ValidPreset.Replace("2024-01-01", "01/12/2025", StringComparison.Ordinal);

        // Act
        var e = Assert.Throws<PresetException>(() => PresetLoader.Parse(yaml, BrokenFile));

        // Assert
        AssertNames(e, LineOf(yaml, "in_force_from:"), "in_force_from");
        Assert.Contains("YYYY-MM-DD", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ZeroWorkingDays_ThrowsNamingFileLineAndKey()
    {
        // Arrange
        var yaml = ValidPreset.Replace("working_days: 10", "working_days: 0", StringComparison.Ordinal);

        // Act
        var e = Assert.Throws<PresetException>(() => PresetLoader.Parse(yaml, BrokenFile));

        // Assert
        AssertNames(e, LineOf(yaml, "working_days: 0"), "versions[0].enquiries.deadline.working_days");
    }

    [Fact]
    public void Parse_MissingPara_ThrowsNamingFileLineAndKey()
    {
        // Arrange
        var yaml = ValidPreset.Replace("        para: \"1.1\"\n", "", StringComparison.Ordinal);

        // Act
        var e = Assert.Throws<PresetException>(() => PresetLoader.Parse(yaml, BrokenFile));

        // Assert
        AssertNames(e, LineOf(yaml, "working_days:"), "versions[0].enquiries.deadline.para");
    }

    [Fact]
    public void Parse_CouncilPolicyWithoutNote_ThrowsNamingFileLineAndKey()
    {
        // Arrange
        var yaml = ValidPreset + """

                  very_overdue:
                    basis: council_policy
                    working_days_after_due: 10
            """;

        // Act
        var e = Assert.Throws<PresetException>(() => PresetLoader.Parse(yaml, BrokenFile));

        // Assert
        AssertNames(e, LineOf(yaml, "basis: council_policy"), "versions[0].enquiries.very_overdue.note");
    }

    [Fact]
    public void Parse_SilentRuleCitingPara_ThrowsNamingFileLineAndKey()
    {
        // Arrange
        var yaml = ValidPreset + """

                  complaints:
                    silent: true
                    para: "2.1"
            """;

        // Act
        var e = Assert.Throws<PresetException>(() => PresetLoader.Parse(yaml, BrokenFile));

        // Assert
        AssertNames(e, LineOf(yaml, "silent: true"), "versions[0].enquiries.complaints.para");
    }

    [Fact]
    public void Parse_DuplicateVersionId_ThrowsNamingFileLineAndKey()
    {
        // Arrange
        var yaml = ValidPreset + """

              - id: v1
                title: Test protocol, revised
                in_force_from: 2025-01-01
            """;

        // Act
        var e = Assert.Throws<PresetException>(() => PresetLoader.Parse(yaml, BrokenFile));

        // Assert
        AssertNames(e, LineOf(yaml, "in_force_from: 2025-01-01") - 2, "versions[1].id");
    }

    [Fact]
    public void Parse_VersionsOutOfOrder_ThrowsNamingFileLineAndKey()
    {
        // Arrange
        var yaml = ValidPreset + """

              - id: v0
                title: Older protocol
                in_force_from: 2020-01-01
            """;

        // Act
        var e = Assert.Throws<PresetException>(() => PresetLoader.Parse(yaml, BrokenFile));

        // Assert
        AssertNames(e, LineOf(yaml, "- id: v0"), "versions[1].in_force_from");
    }

    [Fact]
    public void Catalog_SharesProtocolWithUnknownSlug_ThrowsNamingFileLineAndKey()
    {
        // Arrange
        const string sharing = """
            # Shares a protocol that no preset holds.
            council:
              slug: sharing-council
              name: Sharing Council
              short_code: SHC
            shares_protocol_with: no-such-council
            """;
        var presets = new[] { PresetLoader.Parse(ValidPreset, "protocols/test.yaml"), PresetLoader.Parse(sharing, BrokenFile) };

        // Act
        var e = Assert.Throws<PresetException>(() => new PresetCatalog(presets));

        // Assert
        AssertNames(e, 6, "shares_protocol_with");
        Assert.Contains("no-such-council", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_BrokenFile_MessageReadsFileLineKeyProblem()
    {
        // Arrange
        var root = Path.Combine(Path.GetTempPath(), "nolan-presets-" + Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(root, "protocols");
        Directory.CreateDirectory(folder);
        var yaml = ValidPreset.Replace("working_days: 10", "working_days: 0", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "broken.yaml"), yaml);

        try
        {
            // Act
            var e = Assert.Throws<PresetException>(() => PresetLoader.LoadDirectory(folder));

            // Assert
            Assert.Equal(BrokenFile, e.File);
            Assert.StartsWith(
                $"{BrokenFile}:{LineOf(yaml, "working_days: 0")}: versions[0].enquiries.deadline.working_days: ",
                e.Message,
                StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static PresetCatalog Catalog() => PresetLoader.LoadDirectory(RepoPaths.Protocols);

    /// <summary>Every version of every preset with its own protocol text (a sharing preset adds nothing new).</summary>
    private static IEnumerable<(ProtocolPreset Preset, ProtocolVersion Version, EnquiryRules Enquiries)> AllEnquiries()
    {
        var presets = Catalog().All.Where(p => p.SharesProtocolWith is null).ToList();
        Assert.NotEmpty(presets);
        return presets.SelectMany(p => p.Versions.Select(v => (p, v, v.Enquiries)));
    }

    private static List<PropertyInfo> RuleProperties() =>
        typeof(EnquiryRules).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(Rule).IsAssignableFrom(p.PropertyType))
            .ToList();

    private static void AssertNoProblems(List<string> problems) =>
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

    private static void AssertNames(PresetException e, long line, string key)
    {
        Assert.Equal(BrokenFile, e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(key, e.Key);
        Assert.StartsWith($"{BrokenFile}:{line}: {key}: ", e.Message, StringComparison.Ordinal);
    }

    /// <summary>One-based line of the first line containing <paramref name="text"/>.</summary>
    private static long LineOf(string yaml, string text)
    {
        var lines = yaml.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' is not in the test YAML");
        return index + 1;
    }

    /// <summary>Collapses runs of whitespace and straightens curly quotes, so line breaks in the seeds do not matter.</summary>
    private static string Normalise(string text) =>
        Whitespace().Replace(
            text.Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u201C', '"').Replace('\u201D', '"'),
            " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
