using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.DataStore;
using Nolan.Core.Protocols;

namespace Nolan.Core.Audit;

/// <summary>
/// Adds audit events to the unit of work so they commit, or fail, with the change they describe. Scoped: it
/// remembers the heads of the streams it has touched so that several events on one item chain correctly.
/// </summary>
public sealed class AuditLog(NolanDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, (int Seq, string Hash)> _heads = new(StringComparer.Ordinal);

    /// <summary>Records a change. <paramref name="newStream"/> skips the head look-up for an item just created.</summary>
    public async Task RecordAsync(Actor actor, string action, string entityType, Guid entityId, Guid? councilId,
        object? before, object? after, Citation? citation = null, bool newStream = false, CancellationToken ct = default)
    {
        var stream = $"{entityType}/{entityId}";
        if (!_heads.TryGetValue(stream, out var head))
        {
            head = newStream
                ? (0, AuditEvent.Genesis)
                : await db.AuditEvents.AsNoTracking().Where(e => e.Stream == stream).OrderByDescending(e => e.Seq)
                    .Select(e => new ValueTuple<int, string>(e.Seq, e.Hash)).FirstOrDefaultAsync(ct) is var (s, h) && s > 0
                    ? (s, h)
                    : (0, AuditEvent.Genesis);
        }

        var now = TruncateToMicroseconds(time.GetUtcNow());
        var data = JsonSerializer.Serialize(new { old = before, @new = after }, Json);
        var seq = head.Seq + 1;
        var cite = citation?.Reference;
        var hash = AuditEvent.ComputeHash(head.Hash, stream, seq, now, actor.AccountId, actor.Name, action, entityType,
            entityId, data, cite, councilId);
        db.AuditEvents.Add(new AuditEvent
        {
            CouncilId = councilId,
            Stream = stream,
            Seq = seq,
            At = now,
            ActorAccountId = actor.AccountId,
            ActorName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Data = data,
            Citation = cite,
            PrevHash = head.Hash,
            Hash = hash,
        });
        _heads[stream] = (seq, hash);
    }

    /// <summary>Forgets the stream heads of a unit of work that was abandoned (its events were never saved).</summary>
    public void Reset() => _heads.Clear();

    /// <summary>PostgreSQL keeps microseconds; the hash must survive the round trip.</summary>
    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset t) =>
        new(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero);
}
