using System.Reflection;
using System.Reflection.Emit;
using Nolan.Core.Enquiries;
using Nolan.Core.Protocols;
using YamlDotNet.RepresentationModel;

namespace Nolan.Core.Tests.Protocols;

/// <summary>
/// A preset key nothing reads is a bug: every key written in a shipped preset must be read by Nolan's code, found by
/// reading the compiled IL of Nolan.Core for a call to the property's getter. Loading and validating a preset, and
/// describing it on the protocol page, do not count: a rule shown but never acted on is exactly what this catches.
/// </summary>
public sealed class PresetConsumerTests
{
    /// <summary>Keys whose purpose is to be shown to people, not to drive behaviour: the page is their consumer.</summary>
    private static readonly HashSet<string> DisplayOnly = new(StringComparer.Ordinal)
    {
        "source.title", "source.document", "source.notes",
        "versions.title", "versions.in_force_from_note",
        "council.closure_days.reason", "council.closure_days.source",
    };

    private static readonly Lazy<Dictionary<MethodBase, List<MethodBase>>> Callers = new(ScanCallers);

    public static TheoryData<string> ShippedKeys()
    {
        var data = new TheoryData<string>();
        foreach (var k in Keys())
        {
            data.Add(k);
        }

        return data;
    }

    /// <summary>Every key path written in a shipped preset, e.g. <c>versions.enquiries.holding_reply.in_writing</c>.</summary>
    private static SortedSet<string> Keys()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(RepoPaths.Protocols, "*.yaml"))
        {
            var yaml = new YamlStream();
            using var reader = new StreamReader(file);
            yaml.Load(reader);
            Collect(yaml.Documents[0].RootNode, "", keys);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(ShippedKeys))]
    public void ShippedPresetKey_IsReadByNolan(string key)
    {
        var property = PropertyFor(key);
        Assert.True(property is not null, $"'{key}' maps to no property of the preset model");
        if (DisplayOnly.Contains(key))
        {
            return;
        }

        // The getter as the IL names it: on the type that declares it (Rule, for para, quote, note, silent, basis).
        var getter = property.DeclaringType!.GetProperty(property.Name)!.GetGetMethod()!;
        var readers = Callers.Value.GetValueOrDefault(getter, []).Where(m => Counts(m, property)).ToList();
        Assert.True(readers.Count > 0,
            $"Nothing in Nolan.Core acts on preset key '{key}' ({property.DeclaringType!.Name}.{property.Name}); only loading, validation or the protocol page read it.");
    }

    [Fact]
    public void EveryRuleValue_InTheModel_IsReadByNolan_EvenWhereNoShippedPresetWritesIt()
    {
        // A key a future preset may write (promised_date, say) must already have its consumer.
        var unread = typeof(Rule).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Rule)))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => !Callers.Value.GetValueOrDefault(p.GetGetMethod()!, []).Any(m => Counts(m, p)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}").ToList();
        Assert.True(unread.Count == 0, "Rule values nothing acts on: " + string.Join(", ", unread));
    }

    [Fact]
    public void TheScan_FindsAKnownReader_AndIgnoresTheDescription()
    {
        // A guard on the test itself: TellMember is read by the workflow's rule function, so the scan must see that.
        var getter = typeof(PassingOnRule).GetProperty(nameof(PassingOnRule.TellMember))!.GetGetMethod()!;
        var readers = Callers.Value.GetValueOrDefault(getter, []);
        Assert.Contains(readers, m => m.Name == nameof(EnquiryRulebook.TellMemberWhenPassedOn));
        Assert.DoesNotContain(readers.Where(m => Counts(m, typeof(PassingOnRule).GetProperty(nameof(PassingOnRule.TellMember))!)),
            m => m.Name == nameof(EnquiryRulebook.Describe));
    }

    /// <summary>Whether a reader counts as acting on the key (not the model, the loader, or a description).</summary>
    private static bool Counts(MethodBase reader, PropertyInfo property)
    {
        var type = reader.DeclaringType!;
        var outer = type;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }

        if (outer == typeof(PresetLoader))
        {
            return false;
        }

        // Behavioural rule keys: describing a rule is not acting on it.
        var describing = outer == typeof(EnquiryRulebook) && (reader.Name == nameof(EnquiryRulebook.Describe) || reader.Name.Contains("<Describe>", StringComparison.Ordinal)
            || type.Name.Contains("Describe", StringComparison.Ordinal));
        return !(describing && typeof(Rule).IsAssignableFrom(property.DeclaringType) && property.DeclaringType != typeof(Rule));
    }

    private static PropertyInfo? PropertyFor(string key)
    {
        var type = typeof(ProtocolPreset);
        PropertyInfo? property = null;
        foreach (var part in key.Split('.'))
        {
            property = type.GetProperty(Pascal(part), BindingFlags.Public | BindingFlags.Instance);
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(List<>)
                ? property.PropertyType.GetGenericArguments()[0]
                : property.PropertyType;
        }

        return property;
    }

    private static void Collect(YamlNode node, string path, SortedSet<string> keys)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    var key = path.Length == 0 ? ((YamlScalarNode)k).Value! : $"{path}.{((YamlScalarNode)k).Value}";
                    keys.Add(key);
                    Collect(v, key, keys);
                }

                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children)
                {
                    Collect(item, path, keys);
                }

                break;
        }
    }

    private static string Pascal(string snake) => string.Concat(snake.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static string Snake(string pascal) => string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>Every method of Nolan.Core (compiler-generated closures and state machines included), by what it calls.</summary>
    private static Dictionary<MethodBase, List<MethodBase>> ScanCallers()
    {
        var callers = new Dictionary<MethodBase, List<MethodBase>>();
        var opcodes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => (ushort)o.Value);
        var assembly = typeof(ProtocolPreset).Assembly;
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                var il = method.GetMethodBody()?.GetILAsByteArray();
                if (il is null)
                {
                    continue;
                }

                for (var i = 0; i < il.Length;)
                {
                    ushort value = il[i] == 0xFE && i + 1 < il.Length ? (ushort)(0xFE00 | il[i + 1]) : il[i];
                    i += value > 0xFF ? 2 : 1;
                    if (!opcodes.TryGetValue(value, out var op))
                    {
                        break;
                    }

                    var size = op.OperandType switch
                    {
                        OperandType.InlineNone => 0,
                        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                        OperandType.InlineVar => 2,
                        OperandType.InlineI8 or OperandType.InlineR => 8,
                        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                        _ => 4,
                    };
                    if (op.OperandType == OperandType.InlineMethod)
                    {
                        try
                        {
                            var target = method.Module.ResolveMethod(BitConverter.ToInt32(il, i),
                                type.IsGenericType ? type.GetGenericArguments() : null,
                                method.IsGenericMethod ? method.GetGenericArguments() : null);
                            if (target is not null)
                            {
                                if (!callers.TryGetValue(target, out var list))
                                {
                                    callers[target] = list = [];
                                }

                                list.Add(method);
                            }
                        }
                        catch (ArgumentException)
                        {
                            // A token the module cannot resolve in this context: not a preset property.
                        }
                    }

                    i += size;
                }
            }
        }

        return callers;
    }
}
