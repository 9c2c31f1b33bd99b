using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.DataStore;

namespace Nolan.Core.Notifications;

/// <summary>Who a message is for: their directory name and address, and their account if they can sign in.</summary>
public sealed record Recipient(Guid? AccountId, string Name, string Email);

/// <summary>Settings for messages: the address links point to.</summary>
public sealed class NotificationSettings
{
    /// <summary>Nolan's public address, used in links in messages, e.g. <c>https://nolan.example.gov.uk</c>.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";
}

/// <summary>
/// Queues notifications in the caller's unit of work, so they commit (or not) with the change that causes them:
/// an in-app notification and/or an outbox email, by the recipient's preference. Email for a council configured
/// for GOV.UK Notify goes through Notify, except a message with a calendar invitation: Notify's email endpoint takes
/// no attachments, so that one stays on SMTP.
/// </summary>
public sealed class Notifier(NolanDbContext db, MessageTemplates templates, TimeProvider time, NotificationSettings settings, NotifySettings notify)
{
    private readonly Dictionary<Guid, (DeliveryPreference NotifyBy, bool Digest)> _prefs = [];

    public string Link(string path) => settings.PublicUrl.TrimEnd('/') + path;

    /// <summary>Adds the message for <paramref name="to"/>. <paramref name="dedupKey"/> must identify this message uniquely.</summary>
    public Task QueueAsync(Guid? councilId, string councilSlug, Recipient to, Message message, string dedupKey,
        string? linkPath, string? calendar = null, CancellationToken ct = default) =>
        QueueAsync(councilId, councilSlug, to, message.Template, dedupKey, message.Values(), linkPath, calendar, ct);

    /// <summary>
    /// A message about the account itself (a password reset link): by email only, now, whatever the person's
    /// preferences, never held for a digest nor shown in the app.
    /// </summary>
    public Task QueueSecurityEmailAsync(Recipient to, Message message, string dedupKey, string linkPath, CancellationToken ct = default) =>
        QueueAsync(null, "default", to, message.Template, dedupKey, message.Values(), linkPath, null, ct, security: true);

    private async Task QueueAsync(Guid? councilId, string councilSlug, Recipient to, string templateKey, string dedupKey,
        Dictionary<string, string> values, string? linkPath, string? calendar, CancellationToken ct, bool security = false)
    {
        values["settings"] = Link("/account/notifications");
        values["name"] = to.Name;
        if (linkPath is not null)
        {
            values["link"] = Link(linkPath);
        }

        var message = templates.Render(councilSlug, templateKey, values);
        var (notifyBy, digest) = security ? (DeliveryPreference.Email, false) : await PreferencesAsync(to.AccountId, ct);
        var now = time.GetUtcNow();
        if (to.AccountId is { } account && notifyBy != DeliveryPreference.Email)
        {
            db.InAppNotifications.Add(new InAppNotification
            {
                AccountId = account,
                CouncilId = councilId,
                DedupKey = dedupKey,
                Title = message.Subject,
                Body = message.Text.Length > 2000 ? message.Text[..2000] : message.Text,
                Link = linkPath,
                CreatedAt = now,
            });
        }

        if (notifyBy != DeliveryPreference.InApp && !string.IsNullOrWhiteSpace(to.Email))
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                CouncilId = councilId,
                DedupKey = dedupKey,
                Channel = calendar is null && notify.IsUsedBy(councilId, councilSlug) ? MessageChannel.GovukNotify : MessageChannel.Email,
                RecipientAccountId = to.AccountId,
                ToAddress = to.Email,
                ToName = to.Name,
                TemplateKey = templateKey,
                Subject = message.Subject,
                BodyText = message.Text,
                BodyHtml = message.Html,
                Calendar = calendar,
                Status = digest ? OutboxStatus.HeldForDigest : OutboxStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }

    /// <summary>Marks all of the actor's in-app notifications read (audited); returns how many.</summary>
    public async Task<int> MarkAllReadAsync(Actor actor, Audit.AuditLog audit, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var ids = await db.InAppNotifications.Where(n => n.AccountId == actor.AccountId && n.ReadAt == null).Select(n => n.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.InAppNotifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), ct);
        await audit.RecordAsync(actor, "notifications.marked_read", "account", actor.AccountId, null, null, new { Count = ids.Count }, ct: ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return ids.Count;
    }

    /// <summary>Loads several recipients' preferences in one query, before queueing messages to them.</summary>
    public async Task PrepareAsync(IEnumerable<Guid?> accountIds, CancellationToken ct = default)
    {
        var ids = accountIds.OfType<Guid>().Where(id => !_prefs.ContainsKey(id)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var found = await db.Accounts.AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => new { x.Id, x.NotifyBy, x.DailyDigest }).ToListAsync(ct);
        foreach (var id in ids)
        {
            var a = found.FirstOrDefault(x => x.Id == id);
            _prefs[id] = a is null ? (DeliveryPreference.Email, false) : (a.NotifyBy, a.DailyDigest);
        }
    }

    private async Task<(DeliveryPreference, bool)> PreferencesAsync(Guid? accountId, CancellationToken ct)
    {
        if (accountId is not { } id)
        {
            return (DeliveryPreference.Email, false);
        }

        await PrepareAsync([id], ct);
        return _prefs[id];
    }
}
