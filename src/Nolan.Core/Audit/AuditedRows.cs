using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Nolan.Core.Audit;

/// <summary>
/// A row that is part of a casework item's audited state (the item itself, its activities, grants on it, its duties).
/// Every audit event on an item commits to the hashes of the rows of that item it added, changed or removed, so that
/// <see cref="AuditChain.VerifyAsync"/> can recompute every live row and find rows changed, inserted or deleted outside
/// Nolan. A capability marks its tables by implementing this on their entities.
/// </summary>
public interface IAuditedRow
{
    /// <summary>The audit stream's entity type of the item the row belongs to, e.g. <c>enquiry</c>.</summary>
    string AuditItemType { get; }

    /// <summary>The id of the item the row belongs to.</summary>
    Guid AuditItemId { get; }
}

/// <summary>How a row's state is written down in an audit event: a key naming the row, and a hash of its columns.</summary>
public static class RowState
{
    /// <summary>What an event records for a row it deleted.</summary>
    public const string Deleted = "deleted";

    /// <summary>The row's key in an event's state, e.g. <c>Enquiry/0196...</c>.</summary>
    public static string Key(IEntityType type, object id) =>
        $"{type.ClrType.Name}/{Format(id)}";

    /// <summary>
    /// SHA-256 over every mapped column, by name, in a form that is the same on both databases and in memory: times to
    /// the microsecond in UTC, enums by name, identifiers in lower case.
    /// </summary>
    public static string Hash(IEntityType type, Func<IProperty, object?> value)
    {
        // A JSON object of column name to text (null kept as null): unambiguous, whatever the values contain.
        var columns = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in type.GetProperties())
        {
            columns[p.Name] = value(p) is { } v ? Format(v) : null;
        }

        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(columns)));
    }

    private static string Format(object v) => v switch
    {
        DateTimeOffset t => new DateTime(t.UtcTicks - (t.UtcTicks % 10), DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        bool b => b ? "true" : "false",
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        _ => throw new NotSupportedException($"A casework column of type {v.GetType().Name} has no canonical form for the audit: add one."),
    };
}
