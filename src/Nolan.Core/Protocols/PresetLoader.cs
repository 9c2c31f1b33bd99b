using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization.NodeDeserializers;

namespace Nolan.Core.Protocols;

/// <summary>A preset that cannot be used: names the file, line and key so a Monitoring Officer can fix it.</summary>
public sealed class PresetException(string file, long line, string key, string problem)
    : Exception($"{file}:{line}: {key}: {problem}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public string Key { get; } = key;
    public string Problem { get; } = problem;
}

/// <summary>Loads and validates protocol presets from YAML.</summary>
public static partial class PresetLoader
{
    /// <summary>Loads every <c>*.yaml</c> preset in a folder and resolves shared protocols.</summary>
    public static PresetCatalog LoadDirectory(string directory)
    {
        var presets = Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => LoadFile(f, Path.GetRelativePath(Path.GetDirectoryName(directory.TrimEnd('/')) ?? ".", f)))
            .ToList();
        return new PresetCatalog(presets);
    }

    /// <summary>Loads one preset file. <paramref name="displayName"/> is the name used in errors.</summary>
    public static ProtocolPreset LoadFile(string path, string? displayName = null) =>
        Parse(File.ReadAllText(path), displayName ?? path);

    /// <summary>Parses and validates preset YAML.</summary>
    public static ProtocolPreset Parse(string yaml, string fileName)
    {
        var marks = new ConditionalWeakTable<object, MarkBox>();
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .WithEnumNamingConvention(UnderscoredNamingConvention.Instance)
            .WithTypeConverter(new DateOnlyYamlConverter())
            .WithNodeDeserializer(
                inner => new MarkRecordingNodeDeserializer(inner, marks),
                s => s.InsteadOf<ObjectNodeDeserializer>())
            .Build();

        ProtocolPreset? preset;
        try
        {
            preset = deserializer.Deserialize<ProtocolPreset>(yaml);
        }
        catch (YamlException e)
        {
            var inner = e.InnerException is YamlException ie ? ie : e;
            throw new PresetException(fileName, inner.Start.Line, KeyNear(yaml, inner.Start.Line), Clean(inner.Message));
        }

        if (preset is null)
        {
            throw new PresetException(fileName, 1, "(file)", "the file is empty");
        }

        preset.FilePath = fileName;
        preset.SharesProtocolWithLine = LineOfTopLevelKey(yaml, "shares_protocol_with");
        new Validator(fileName, marks).Validate(preset);
        return preset;
    }

    private static string Clean(string message) =>
        message.Contains("not found on type", StringComparison.Ordinal)
            ? "unknown key (check the spelling against docs/presets.md): " + message
            : message;

    private static long LineOfTopLevelKey(string yaml, string key)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(key + ":", StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 1;
    }

    private static string KeyNear(string yaml, long line)
    {
        var lines = yaml.Split('\n');
        if (line < 1 || line > lines.Length)
        {
            return "(file)";
        }

        var text = lines[line - 1].Trim().TrimStart('-').Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? text[..colon] : text;
    }

    private sealed class MarkBox(Mark mark)
    {
        public Mark Mark { get; } = mark;
    }

    /// <summary>Remembers where in the file each object started, so validation errors can name the line.</summary>
    private sealed class MarkRecordingNodeDeserializer(INodeDeserializer inner, ConditionalWeakTable<object, MarkBox> marks)
        : INodeDeserializer
    {
        public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer,
            out object? value, ObjectDeserializer rootDeserializer)
        {
            var start = reader.Current?.Start ?? Mark.Empty;
            var ok = inner.Deserialize(reader, expectedType, nestedObjectDeserializer, out value, rootDeserializer);
            if (ok && value is not null)
            {
                marks.AddOrUpdate(value, new MarkBox(start));
            }

            return ok;
        }
    }

    private sealed class DateOnlyYamlConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(DateOnly) || type == typeof(DateOnly?);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            var scalar = parser.Consume<Scalar>();
            if (type == typeof(DateOnly?) && (scalar.Value is "" or "~" or "null"))
            {
                return null;
            }

            if (DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not a date: write it as YYYY-MM-DD");
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            emitter.Emit(new Scalar(((DateOnly?)value)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""));
    }

    private sealed partial class Validator(string file, ConditionalWeakTable<object, MarkBox> marks)
    {
        private long LineOf(object o) => marks.TryGetValue(o, out var box) ? box.Mark.Line : 1;

        private PresetException Error(object near, string key, string problem) => new(file, LineOf(near), key, problem);

        public void Validate(ProtocolPreset p)
        {
            if (!SlugPattern().IsMatch(p.Council.Slug))
            {
                throw Error(p.Council, "council.slug", "must be lower-case letters, digits and hyphens, e.g. 'southend-on-sea'");
            }

            if (string.IsNullOrWhiteSpace(p.Council.Name))
            {
                throw Error(p.Council, "council.name", "is required");
            }

            if (!ShortCodePattern().IsMatch(p.Council.ShortCode))
            {
                throw Error(p.Council, "council.short_code", "must be 2 to 5 capital letters, e.g. 'SOS'");
            }

            var days = new HashSet<DateOnly>();
            foreach (var c in p.Council.ClosureDays)
            {
                if (c.Date == default || !days.Add(c.Date))
                {
                    throw Error(c, "council.closure_days.date", "each closure day needs a date (YYYY-MM-DD), once");
                }

                if (string.IsNullOrWhiteSpace(c.Reason) || string.IsNullOrWhiteSpace(c.Source))
                {
                    throw Error(c, "council.closure_days", "each closure day gives a reason and the source where the council published it");
                }
            }

            if (p.SharesProtocolWith is not null)
            {
                if (p.Versions.Count > 0)
                {
                    throw Error(p, "versions", "a preset that shares_protocol_with another takes its versions from it: remove versions");
                }

                return;
            }

            if (p.Versions.Count == 0)
            {
                throw Error(p, "versions", "at least one version of the protocol is required");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < p.Versions.Count; i++)
            {
                var v = p.Versions[i];
                var at = $"versions[{i}]";
                if (string.IsNullOrWhiteSpace(v.Id) || !seen.Add(v.Id))
                {
                    throw Error(v, at + ".id", "each version needs a unique id");
                }

                if (v.InForceFrom == default)
                {
                    throw Error(v, at + ".in_force_from", "is required (YYYY-MM-DD)");
                }

                if (i > 0 && v.InForceFrom <= p.Versions[i - 1].InForceFrom)
                {
                    throw Error(v, at + ".in_force_from", "versions must be listed oldest first with increasing dates");
                }

                ValidateEnquiries(v.Enquiries, at + ".enquiries");
            }
        }

        private void ValidateEnquiries(EnquiryRules e, string at)
        {
            Check(e.Deadline, at + ".deadline");
            if (!e.Deadline.Silent && e.Deadline.WorkingDays is null && string.IsNullOrWhiteSpace(e.Deadline.Wording))
            {
                throw Error(e.Deadline, at + ".deadline", "give working_days, or wording for a non-numeric deadline, or silent: true");
            }

            if (e.Deadline.WorkingDays is < 1 or > 60)
            {
                throw Error(e.Deadline, at + ".deadline.working_days", "must be between 1 and 60");
            }

            Check(e.VeryOverdue, at + ".very_overdue");
            if (!e.VeryOverdue.Silent && e.VeryOverdue.WorkingDaysAfterDue is not (>= 1 and <= 60))
            {
                throw Error(e.VeryOverdue, at + ".very_overdue.working_days_after_due", "must be between 1 and 60");
            }

            if (!e.VeryOverdue.Silent && e.Deadline.WorkingDays is null)
            {
                throw Error(e.VeryOverdue, at + ".very_overdue", "needs a numeric deadline to count from");
            }

            Check(e.HoldingReply, at + ".holding_reply");
            Check(e.Routing, at + ".routing");
            Check(e.Complaints, at + ".complaints");
            if (!e.Complaints.Silent && string.IsNullOrWhiteSpace(e.Complaints.Route))
            {
                throw Error(e.Complaints, at + ".complaints.route", "name the procedure or team complaints go to");
            }

            if (e.Complaints.DeadlineWorkingDays is < 1 or > 60)
            {
                throw Error(e.Complaints, at + ".complaints.deadline_working_days", "must be between 1 and 60");
            }

            Check(e.FileNotes, at + ".file_notes");
            Check(e.WrittenAnswers, at + ".written_answers");
            Check(e.PassingOn, at + ".passing_on");
            Check(e.ConstituentData, at + ".constituent_data");
            Check(e.Burden, at + ".burden");
            Check(e.BurdenDecision, at + ".burden_decision");
            Check(e.OutOfOffice, at + ".out_of_office");
            Check(e.Escalation, at + ".escalation");
            if (!e.Escalation.Silent && e.VeryOverdue.Silent)
            {
                throw Error(e.Escalation, at + ".escalation", "escalates a very overdue enquiry: give very_overdue too");
            }

            Check(e.ThirdPartyInformation, at + ".third_party_information");
            Check(e.CommerciallySensitive, at + ".commercially_sensitive");
            Check(e.Urgency, at + ".urgency");
            Check(e.Priority, at + ".priority");
            if (!e.Priority.Silent && !e.Priority.NoQueueJumping)
            {
                throw Error(e.Priority, at + ".priority.no_queue_jumping", "is the only thing a priority rule says: set it to true, or mark the rule silent");
            }
            Check(e.PromisedDate, at + ".promised_date");
            if (!e.PromisedDate.Silent && e.PromisedDate.MaxWorkingDaysAfterDue is not (>= 1 and <= 120))
            {
                throw Error(e.PromisedDate, at + ".promised_date.max_working_days_after_due", "must be between 1 and 120");
            }

            if (e.Routing.Fallback != RoutingTarget.Hub)
            {
                throw Error(e.Routing, at + ".routing.fallback", "must be hub: it is where an enquiry goes when no service manager can be found");
            }
        }

        /// <summary>Every value cites its paragraph; a council-policy value says why; a silent rule says so.</summary>
        private void Check(Rule r, string at)
        {
            if (r.Silent)
            {
                if (r.Para is not null && r.Basis == RuleBasis.Protocol)
                {
                    throw Error(r, at + ".para", "a silent rule cites no paragraph: remove para or silent");
                }

                return;
            }

            if (r.Basis == RuleBasis.Protocol && string.IsNullOrWhiteSpace(r.Para))
            {
                throw Error(r, at + ".para", "every rule cites the paragraph it comes from (or says silent: true, or basis: council_policy with a note)");
            }

            if (r.Basis == RuleBasis.CouncilPolicy && string.IsNullOrWhiteSpace(r.Note))
            {
                throw Error(r, at + ".note", "a council_policy value must say where it comes from");
            }
        }

        [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
        private static partial Regex SlugPattern();

        [GeneratedRegex("^[A-Z]{2,5}$")]
        private static partial Regex ShortCodePattern();
    }
}

/// <summary>All loaded presets, by council slug.</summary>
public sealed class PresetCatalog
{
    private readonly Dictionary<string, ProtocolPreset> _bySlug = new(StringComparer.Ordinal);

    public PresetCatalog(IEnumerable<ProtocolPreset> presets)
    {
        var list = presets.ToList();
        foreach (var p in list)
        {
            if (!_bySlug.TryAdd(p.Council.Slug, p))
            {
                throw new PresetException(p.FilePath, 1, "council.slug", $"'{p.Council.Slug}' is used by another preset too");
            }
        }

        foreach (var p in list.Where(p => p.SharesProtocolWith is not null))
        {
            if (!_bySlug.TryGetValue(p.SharesProtocolWith!, out var other) || other.SharesProtocolWith is not null)
            {
                throw new PresetException(p.FilePath, p.SharesProtocolWithLine, "shares_protocol_with",
                    $"no preset '{p.SharesProtocolWith}' with its own versions was found");
            }

            p.Versions = other.Versions;
            p.Source = other.Source;
        }
    }

    public IReadOnlyCollection<ProtocolPreset> All => _bySlug.Values;

    public ProtocolPreset this[string slug] =>
        _bySlug.TryGetValue(slug, out var p) ? p : throw new KeyNotFoundException($"No protocol preset for council '{slug}'.");

    public bool TryGet(string slug, out ProtocolPreset preset) => _bySlug.TryGetValue(slug, out preset!);
}
