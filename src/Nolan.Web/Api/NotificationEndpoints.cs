using Microsoft.EntityFrameworkCore;
using Nolan.Core.DataStore;
using Nolan.Web.Security;

namespace Nolan.Web.Api;

/// <summary>In-app notifications: <c>/api/v1/notifications</c>.</summary>
public static class NotificationEndpoints
{
    public static void MapNotificationApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.SignedIn);
        g.MapGet("/", async (HttpContext http, NolanDbContext db) =>
        {
            var me = ActorMiddleware.ActorOf(http).AccountId;
            var items = await db.InAppNotifications.AsNoTracking().Where(n => n.AccountId == me)
                .OrderByDescending(n => n.CreatedAt).Take(50)
                .Select(n => new { n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt }).ToListAsync(http.RequestAborted);
            var unread = await db.InAppNotifications.CountAsync(n => n.AccountId == me && n.ReadAt == null, http.RequestAborted);
            return Results.Json(new { unread, items }, ApiJson.Options);
        }).WithSummary("Your latest notifications and how many are unread.");
        g.MapPost("/read", async (HttpContext http, Core.Notifications.Notifier notifier, Core.Audit.AuditLog audit) =>
        {
            var marked = await notifier.MarkAllReadAsync(ActorMiddleware.ActorOf(http), audit, http.RequestAborted);
            return Results.Json(new { marked }, ApiJson.Options);
        }).AddEndpointFilter<IdempotencyFilter>().WithSummary("Mark all your notifications as read.");
    }
}
