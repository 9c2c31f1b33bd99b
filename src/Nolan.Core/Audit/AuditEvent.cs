using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Nolan.Core.Audit;

/// <summary>
/// One change, written in the same transaction as the change itself. Events are hash-chained per stream (one
/// stream per audited item, e.g. <c>enquiry/{id}</c>), so editing or removing an event breaks its chain, while
/// writes to different items never wait on each other. <see cref="AuditSeal"/>s chain the streams together.
/// </summary>
public sealed class AuditEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? CouncilId { get; init; }
    public required string Stream { get; init; }
    public required int Seq { get; init; }
    public required DateTimeOffset At { get; init; }
    public Guid? ActorAccountId { get; init; }
    public required string ActorName { get; init; }
    public required string Action { get; init; }
    public required string EntityType { get; init; }
    public required Guid EntityId { get; init; }
    /// <summary>JSON: <c>{"old": {...}, "new": {...}}</c> of the fields that changed.</summary>
    public required string Data { get; init; }
    /// <summary>The protocol paragraph that applied, e.g. <c>southend-on-sea/part-5d §9.1.7</c>.</summary>
    public string? Citation { get; init; }
    public required string PrevHash { get; init; }
    public required string Hash { get; init; }
    /// <summary>The seal that covers this event; set once by the sealer, not part of the hash.</summary>
    public Guid? SealId { get; set; }

    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Hash of an event's content and its predecessor's hash.</summary>
    public static string ComputeHash(string prevHash, string stream, int seq, DateTimeOffset at, Guid? actor,
        string actorName, string action, string entityType, Guid entityId, string data, string? citation, Guid? councilId)
    {
        var text = string.Join('\u001f',
            prevHash, stream, seq.ToString(CultureInfo.InvariantCulture),
            at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            actor?.ToString() ?? "", actorName, action, entityType, entityId.ToString(), data, citation ?? "",
            councilId?.ToString() ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public string Recompute() =>
        ComputeHash(PrevHash, Stream, Seq, At, ActorAccountId, ActorName, Action, EntityType, EntityId, Data, Citation, CouncilId);
}

/// <summary>
/// A periodic seal over the events written since the last one, chained to the previous seal. Per-stream chains
/// catch an edited event; seals also catch a deleted stream or a deleted tail.
/// </summary>
public sealed class AuditSeal
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required long Number { get; init; }
    public required DateTimeOffset At { get; init; }
    public required int EventCount { get; init; }
    /// <summary>SHA-256 over the covered events' hashes, in (stream, seq) order.</summary>
    public required string EventsDigest { get; init; }
    public required string PrevHash { get; init; }
    public required string Hash { get; init; }

    public static string ComputeHash(string prevHash, long number, DateTimeOffset at, int count, string digest) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', prevHash,
            number.ToString(CultureInfo.InvariantCulture),
            at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            count.ToString(CultureInfo.InvariantCulture), digest))));
}
