namespace Nolan.Core.Notifications;

public enum MessageChannel
{
    Email,
    GovukNotify,
}

public enum OutboxStatus
{
    /// <summary>Waiting to be sent (or to be retried at <see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Pending,
    /// <summary>Held for the recipient's daily digest.</summary>
    HeldForDigest,
    Sent,
    /// <summary>Gave up after the last retry: shown to administrators on the dead-letter page.</summary>
    Dead,
    /// <summary>Included in a digest message instead of being sent alone.</summary>
    Digested,
}

/// <summary>
/// A message to send, written in the same transaction as the change that causes it and delivered by the outbox
/// worker. <see cref="DedupKey"/> is unique: the same logical message (e.g. one overdue reminder for one enquiry on
/// one day) is queued once however many nodes try; it is also the message's Message-ID, so a receiving system can
/// tell a retried delivery from a new message.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? CouncilId { get; init; }
    public required string DedupKey { get; init; }
    public MessageChannel Channel { get; init; } = MessageChannel.Email;
    public Guid? RecipientAccountId { get; init; }
    public required string ToAddress { get; init; }
    public required string ToName { get; init; }
    public required string TemplateKey { get; init; }
    public required string Subject { get; init; }
    public required string BodyText { get; set; }
    public required string BodyHtml { get; set; }
    /// <summary>Optional iCalendar attachment (text/calendar).</summary>
    public string? Calendar { get; init; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>The node holding a claim on it, until <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>When the retention policy emptied its subject and bodies (docs/operations.md); null while they are kept.</summary>
    public DateTimeOffset? RedactedAt { get; set; }

    /// <summary>What a delivered message's body is replaced by when it carried a secret.</summary>
    public const string RedactedBody = "[Removed once delivered: it held a single-use link.]";

    /// <summary>
    /// Templates whose body carries a secret: a password-reset link sets the account's password for whoever holds it.
    /// Once the mail server has accepted it, Nolan keeps that it was sent, to whom, when and its subject, not the link:
    /// the outbox keeps every message it sent, and a copy of a working link in the database is a way into the account
    /// for anyone who can read a backup.
    /// </summary>
    public static readonly IReadOnlySet<string> RedactedOnceSent = new HashSet<string>(StringComparer.Ordinal) { PasswordResetRequested.Key };

    /// <summary>Marks the message sent, dropping its body if it carried a secret.</summary>
    public void MarkSent(DateTimeOffset at)
    {
        Status = OutboxStatus.Sent;
        SentAt = at;
        Attempts++;
        ClaimedBy = null;
        ClaimedUntil = null;
        LastError = null;
        if (RedactedOnceSent.Contains(TemplateKey))
        {
            BodyText = RedactedBody;
            BodyHtml = $"<p>{RedactedBody}</p>";
            RedactedAt = at;
        }
    }
}

/// <summary>An in-app notification: shown in the header count and on the notifications page.</summary>
public sealed class InAppNotification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid AccountId { get; init; }
    public Guid? CouncilId { get; init; }
    public required string DedupKey { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public string? Link { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
}
