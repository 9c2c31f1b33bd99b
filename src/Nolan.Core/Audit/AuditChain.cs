using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.DataStore;

namespace Nolan.Core.Audit;

/// <summary>The outcome of verifying the audit trail.</summary>
public sealed record AuditVerification(long Events, long Streams, long Seals, long Unsealed, IReadOnlyList<string> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>Seals new audit events and verifies every chain.</summary>
public static class AuditChain
{
    private const int MaxEventsPerSeal = 20_000;

    /// <summary>Seals events not yet covered by a seal. Returns the number sealed (0 when there were none).</summary>
    public static async Task<int> SealAsync(NolanDbContext db, TimeProvider time, CancellationToken ct = default)
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
            Hash = AuditSeal.ComputeHash(prev, number, at, pending.Count, digest),
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.AuditSeals.Add(seal);
        await db.SaveChangesAsync(ct);
        foreach (var chunk in pending.Select(p => p.Id).Chunk(500))
        {
            await db.AuditEvents.Where(e => chunk.Contains(e.Id) && e.SealId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.SealId, seal.Id), ct);
        }

        await tx.CommitAsync(ct);
        return pending.Count;
    }

    /// <summary>Checks every stream's hash chain and the seal chain.</summary>
    public static async Task<AuditVerification> VerifyAsync(NolanDbContext db, CancellationToken ct = default)
    {
        var problems = new List<string>();
        long events = 0, streams = 0, unsealed = 0;
        string? stream = null;
        var expectedSeq = 0;
        var prevHash = AuditEvent.Genesis;
        var sealDigests = new Dictionary<Guid, (int Count, IncrementalHash Hash)>();

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
        var prevSeal = AuditEvent.Genesis;
        long expectedNumber = 1;
        foreach (var s in seals)
        {
            if (s.Number != expectedNumber)
            {
                problems.Add($"seal {expectedNumber} is missing (found {s.Number})");
            }

            if (s.PrevHash != prevSeal || AuditSeal.ComputeHash(s.PrevHash, s.Number, s.At, s.EventCount, s.EventsDigest) != s.Hash)
            {
                problems.Add($"seal {s.Number}: broken seal chain");
            }

            var (count, hash) = sealDigests.TryGetValue(s.Id, out var acc) ? (acc.Count, Convert.ToHexStringLower(acc.Hash.GetHashAndReset())) : (0, Digest([]));
            if (count != s.EventCount || hash != s.EventsDigest)
            {
                problems.Add($"seal {s.Number}: sealed {s.EventCount} events but {count} match (events removed or altered)");
            }

            prevSeal = s.Hash;
            expectedNumber = s.Number + 1;
        }

        foreach (var acc in sealDigests.Values)
        {
            acc.Hash.Dispose();
        }

        return new AuditVerification(events, streams, seals.Count, unsealed, problems);
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
