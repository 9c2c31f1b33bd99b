using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.DataStore;
using Nolan.Core.Notifications;

namespace Nolan.Web.Pages;

/// <summary>Your in-app notifications, newest first; opening the page leaves them unread until you mark them read.</summary>
public sealed class NotificationsModel(NolanDbContext db, Notifier notifier, Core.Audit.AuditLog audit) : NolanPageModel
{
    public IReadOnlyList<InAppNotification> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await db.InAppNotifications.AsNoTracking().Where(n => n.AccountId == Actor.AccountId)
            .OrderByDescending(n => n.CreatedAt).Take(50).ToListAsync(ct);

    public async Task<IActionResult> OnPostReadAsync(CancellationToken ct)
    {
        await notifier.MarkAllReadAsync(Actor, audit, ct);
        Flash("All notifications marked as read");
        return Redirect("/notifications");
    }
}
