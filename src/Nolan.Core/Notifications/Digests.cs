using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Calendar;
using Nolan.Core.DataStore;
using Nolan.Core.Enquiries;

namespace Nolan.Core.Notifications;

/// <summary>When digests go out, in London time.</summary>
public sealed class DigestSettings
{
    /// <summary>Hour of the day (0–23) at which daily digests are sent.</summary>
    public int DailyHour { get; set; } = 7;

    /// <summary>Day of the members' weekly digest of their open enquiries.</summary>
    public DayOfWeek WeeklyDay { get; set; } = DayOfWeek.Monday;

    /// <summary>Hour of the day (0–23) of the weekly digest.</summary>
    public int WeeklyHour { get; set; } = 7;
}

/// <summary>What one digest round queued.</summary>
public sealed record DigestRound(int Daily, int Weekly);

/// <summary>
/// Digests. <b>Daily</b>: people who chose one email a day have their messages held (<see cref="OutboxStatus.HeldForDigest"/>);
/// once a day, at <see cref="DigestSettings.DailyHour"/>, everything held before then goes out as one email and the
/// held messages are marked <see cref="OutboxStatus.Digested"/> in the same transaction. <b>Weekly</b>: members get
/// a list of their open enquiries each week, unless they turned it off. Both have de-duplication keys per person
/// and day, and claim what they digest with a conditional UPDATE, so several nodes send each digest once.
/// </summary>
public sealed class Digests(NolanDbContext db, MessageTemplates templates, Notifier notifier, TimeProvider time, DigestSettings settings)
{
    private const int MaxItems = 200;

    public async Task<DigestRound> RunAsync(CancellationToken ct = default) =>
        new(await DailyAsync(ct), await WeeklyAsync(ct));

    /// <summary>Sends each person's held messages from before the latest digest time as one email.</summary>
    public async Task<int> DailyAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var local = LondonTime.ToLocal(now);
        var day = DateOnly.FromDateTime(local);
        if (local.Hour < settings.DailyHour)
        {
            day = day.AddDays(-1);
        }

        var cutoff = LondonTime.At(day, new TimeOnly(Math.Clamp(settings.DailyHour, 0, 23), 0)).ToUniversalTime();
        var accounts = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.HeldForDigest && m.CreatedAt < cutoff && m.RecipientAccountId != null)
            .Select(m => m.RecipientAccountId!.Value).Distinct().ToListAsync(ct);
        var sent = 0;
        foreach (var account in accounts)
        {
            if (await DailyForAsync(account, day, cutoff, now, ct))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> DailyForAsync(Guid account, DateOnly day, DateTimeOffset cutoff, DateTimeOffset now, CancellationToken ct)
    {
        var held = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.RecipientAccountId == account && m.Status == OutboxStatus.HeldForDigest && m.CreatedAt < cutoff)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(MaxItems).ToListAsync(ct);
        if (held.Count == 0)
        {
            return false;
        }

        var latest = held[^1];
        var councils = held.Select(m => m.CouncilId).Distinct().ToList();
        var digest = new DailyDigest { Count = held.Count == 1 ? "1 message" : $"{held.Count} messages" };
        var values = digest.Values();
        values["name"] = latest.ToName;
        values["link"] = notifier.Link("/notifications");
        values["settings"] = notifier.Link("/account/notifications");
        var intro = templates.Render("default", digest.Template, values);

        // The held messages were rendered (and their values encoded) when they were queued: they are appended as they
        // are, each under its subject, which is encoded here.
        var text = new StringBuilder(intro.Text);
        var html = new StringBuilder(intro.Html);
        foreach (var m in held)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n---\n\n{m.Subject}\n({LondonTime.FormatDateTime(m.CreatedAt)})\n\n{m.BodyText}");
            html.Append(CultureInfo.InvariantCulture,
                $"<hr /><h2>{WebUtility.HtmlEncode(m.Subject)}</h2><p><small>{WebUtility.HtmlEncode(LondonTime.FormatDateTime(m.CreatedAt))}</small></p>{m.BodyHtml}");
        }

        var ids = held.Select(m => m.Id).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.HeldForDigest)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Digested).SetProperty(m => m.SentAt, now), ct);
        if (claimed != ids.Count)
        {
            // Another node is digesting the same messages: leave it to them.
            await tx.RollbackAsync(ct);
            return false;
        }

        db.OutboxMessages.Add(new OutboxMessage
        {
            CouncilId = councils.Count == 1 ? councils[0] : null,
            DedupKey = $"digest/{account}/{day:yyyy-MM-dd}/{held[0].Id}",
            RecipientAccountId = account,
            ToAddress = latest.ToAddress,
            ToName = latest.ToName,
            TemplateKey = digest.Template,
            Subject = intro.Subject,
            BodyText = text.ToString(),
            BodyHtml = html.ToString(),
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>On the weekly day, after the weekly hour: each member with open enquiries gets the list.</summary>
    public async Task<int> WeeklyAsync(CancellationToken ct = default)
    {
        var local = LondonTime.ToLocal(time.GetUtcNow());
        var today = DateOnly.FromDateTime(local);
        if (today.DayOfWeek != settings.WeeklyDay || local.Hour < settings.WeeklyHour)
        {
            return 0;
        }

        var keyPrefix = $"weekly/{today:yyyy-MM-dd}/";
        var done = (await db.OutboxMessages.AsNoTracking().Where(m => m.DedupKey.StartsWith(keyPrefix)).Select(m => m.DedupKey).ToListAsync(ct))
            .Concat(await db.InAppNotifications.AsNoTracking().Where(n => n.DedupKey.StartsWith(keyPrefix)).Select(n => n.DedupKey).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var open = await db.Enquiries.AsNoTracking()
            .Where(e => Enquiry.LiveStatuses.Contains(e.Status)
                && e.Member!.Active && e.Member.AccountId != null
                && db.Accounts.Any(a => a.Id == e.Member.AccountId && a.WeeklyDigest && !a.Disabled))
            .OrderBy(e => e.MemberId).ThenBy(e => e.ReceivedAt)
            .Select(e => new
            {
                e.MemberId,
                MemberName = e.Member!.Name,
                MemberEmail = e.Member.Email,
                e.Member.AccountId,
                e.CouncilId,
                CouncilSlug = db.Councils.Where(c => c.Id == e.CouncilId).Select(c => c.Slug).First(),
                e.Reference,
                e.Subject,
                e.Status,
                e.DueOn,
                e.PromisedBy,
                e.VeryOverdueAfter,
                e.ExplainedOn,
                Officer = e.AssignedOfficer == null ? null : e.AssignedOfficer.Name,
            })
            .ToListAsync(ct);

        var sent = 0;
        foreach (var member in open.GroupBy(e => e.MemberId))
        {
            var key = $"{keyPrefix}{member.Key}";
            if (done.Contains(key))
            {
                continue;
            }

            var first = member.First();
            var items = string.Join("\n", member.Select(e =>
            {
                var due = e.PromisedBy ?? e.DueOn;
                var when = due is { } d ? $"due by {LondonTime.FormatDate(d)}" : "no deadline set by your protocol";
                var late = Enquiry.TimelinessOf(e.Status, e.DueOn, e.PromisedBy, e.VeryOverdueAfter, e.ExplainedOn, today) is Timeliness.Overdue or Timeliness.VeryOverdue
                    ? " (overdue)" : "";
                return $"- {e.Reference}: {e.Subject} ({EnquiryText.Status(e.Status).ToLowerInvariant()}, {when}{late}{(e.Officer is null ? "" : $", with {e.Officer}")})";
            }));
            var count = member.Count();
            await notifier.QueueAsync(first.CouncilId, first.CouncilSlug, new Recipient(first.AccountId, first.MemberName, first.MemberEmail),
                new MemberWeeklyDigest { Count = count == 1 ? "1 open enquiry" : $"{count} open enquiries", Items = items },
                key, "/enquiries?scope=mine", ct: ct);
            try
            {
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (DbUpdateException)
            {
                // Another node sent this member's digest between the check and the insert.
                db.ChangeTracker.Clear();
            }
        }

        return sent;
    }
}
