using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.Audit;
using Nolan.Core.Calendar;
using Nolan.Core.DataStore;
using Nolan.Core.Enquiries;
using Nolan.Core.Notifications;

namespace Nolan.Core.DataProtection;

/// <summary>What one run of the retention policy changed.</summary>
public sealed record RetentionRun(int Enquiries, int FileNoteEnquiries, int Messages, int InAppNotifications)
{
    public int Total => Enquiries + FileNoteEnquiries + Messages + InAppNotifications;
}

/// <summary>
/// Applies the retention periods (<see cref="RetentionSettings"/>): personal data past its period is replaced by a
/// marker naming the policy and the day, and the fact that remains (reference, dates, status, service, ward, member and
/// officer, timings: everything the monitoring figures count) is kept. Each enquiry is changed as any change is, with
/// an audit event on its own chain committing to its redacted rows, so <c>verify-audit</c> still passes; messages are not
/// casework, and one event per run records which were emptied. A run changes at most
/// <see cref="RetentionSettings.BatchSize"/> records of each kind, and a second run over the same data changes nothing:
/// a record already carrying the marker is not a candidate.
/// </summary>
public sealed class Retention(NolanDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>Every redacted field begins with this; it is how a redacted record is told from one still to do.</summary>
    public const string MarkerPrefix = "[removed under the retention policy";

    /// <summary>The actor of every redaction: the system, acting under the council's retention policy.</summary>
    public static readonly Actor System = new() { AccountId = Guid.Empty, Name = "Nolan (retention policy)" };

    /// <summary>The marker that replaces personal data, e.g. <c>[removed under the retention policy on 2032-12-01]</c>.</summary>
    public static string Marker(DateOnly on) => $"{MarkerPrefix} on {on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}]";

    private static readonly string PasswordReset = new PasswordResetRequested { Minutes = "" }.Template;

    /// <summary>Officers' working entries: the file notes and discussions members never see.</summary>
    private static readonly Expression<Func<EnquiryActivity, bool>> InternalTextLeft = a => a.Internal
        && ((a.Body != null && !a.Body.StartsWith(MarkerPrefix))
            || (a.Reason != null && !a.Reason.StartsWith(MarkerPrefix))
            || (a.ActionTaken != null && !a.ActionTaken.StartsWith(MarkerPrefix)));

    public async Task<RetentionRun> ApplyAsync(RetentionSettings settings, CancellationToken ct = default)
    {
        var now = AuditLog.TruncateToMicroseconds(time.GetUtcNow());
        var marker = Marker(LondonTime.ToLocalDate(now));
        var enquiries = await RedactEnquiriesAsync(settings, now, marker, ct);
        var notes = await RedactFileNotesAsync(settings, now, marker, ct);
        var (messages, notifications) = await RedactMessagesAsync(settings, now, marker, ct);
        return new RetentionRun(enquiries, notes, messages, notifications);
    }

    /// <summary>Finished enquiries past their period: every personal field and every entry's text.</summary>
    private async Task<int> RedactEnquiriesAsync(RetentionSettings s, DateTimeOffset now, string marker, CancellationToken ct)
    {
        var closedBefore = now.AddYears(-s.ClosedEnquiryYears);
        var constituentBefore = now.AddYears(-Math.Min(s.ConstituentDataYears, s.ClosedEnquiryYears));
        var finished = Enquiry.FinishedStatuses.ToList();
        // Closure is ClosedAt; an answered enquiry nobody closed finished when it was answered.
        var ids = await db.Enquiries.AsNoTracking()
            .Where(e => finished.Contains(e.Status) && !e.Details.StartsWith(MarkerPrefix))
            .Where(e => (e.ClosedAt ?? e.AnsweredAt) < closedBefore || (e.HasConstituentData && (e.ClosedAt ?? e.AnsweredAt) < constituentBefore))
            .OrderBy(e => e.ClosedAt ?? e.AnsweredAt).ThenBy(e => e.Id)
            .Select(e => e.Id).Take(s.BatchSize).ToListAsync(ct);
        var done = 0;
        foreach (var id in ids)
        {
            done += await RedactOneAsync(id, now, marker, full: true,
                new { Policy = "closed enquiry", s.ClosedEnquiryYears, s.ConstituentDataYears }, ct) ? 1 : 0;
        }

        return done;
    }

    /// <summary>Finished enquiries whose officers' working entries are past <see cref="RetentionSettings.FileNoteYears"/>.</summary>
    private async Task<int> RedactFileNotesAsync(RetentionSettings s, DateTimeOffset now, string marker, CancellationToken ct)
    {
        var before = now.AddYears(-s.FileNoteYears);
        var finished = Enquiry.FinishedStatuses.ToList();
        var ids = await db.Enquiries.AsNoTracking()
            .Where(e => finished.Contains(e.Status) && (e.ClosedAt ?? e.AnsweredAt) < before)
            .Where(e => db.EnquiryActivities.Where(a => a.EnquiryId == e.Id).Any(InternalTextLeft))
            .OrderBy(e => e.ClosedAt ?? e.AnsweredAt).ThenBy(e => e.Id)
            .Select(e => e.Id).Take(s.BatchSize).ToListAsync(ct);
        var done = 0;
        foreach (var id in ids)
        {
            done += await RedactOneAsync(id, now, marker, full: false, new { Policy = "file notes", s.FileNoteYears }, ct) ? 1 : 0;
        }

        return done;
    }

    /// <summary>
    /// Redacts one enquiry in its own unit of work, with its audit event. The event records which fields and entries
    /// were emptied, never what they held. A change racing a person's change to the same enquiry loses and is retried on
    /// the next run.
    /// </summary>
    private async Task<bool> RedactOneAsync(Guid id, DateTimeOffset now, string marker, bool full, object policy, CancellationToken ct)
    {
        var e = await db.Enquiries.Include(x => x.Activities).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !e.IsFinished)
        {
            return false;
        }

        var fields = new List<string>();
        if (full)
        {
            e.Subject = Replace(e.Subject, nameof(Enquiry.Subject))!;
            e.Details = Replace(e.Details, nameof(Enquiry.Details))!;
            e.ConsentEvidence = Replace(e.ConsentEvidence, nameof(Enquiry.ConsentEvidence));
            e.UrgencyRequested = Replace(e.UrgencyRequested, nameof(Enquiry.UrgencyRequested));
        }

        var entries = new List<Guid>();
        foreach (var a in e.Activities.Where(a => full || a.Internal))
        {
            // The file's entries are written once and never edited; the retention policy is the one exception.
            var entry = db.Entry(a);
            var changed = false;
            foreach (var p in new[] { nameof(EnquiryActivity.Body), nameof(EnquiryActivity.Reason), nameof(EnquiryActivity.ActionTaken) })
            {
                var property = entry.Property<string?>(p);
                if (property.CurrentValue is { } text && !text.StartsWith(MarkerPrefix, StringComparison.Ordinal))
                {
                    property.CurrentValue = marker;
                    changed = true;
                }
            }

            if (changed)
            {
                entries.Add(a.Id);
            }
        }

        if (fields.Count == 0 && entries.Count == 0)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        e.Version++;
        e.UpdatedAt = now;
        await audit.RecordAsync(System, full ? "enquiry.personal_data_removed" : "enquiry.file_notes_removed", EnquiryAccess.Type, e.Id, e.CouncilId,
            null, new { Policy = policy, Fields = fields, Entries = entries, Marker = marker, FinishedAt = e.ClosedAt ?? e.AnsweredAt }, ct: ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsRacingWrite(ex))
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
            audit.Reset();
        }

        string? Replace(string? value, string field)
        {
            if (value is null || value.StartsWith(MarkerPrefix, StringComparison.Ordinal))
            {
                return value;
            }

            fields.Add(field);
            return marker;
        }
    }

    /// <summary>
    /// Messages past <see cref="RetentionSettings.SentMessageDays"/> (and password-reset emails once sent) lose their
    /// subject, bodies and calendar attachment; who they went to, which template, when and whether they arrived is kept.
    /// In-app notifications past the same period are deleted. One audit event records the run.
    /// </summary>
    private async Task<(int Messages, int Notifications)> RedactMessagesAsync(RetentionSettings s, DateTimeOffset now, string marker, CancellationToken ct)
    {
        var before = now.AddDays(-s.SentMessageDays);
        var resetBefore = now.AddDays(-1);
        var ids = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.RedactedAt == null && (
                ((m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Digested) && m.SentAt < before)
                || (m.Status == OutboxStatus.Dead && m.CreatedAt < before)
                || (m.TemplateKey == PasswordReset && (m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Dead || m.CreatedAt < resetBefore))))
            .OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(s.BatchSize).ToListAsync(ct);
        var notifications = await db.InAppNotifications.AsNoTracking().Where(n => n.CreatedAt < before)
            .OrderBy(n => n.CreatedAt).Select(n => n.Id).Take(s.BatchSize).ToListAsync(ct);
        if (ids.Count == 0 && notifications.Count == 0)
        {
            return (0, 0);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var messages = ids.Count == 0 ? 0 : await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.RedactedAt == null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Subject, marker)
                .SetProperty(m => m.BodyText, marker)
                .SetProperty(m => m.BodyHtml, marker)
                .SetProperty(m => m.Calendar, (string?)null)
                .SetProperty(m => m.RedactedAt, now), ct);
        var deleted = notifications.Count == 0 ? 0 : await db.InAppNotifications.Where(n => notifications.Contains(n.Id)).ExecuteDeleteAsync(ct);
        await audit.RecordAsync(System, "retention.messages_removed", "retention", Guid.CreateVersion7(), null, null,
            new { Policy = "messages sent", s.SentMessageDays, Marker = marker, Messages = ids, InAppNotificationsDeleted = deleted }, newStream: true, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        audit.Reset();
        return (messages, deleted);
    }
}
