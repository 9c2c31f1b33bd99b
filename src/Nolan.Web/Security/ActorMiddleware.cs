using System.Security.Claims;
using Microsoft.Extensions.Caching.Hybrid;
using Nolan.Core.Access;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;

namespace Nolan.Web.Security;

/// <summary>
/// Resolves the signed-in account to an <see cref="Actor"/> (who they are as member and officer, in which
/// councils) and adds role claims for the policies. Cached for a few seconds per account in a
/// <see cref="HybridCache"/> (when an entry expires, one request reloads it and concurrent ones wait for it): a change of
/// role reaches every node within <see cref="CacheFor"/>.
/// </summary>
public sealed class ActorMiddleware(RequestDelegate next)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    internal const string ItemKey = "nolan.actor";

    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = CacheFor, LocalCacheExpiration = CacheFor };

    public async Task InvokeAsync(HttpContext context, HybridCache cache, NolanDbContext db)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId))
        {
            var actor = await cache.GetOrCreateAsync($"actor/{accountId}", (db, accountId),
                static async (state, ct) => await Actor.LoadAsync(state.db, state.accountId, ct), Entry, cancellationToken: context.RequestAborted);
            if (actor is null)
            {
                // The account was disabled or removed: treat the request as anonymous.
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else
            {
                context.Items[ItemKey] = actor;
                var roles = new ClaimsIdentity("nolan");
                if (actor.IsMember)
                {
                    roles.AddClaim(new Claim(ClaimTypes.Role, NolanRoles.Member));
                }

                if (actor.IsOfficer)
                {
                    roles.AddClaim(new Claim(ClaimTypes.Role, NolanRoles.Officer));
                }

                if (actor.CouncilsWhere(OfficerRoles.MembersSupportHub).Count > 0)
                {
                    roles.AddClaim(new Claim(ClaimTypes.Role, NolanRoles.Hub));
                }

                if (Core.DataProtection.SubjectAccess.CouncilsOf(actor).Count > 0)
                {
                    roles.AddClaim(new Claim(ClaimTypes.Role, NolanRoles.DataProtection));
                }

                if (actor.IsSystemAdmin)
                {
                    roles.AddClaim(new Claim(ClaimTypes.Role, NolanRoles.SystemAdmin));
                }

                context.User.AddIdentity(roles);
            }
        }

        await next(context);
    }

    /// <summary>The actor of the current request. Only call behind an authorization policy.</summary>
    public static Actor ActorOf(HttpContext context) =>
        context.Items[ItemKey] as Actor ?? throw new InvalidOperationException("No signed-in actor: is the endpoint missing a policy?");
}
