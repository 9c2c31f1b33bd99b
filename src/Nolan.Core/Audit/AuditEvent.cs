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
    public required string PrevHash { get; set; }
    public required string Hash { get; set; }
    /// <summary>
    /// The state of the item's rows after the change: a JSON object from row key (<see cref="RowState.Key"/>) to the
    /// row's hash, or <see cref="RowState.Deleted"/>. Part of the hash. Null on events about things that are not
    /// casework items (accounts, tokens), and on events written before rows were committed to.
    /// </summary>
    public string? State { get; set; }

    /// <summary>The seal that covers this event; set once by the sealer, not part of the hash.</summary>
    public Guid? SealId { get; set; }

    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Hash of an event's content and its predecessor's hash.</summary>
    public static string ComputeHash(string prevHash, string stream, int seq, DateTimeOffset at, Guid? actor,
        string actorName, string action, string entityType, Guid entityId, string data, string? citation, Guid? councilId,
        string? state = null)
    {
        var text = string.Join('\u001f',
            prevHash, stream, seq.ToString(CultureInfo.InvariantCulture),
            at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            actor?.ToString() ?? "", actorName, action, entityType, entityId.ToString(), data, citation ?? "",
            councilId?.ToString() ?? "");
        if (state is not null)
        {
            // Appended only when present, so events written before rows were committed to still verify.
            text += '\u001f' + state;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public string Recompute() =>
        ComputeHash(PrevHash, Stream, Seq, At, ActorAccountId, ActorName, Action, EntityType, EntityId, Data, Citation, CouncilId, State);
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

    /// <summary>
    /// The hash is an HMAC under the installation's seal key, which the database does not hold: someone who can write
    /// to the database can recompute event chains but not seals. False on seals written before seals were keyed.
    /// </summary>
    public bool Keyed { get; init; }

    /// <summary>A seal's hash: HMAC-SHA-256 under <paramref name="key"/>, or plain SHA-256 for an unkeyed seal.</summary>
    public static string ComputeHash(string prevHash, long number, DateTimeOffset at, int count, string digest, byte[]? key = null)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join('\u001f', prevHash,
            number.ToString(CultureInfo.InvariantCulture),
            at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            count.ToString(CultureInfo.InvariantCulture), digest));
        return Convert.ToHexStringLower(key is null ? SHA256.HashData(bytes) : HMACSHA256.HashData(key, bytes));
    }
}
