using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.DataStore;

namespace Nolan.Core.Notifications;

/// <summary>Sends one outbox message over a channel. Throws on failure; the outbox retries.</summary>
public interface IMessageSender : IAsyncDisposable
{
    MessageChannel Channel { get; }

    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>Opens a sender for a batch (one SMTP connection for many messages).</summary>
public interface IMessageSenderFactory
{
    Task<IMessageSender> OpenAsync(MessageChannel channel, CancellationToken ct);
}

/// <summary>Settings for outbox delivery.</summary>
public sealed class OutboxSettings
{
    /// <summary>
    /// How long a node's claim on a batch lasts. It must be longer than a batch can take to send (another node may
    /// take the rest of the batch after it), and it is how long the messages of a node that died wait before another
    /// node, or the same one restarted, takes them up.
    /// </summary>
    public TimeSpan Lease { get; init; } = OutboxDelivery.DefaultLease;
}

/// <summary>What one delivery round did.</summary>
public sealed record DeliveryRound(int Claimed, int Sent, int Retried, int Dead);

/// <summary>
/// Delivers due outbox messages. Work is claimed with a conditional UPDATE (row locks in PostgreSQL, the single
/// writer lock in SQLite) under a lease, so several nodes never send the same message at once, and a node that dies
/// mid-delivery leaves its claims to expire and be taken up by another (at-least-once, with the message's
/// de-duplication key as its Message-ID). Each message is recorded as sent in its own commit as soon as the server
/// has accepted it, so a crash can repeat at most the one message whose acceptance was not yet recorded.
/// </summary>
public sealed class OutboxDelivery(NolanDbContext db, IMessageSenderFactory senders, TimeProvider time, OutboxSettings? settings = null)
{
    public const int MaxAttempts = 8;

    /// <summary>How long a claim lasts unless configured (<see cref="OutboxSettings.Lease"/>).</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(2);

    private readonly TimeSpan _lease = settings?.Lease ?? DefaultLease;

    /// <summary>Back-off after the n-th failed attempt: 1, 4, 16, 64 minutes... capped at 6 hours.</summary>
    public static TimeSpan BackOff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(360, Math.Pow(4, Math.Max(0, attempts - 1))));

    /// <summary>Claims up to <paramref name="batch"/> due messages and sends them.</summary>
    public async Task<DeliveryRound> DeliverDueAsync(int batch = 50, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var claim = Guid.NewGuid().ToString("N");
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(batch).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return new DeliveryRound(0, 0, 0, 0);
        }

        var until = now + _lease;
        // The WHERE is re-checked under the row lock: of two nodes racing for a row, only one updates it.
        await db.OutboxMessages
            .Where(m => candidates.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntil, until), ct);
        // Rows were changed behind the change tracker's back: forget any stale copies before loading the claimed ones.
        foreach (var stale in db.ChangeTracker.Entries<OutboxMessage>().ToList())
        {
            stale.State = EntityState.Detached;
        }

        // By primary key: claimed_by has no index, and the outbox keeps every message it ever sent.
        var claimed = await db.OutboxMessages.Where(m => candidates.Contains(m.Id) && m.ClaimedBy == claim)
            .OrderBy(m => m.NextAttemptAt).ToListAsync(ct);

        // One connection for the batch, its records of sends committed without waiting for the disk (see QuickCommitsAsync).
        await db.Database.OpenConnectionAsync(ct);
        var quick = db.Database.CurrentTransaction is null;
        try
        {
            if (quick)
            {
                await QuickCommitsAsync(true, ct);
            }

            return await SendAsync(claimed, ct);
        }
        finally
        {
            try
            {
                if (quick)
                {
                    await QuickCommitsAsync(false, CancellationToken.None);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// Turns the flush to disk at each commit off (on = true) or back on, for this connection only: PostgreSQL's
    /// <c>synchronous_commit = off</c>, SQLite's <c>synchronous = NORMAL</c> (in WAL mode). Such a commit survives a
    /// crash of Nolan, since the database already has it, but not a crash of the database's machine, which may forget
    /// the last fraction of a second of commits. Here they only record that a message was sent: one forgotten means the
    /// message is sent again, with the same Message-ID; it can never mean a message lost. The flush was most of the time
    /// per message (bench/OUTBOX_RESULTS.md), and Nolan's crash, the likely one, still repeats at most one message.
    /// </summary>
    private Task<int> QuickCommitsAsync(bool on, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(
        db.IsSqlite ? (on ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = FULL") : (on ? "SET synchronous_commit = off" : "RESET synchronous_commit"), ct);

    private async Task<DeliveryRound> SendAsync(List<OutboxMessage> claimed, CancellationToken ct)
    {
        int sent = 0, retried = 0, dead = 0;
        foreach (var group in claimed.GroupBy(m => m.Channel))
        {
            IMessageSender? sender = null;
            try
            {
                sender = await senders.OpenAsync(group.Key, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                foreach (var m in group)
                {
                    (retried, dead) = Fail(m, e, retried, dead);
                }

                await db.SaveChangesAsync(ct);
                continue;
            }

            await using (sender)
            {
                foreach (var m in group)
                {
                    try
                    {
                        await sender.SendAsync(m, ct);
                        m.MarkSent(time.GetUtcNow());
                        sent++;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        (retried, dead) = Fail(m, e, retried, dead);
                    }

                    // Saved after every message: a crash loses at most the record of one send.
                    await db.SaveChangesAsync(ct);
                }
            }
        }

        return new DeliveryRound(claimed.Count, sent, retried, dead);
    }

    private (int Retried, int Dead) Fail(OutboxMessage m, Exception e, int retried, int dead)
    {
        m.Attempts++;
        m.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
        m.ClaimedBy = null;
        m.ClaimedUntil = null;
        if (m.Attempts >= MaxAttempts)
        {
            m.Status = OutboxStatus.Dead;
            return (retried, dead + 1);
        }

        m.NextAttemptAt = time.GetUtcNow() + BackOff(m.Attempts);
        return (retried + 1, dead);
    }

    /// <summary>Puts a dead message back in the queue (from the dead-letter page); audited in the same transaction.</summary>
    public async Task<bool> RetryAsync(Guid id, Access.Actor actor, Audit.AuditLog audit, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A message the retention policy emptied has nothing left to send.
        var changed = await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Dead && m.RedactedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, time.GetUtcNow()), ct) == 1;
        if (changed)
        {
            await audit.RecordAsync(actor, "outbox.retried", "outbox_message", id, null,
                new { Status = nameof(OutboxStatus.Dead) }, new { Status = nameof(OutboxStatus.Pending) }, ct: ct);
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return changed;
    }

    /// <summary>
    /// Drops the bodies of delivered messages that carried a secret (<see cref="OutboxMessage.RedactedOnceSent"/>) and
    /// still hold it: those sent before delivery dropped them itself. Run at start-up; a no-op once done.
    /// </summary>
    public static Task<int> RedactDeliveredSecretsAsync(NolanDbContext db, CancellationToken ct = default)
    {
        var templates = OutboxMessage.RedactedOnceSent.ToList();
        return db.OutboxMessages.Where(m => templates.Contains(m.TemplateKey) && m.Status == OutboxStatus.Sent && m.BodyText != OutboxMessage.RedactedBody)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.BodyText, OutboxMessage.RedactedBody)
                .SetProperty(m => m.BodyHtml, $"<p>{OutboxMessage.RedactedBody}</p>"), ct);
    }

    /// <summary>The Message-ID for a message: stable across retries, so receivers can drop a repeat.</summary>
    public static string MessageId(OutboxMessage m, string domain) =>
        $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(m.DedupKey)))[..32]}@{domain}";
}
