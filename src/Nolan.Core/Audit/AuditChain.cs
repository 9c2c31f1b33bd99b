using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Nolan.Core.DataStore;

namespace Nolan.Core.Audit;

/// <summary>The outcome of verifying the audit trail.</summary>
public sealed record AuditVerification(long Events, long Streams, long Seals, long Unsealed, IReadOnlyList<string> Problems, long Rows = 0, long Anchored = 0)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// What the audit trail is checked against outside the database: the seal key (seals are HMACs under it, so whoever
/// can write to the database cannot forge one) and the anchor file, an append-only list of every seal's number and hash
/// (so a history rewritten or cut short, seals and all, no longer matches what was published).
/// </summary>
public sealed class AuditTrust(byte[]? sealKey, string? anchorFile, IReadOnlyList<byte[]>? previousKeys = null)
{
    public static readonly AuditTrust None = new(null, null);

    /// <summary>The key new seals are made with.</summary>
    public byte[]? SealKey { get; } = sealKey;

    /// <summary>Keys earlier seals were made with, kept after a rotation so that those seals still verify.</summary>
    public IReadOnlyList<byte[]> PreviousKeys { get; } = previousKeys ?? [];

    public string? AnchorFile { get; } = anchorFile;

    /// <summary>Appends a seal to the anchor file and flushes it to disk.</summary>
    public void Anchor(AuditSeal seal)
    {
        if (AnchorFile is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(AnchorFile))!);
        using var f = new FileStream(AnchorFile, FileMode.Append, FileAccess.Write, FileShare.Read);
        f.Write(Encoding.ASCII.GetBytes(FormattableString.Invariant($"{seal.Number} {seal.Hash} {seal.At:yyyy-MM-ddTHH:mm:ss.ffffffZ}\n")));
        f.Flush(flushToDisk: true);
    }

    /// <summary>The seals published so far: number and hash.</summary>
    public IReadOnlyList<(long Number, string Hash)> Anchors()
    {
        if (AnchorFile is null || !File.Exists(AnchorFile))
        {
            return [];
        }

        // A line cut short by a crash mid-append is skipped, not fatal (the next seal's line is whole).
        var anchors = new List<(long, string)>();
        foreach (var parts in File.ReadAllLines(AnchorFile).Select(l => l.Split(' ')))
        {
            if (parts.Length >= 2 && parts[1].Length == 64
                && long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                anchors.Add((number, parts[1]));
            }
        }

        return anchors;
    }
}

/// <summary>Seals new audit events, verifies the trail and the casework rows it commits to.</summary>
public static class AuditChain
{
    private const int MaxEventsPerSeal = 20_000;
    private const string BaselineStream = "audit-baseline/1";

    /// <summary>Seals events not yet covered by a seal. Returns the number sealed (0 when there were none).</summary>
    public static async Task<int> SealAsync(NolanDbContext db, TimeProvider time, AuditTrust trust, CancellationToken ct = default)
    {
        var pending = await db.AuditEvents.Where(e => e.SealId == null)
            .OrderBy(e => e.Stream).ThenBy(e => e.Seq).Take(MaxEventsPerSeal)
            .Select(e => new { e.Id, e.Hash }).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        var last = await db.AuditSeals.AsNoTracking().OrderByDescending(s => s.Number)
            .Select(s => new { s.Number, s.Hash }).FirstOrDefaultAsync(ct);
        var number = (last?.Number ?? 0) + 1;
        var prev = last?.Hash ?? AuditEvent.Genesis;
        var at = AuditLog.TruncateToMicroseconds(time.GetUtcNow());
        var digest = Digest(pending.Select(p => p.Hash));
        var seal = new AuditSeal
        {
            Number = number,
            At = at,
            EventCount = pending.Count,
            EventsDigest = digest,
            PrevHash = prev,
            Keyed = trust.SealKey is not null,
            Hash = AuditSeal.ComputeHash(prev, number, at, pending.Count, digest, trust.SealKey),
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.AuditSeals.Add(seal);
        await db.SaveChangesAsync(ct);
        var marked = 0;
        foreach (var chunk in pending.Select(p => p.Id).Chunk(500))
        {
            marked += await db.AuditEvents.Where(e => chunk.Contains(e.Id) && e.SealId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.SealId, seal.Id), ct);
        }

        if (marked != pending.Count)
        {
            // Another sealer took some of these events first: this seal would count events that are not its own.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return 0;
        }

        await tx.CommitAsync(ct);
        // Published only once committed: an anchor names a seal that exists.
        trust.Anchor(seal);
        return pending.Count;
    }

    /// <summary>
    /// Commits the casework rows that no audit event commits to yet (rows written before events committed to rows, or by
    /// a data migration), once per database: after this, a row with no event is one written outside Nolan.
    /// </summary>
    public static async Task<int> BaselineAsync(NolanDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        if (await db.AuditEvents.AnyAsync(e => e.Stream == BaselineStream, ct))
        {
            return 0;
        }

        var committed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var state in db.AuditEvents.AsNoTracking().Where(e => e.State != null).Select(e => e.State!).AsAsyncEnumerable().WithCancellation(ct))
        {
            committed.UnionWith(JsonSerializer.Deserialize<Dictionary<string, string>>(state)!.Keys);
        }

        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in AuditedTypes(db))
        {
            await foreach (var (key, _, hash) in RowsAsync(db, type, ct))
            {
                if (!committed.Contains(key))
                {
                    rows[key] = hash;
                }
            }
        }

        var at = AuditLog.TruncateToMicroseconds(time.GetUtcNow());
        var seq = 0;
        var prev = AuditEvent.Genesis;
        foreach (var chunk in rows.Count == 0 ? [[]] : rows.Chunk(2_000))
        {
            seq++;
            var state = JsonSerializer.Serialize(new SortedDictionary<string, string>(chunk.ToDictionary(r => r.Key, r => r.Value), StringComparer.Ordinal));
            var data = JsonSerializer.Serialize(new { @new = new { rows = chunk.Length } });
            var e = new AuditEvent
            {
                Stream = BaselineStream,
                Seq = seq,
                At = at,
                ActorName = "Nolan (audit baseline)",
                Action = "audit.baseline",
                EntityType = "audit-baseline",
                EntityId = Guid.Empty,
                Data = data,
                State = state,
                PrevHash = prev,
                Hash = "",
            };
            e.Hash = e.Recompute();
            prev = e.Hash;
            db.AuditEvents.Add(e);
        }

        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    /// <summary>
    /// Checks every stream's hash chain, the seal chain (with the key), the anchor file, and every casework row against
    /// the state its last event committed to. Each problem names what is wrong and where.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(NolanDbContext db, AuditTrust trust, CancellationToken ct = default)
    {
        var problems = new List<string>();
        long events = 0, streams = 0, unsealed = 0;
        string? stream = null;
        var expectedSeq = 0;
        var prevHash = AuditEvent.Genesis;
        var sealDigests = new Dictionary<Guid, (int Count, IncrementalHash Hash)>();
        // (row key, stream) → the state the stream's latest event recorded for it. Only the row's own item's stream (or
        // the baseline, for a row no event of its own has recorded) counts when the rows are checked.
        var commitments = new Dictionary<string, Dictionary<string, (string State, string By)>>(StringComparer.Ordinal);

        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(e => e.Stream).ThenBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            events++;
            if (e.Stream != stream)
            {
                stream = e.Stream;
                streams++;
                expectedSeq = 1;
                prevHash = AuditEvent.Genesis;
            }

            if (e.Seq != expectedSeq)
            {
                problems.Add($"{e.Stream}: event {expectedSeq} is missing (found {e.Seq})");
            }

            if (e.PrevHash != prevHash)
            {
                problems.Add($"{e.Stream} #{e.Seq}: does not follow the event before it");
            }

            if (e.Recompute() != e.Hash)
            {
                problems.Add($"{e.Stream} #{e.Seq}: content does not match its hash (altered)");
            }

            if (e.State is { } state)
            {
                foreach (var (key, rowState) in JsonSerializer.Deserialize<Dictionary<string, string>>(state)!)
                {
                    // Events of one stream come in sequence order: the later one wins.
                    if (!commitments.TryGetValue(key, out var byStream))
                    {
                        commitments[key] = byStream = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
                    }

                    byStream[e.Stream] = (rowState, $"{e.Stream} #{e.Seq}");
                }
            }

            if (e.SealId is { } sid)
            {
                if (!sealDigests.TryGetValue(sid, out var acc))
                {
                    acc = (0, IncrementalHash.CreateHash(HashAlgorithmName.SHA256));
                }

                acc.Hash.AppendData(Encoding.ASCII.GetBytes(e.Hash));
                sealDigests[sid] = (acc.Count + 1, acc.Hash);
            }
            else
            {
                unsealed++;
            }

            expectedSeq = e.Seq + 1;
            prevHash = e.Hash;
        }

        var seals = await db.AuditSeals.AsNoTracking().OrderBy(s => s.Number).ToListAsync(ct);
        VerifySeals(seals, sealDigests, trust, problems);
        var anchors = trust.Anchors();
        VerifyAnchors(seals, anchors, problems);
        var rows = await VerifyRowsAsync(db, commitments, problems, ct);
        return new AuditVerification(events, streams, seals.Count, unsealed, problems, rows, anchors.Count);
    }

    private static void VerifySeals(List<AuditSeal> seals, Dictionary<Guid, (int Count, IncrementalHash Hash)> sealDigests, AuditTrust trust,
        List<string> problems)
    {
        var prevSeal = AuditEvent.Genesis;
        long expectedNumber = 1;
        var keyedSince = (long?)null;
        foreach (var s in seals)
        {
            if (s.Number != expectedNumber)
            {
                problems.Add($"seal {expectedNumber} is missing (found {s.Number})");
            }

            if (s.Keyed)
            {
                keyedSince ??= s.Number;
                if (trust.SealKey is null)
                {
                    problems.Add($"seal {s.Number}: keyed, but no seal key is configured, so it cannot be checked (set Nolan:Audit:SealKey or SealKeyFile)");
                }
            }
            else if (keyedSince is { } since)
            {
                problems.Add($"seal {s.Number}: not keyed, though seals have been keyed since seal {since} (written without the key)");
            }

            var matches = s.Keyed
                ? trust.SealKey is null || new[] { trust.SealKey }.Concat(trust.PreviousKeys)
                    .Any(k => AuditSeal.ComputeHash(s.PrevHash, s.Number, s.At, s.EventCount, s.EventsDigest, k) == s.Hash)
                : AuditSeal.ComputeHash(s.PrevHash, s.Number, s.At, s.EventCount, s.EventsDigest) == s.Hash;
            if (s.PrevHash != prevSeal || !matches)
            {
                problems.Add($"seal {s.Number}: broken seal chain (altered, or recomputed without the seal key)");
            }

            var (count, hash) = sealDigests.Remove(s.Id, out var acc) ? (acc.Count, Convert.ToHexStringLower(acc.Hash.GetHashAndReset())) : (0, Digest([]));
            acc.Hash?.Dispose();
            if (count != s.EventCount || hash != s.EventsDigest)
            {
                problems.Add($"seal {s.Number}: sealed {s.EventCount} events but {count} match (events removed or altered)");
            }

            prevSeal = s.Hash;
            expectedNumber = s.Number + 1;
        }

        foreach (var (_, (count, hash)) in sealDigests)
        {
            problems.Add($"{count} events are marked as sealed by a seal that is missing (seal deleted)");
            hash.Dispose();
        }
    }

    private static void VerifyAnchors(List<AuditSeal> seals, IReadOnlyList<(long Number, string Hash)> anchors, List<string> problems)
    {
        var byNumber = seals.ToDictionary(s => s.Number);
        foreach (var (number, hash) in anchors)
        {
            if (!byNumber.TryGetValue(number, out var s))
            {
                problems.Add($"seal {number} was published in the anchor file but is missing from the database (history cut short or rewritten)");
            }
            else if (s.Hash != hash)
            {
                problems.Add($"seal {number} differs from the one published in the anchor file (history rewritten)");
            }
        }
    }

    private static async Task<long> VerifyRowsAsync(NolanDbContext db, Dictionary<string, Dictionary<string, (string State, string By)>> commitments,
        List<string> problems, CancellationToken ct)
    {
        long rows = 0;
        foreach (var type in AuditedTypes(db))
        {
            await foreach (var (key, stream, hash) in RowsAsync(db, type, ct))
            {
                rows++;
                if (!commitments.Remove(key, out var byStream)
                    || !(byStream.TryGetValue(stream, out var c) || byStream.TryGetValue(BaselineStream, out c)))
                {
                    problems.Add($"{key}: no audit event records this row (written outside Nolan)");
                }
                else if (c.State != hash)
                {
                    problems.Add($"{key}: differs from the state {c.By} recorded (changed outside Nolan)");
                }

                // Nolan's events only ever record rows of their own item.
                foreach (var (_, foreign) in byStream?.Where(x => x.Key != stream && x.Key != BaselineStream) ?? [])
                {
                    problems.Add($"{foreign.By}: records {key}, a row of another item (an event written outside Nolan)");
                }
            }
        }

        // Rows recorded but gone: a deletion Nolan made is recorded as such by the row's own item.
        foreach (var (key, byStream) in commitments.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            foreach (var (_, c) in byStream.Where(x => x.Value.State != RowState.Deleted))
            {
                problems.Add($"{key}: recorded by {c.By} but missing (deleted outside Nolan)");
            }
        }

        return rows;
    }

    /// <summary>The entity types that hold casework state (<see cref="IAuditedRow"/>).</summary>
    private static IEnumerable<IEntityType> AuditedTypes(NolanDbContext db) =>
        db.Model.GetEntityTypes().Where(t => typeof(IAuditedRow).IsAssignableFrom(t.ClrType)).OrderBy(t => t.ClrType.Name, StringComparer.Ordinal);

    private static IAsyncEnumerable<(string Key, string Stream, string Hash)> RowsAsync(NolanDbContext db, IEntityType type, CancellationToken ct) =>
        (IAsyncEnumerable<(string, string, string)>)RowsOfMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, type, ct])!;

    private static readonly MethodInfo RowsOfMethod = typeof(AuditChain).GetMethod(nameof(RowsOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static async IAsyncEnumerable<(string Key, string Stream, string Hash)> RowsOf<T>(NolanDbContext db, IEntityType type,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        where T : class
    {
        var key = type.FindPrimaryKey()!.Properties.Single().GetGetter();
        await foreach (var row in db.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var item = (IAuditedRow)row;
            yield return (RowState.Key(type, key.GetClrValue(row)!), $"{item.AuditItemType}/{item.AuditItemId}", RowState.Hash(type, p => p.GetGetter().GetClrValue(row)));
        }
    }

    private static string Digest(IEnumerable<string> hashes)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var x in hashes)
        {
            h.AppendData(Encoding.ASCII.GetBytes(x));
        }

        return Convert.ToHexStringLower(h.GetHashAndReset());
    }
}
