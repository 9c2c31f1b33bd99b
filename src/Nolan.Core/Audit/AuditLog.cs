using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nolan.Core.Access;
using Nolan.Core.DataStore;
using Nolan.Core.Protocols;

namespace Nolan.Core.Audit;

/// <summary>
/// Adds audit events to the unit of work so they commit, or fail, with the change they describe. Scoped: it
/// remembers the heads of the streams it has touched so that several events on one item chain correctly.
/// <para>
/// An event's hash is computed as the unit of work is saved, not when the event is recorded: by then the change is
/// complete (version, update time, its activities and grants), and the event commits to the hash of every row of its
/// item that the save adds, changes or removes (<see cref="IAuditedRow"/>). A save that changes an item's rows with no
/// event about that item is a bug and is refused, so no casework state can change unaudited.
/// </para>
/// </summary>
public sealed class AuditLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, (int Seq, string Hash)> _heads = new(StringComparer.Ordinal);
    private readonly List<AuditEvent> _pending = [];
    private readonly NolanDbContext db;
    private readonly TimeProvider time;

    public AuditLog(NolanDbContext db, TimeProvider time)
    {
        this.db = db;
        this.time = time;
        db.SavingChanges += (_, _) => Complete();
    }

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

        var e = new AuditEvent
        {
            CouncilId = councilId,
            Stream = stream,
            Seq = head.Seq + 1,
            At = TruncateToMicroseconds(time.GetUtcNow()),
            ActorAccountId = actor.AccountId,
            ActorName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Data = JsonSerializer.Serialize(new { old = before, @new = after }, Json),
            Citation = citation?.Reference,
            // Completed when the unit of work is saved (Complete).
            PrevHash = head.Hash,
            Hash = "",
        };
        db.AuditEvents.Add(e);
        _pending.Add(e);
        // The next event on this stream in the same unit of work follows this one; its hash is chained at save.
        _heads[stream] = (e.Seq, "");
    }

    /// <summary>Forgets the stream heads of a unit of work that was abandoned (its events were never saved).</summary>
    public void Reset()
    {
        _heads.Clear();
        _pending.Clear();
    }

    /// <summary>
    /// Commits each pending event to its item's rows as they are about to be saved, then chains the hashes in the order
    /// the events were recorded.
    /// </summary>
    private void Complete()
    {
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries()
            .Where(x => x.Entity is IAuditedRow && x.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .GroupBy(x => ((IAuditedRow)x.Entity).AuditItemType + "/" + ((IAuditedRow)x.Entity).AuditItemId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (_pending.Count == 0 && changed.Count == 0)
        {
            return;
        }

        var unaudited = changed.Keys.Where(k => !_pending.Exists(e => e.Stream == k)).ToList();
        if (unaudited.Count > 0)
        {
            throw new InvalidOperationException($"Casework rows changed with no audit event about their item: {string.Join(", ", unaudited)}");
        }

        var chained = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in _pending)
        {
            if (changed.TryGetValue(e.Stream, out var rows))
            {
                e.State = JsonSerializer.Serialize(new SortedDictionary<string, string>(
                    rows.ToDictionary(r => RowState.Key(r.Metadata, KeyOf(r)), StateOf, StringComparer.Ordinal), StringComparer.Ordinal));
            }

            if (chained.TryGetValue(e.Stream, out var prev))
            {
                e.PrevHash = prev;
            }

            e.Hash = e.Recompute();
            chained[e.Stream] = e.Hash;
            _heads[e.Stream] = (e.Seq, e.Hash);
        }

        _pending.Clear();
    }

    private static object KeyOf(EntityEntry row) => row.Metadata.FindPrimaryKey()!.Properties.Single().GetGetter().GetClrValue(row.Entity)!;

    private static string StateOf(EntityEntry row) => row.State == EntityState.Deleted
        ? RowState.Deleted
        : RowState.Hash(row.Metadata, p => row.CurrentValues[p]);

    /// <summary>PostgreSQL keeps microseconds; the hash must survive the round trip.</summary>
    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset t) =>
        new(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero);
}
