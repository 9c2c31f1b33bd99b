using System.Reflection;
using Nolan.Core.Protocols;

namespace Nolan.Core.Tests.Protocols;

/// <summary>docs/presets.md is checked against the preset model: every key a preset can hold is documented there.</summary>
public sealed class PresetDocsTests
{
    [Fact]
    public void EveryKeyOfThePresetModel_IsDocumented()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "presets.md"));
        var missing = Keys(typeof(ProtocolPreset), new HashSet<Type>())
            .Where(k => !docs.Contains($"`{k}`", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(missing.Count == 0, "Keys missing from docs/presets.md: " + string.Join(", ", missing));
    }

    /// <summary>The YAML key of every public settable property reachable from the model (snake_case).</summary>
    private static IEnumerable<string> Keys(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            yield break;
        }

        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetCustomAttribute<YamlDotNet.Serialization.YamlIgnoreAttribute>() is null))
        {
            yield return Snake(p.Name);
            var inner = p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(List<>)
                ? p.PropertyType.GetGenericArguments()[0]
                : p.PropertyType;
            if (inner.IsClass && inner != typeof(string) && inner.Namespace == typeof(ProtocolPreset).Namespace)
            {
                foreach (var k in Keys(inner, seen))
                {
                    yield return k;
                }
            }
        }
    }

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
