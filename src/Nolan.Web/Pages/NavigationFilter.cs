using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolan.Core.CouncilDirectory;
using Nolan.Web.Pages.Shared;
using Nolan.Web.Security;

namespace Nolan.Web.Pages;

/// <summary>Builds every page's frame: the council's identity, and the service navigation from what the signed-in person does.</summary>
public sealed class NavigationFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance is PageModel framed)
        {
            var signedIn = context.HttpContext.Items.ContainsKey("nolan.actor") ? ActorMiddleware.ActorOf(context.HttpContext) : null;
            var frames = context.HttpContext.RequestServices.GetRequiredService<PageFrames>();
            framed.ViewData["Frame"] = await frames.ForAsync(context.HttpContext.RequestServices.GetRequiredService<Core.DataStore.NolanDbContext>(),
                signedIn, context.HttpContext.Request.Query["council"].ToString(), context.HttpContext.RequestAborted);
        }

        if (context.HandlerInstance is PageModel page && context.HttpContext.Items.ContainsKey("nolan.actor"))
        {
            var actor = ActorMiddleware.ActorOf(context.HttpContext);
            var path = context.HttpContext.Request.Path.Value ?? "/";
            var scope = context.HttpContext.Request.Query["scope"].ToString();
            var items = new List<NavigationItem>();
            if (actor.IsMember)
            {
                items.Add(new("My enquiries", "/enquiries?scope=mine", path == "/enquiries" && scope is "mine" or ""));
            }

            if (actor.IsOfficer)
            {
                items.Add(new("Assigned to me", "/enquiries?scope=assigned-to-me", path == "/enquiries" && scope == "assigned-to-me"));
                if (actor.ManagesOfficers)
                {
                    items.Add(new("My team", "/enquiries?scope=team", path == "/enquiries" && scope is "team" or "team-overdue"));
                }
            }

            if (actor.CouncilsWhere(OfficerRoles.MembersSupportHub).Count > 0)
            {
                items.Add(new("Triage", "/enquiries?scope=triage", path == "/enquiries" && scope == "triage"));
                items.Add(new("All enquiries", "/enquiries?scope=council", path == "/enquiries" && scope == "council"));
            }

            // Council figures for Democratic Services, the Monitoring Officer and the Chief Executive; team figures for managers.
            if (actor.OfficerCouncils.Values.Any(r => (r & Core.Monitoring.MonitoringReports.CouncilMonitors) != 0) || actor.ManagesOfficers)
            {
                items.Add(new("Monitoring", "/monitoring", path.StartsWith("/monitoring", StringComparison.Ordinal)));
            }

            if (actor.IsSystemAdmin)
            {
                items.Add(new("Failed messages", "/admin/outbox", path.StartsWith("/admin/outbox", StringComparison.Ordinal)));
            }

            if (CouncilIdentity.EditableBy(actor).Count > 0)
            {
                items.Add(new("Service settings", "/admin/council", path.StartsWith("/admin/council", StringComparison.Ordinal)));
            }

            if (actor.IsSystemAdmin || actor.CouncilsWhere(OfficerRoles.MembersSupportHub).Count > 0)
            {
                items.Add(new("Messages", "/admin/templates", path.StartsWith("/admin/templates", StringComparison.Ordinal)));
            }

            if (Core.DataProtection.SubjectAccess.CouncilsOf(actor).Count > 0)
            {
                items.Add(new("Data protection", "/data-protection/subject-access", path.StartsWith("/data-protection", StringComparison.Ordinal)));
            }

            items.Add(new("Our protocol", "/protocol", path.StartsWith("/protocol", StringComparison.Ordinal)));
            var db = context.HttpContext.RequestServices.GetRequiredService<Core.DataStore.NolanDbContext>();
            var unread = await db.InAppNotifications.CountAsync(n => n.AccountId == actor.AccountId && n.ReadAt == null, context.HttpContext.RequestAborted);
            items.Add(new(unread > 0 ? $"Notifications ({unread})" : "Notifications", "/notifications", path.StartsWith("/notifications", StringComparison.Ordinal)));
            if (actor.IsOfficer)
            {
                items.Add(new("Out of office", "/account/out-of-office", path.StartsWith("/account/out-of-office", StringComparison.Ordinal)));
            }

            // API tokens are an account setting (linked from the person's name), not a daily destination.
            page.ViewData["Navigation"] = items;
        }

        await next();
    }
}
