using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using Nolan.Core.Access;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Web.Hosting;

namespace Nolan.Web.Pages.Shared;

/// <summary>What every page's header, title and footer say: the council's identity, never GOV.UK's.</summary>
public sealed record PageFrame(string ServiceName, CouncilLook? Council)
{
    public static readonly PageFrame Default = new(CouncilIdentity.DefaultServiceName, null);

    public IReadOnlyList<CouncilPageKind> FooterPages => CouncilIdentity.PageKinds;
}

/// <summary>The parts of a council the frame shows (cached: read on every page).</summary>
public sealed record CouncilLook(Guid Id, string Slug, string Name, string ServiceName, string? BrandColour, string? LogoPath);

/// <summary>Finds the council a page is shown for, and its look.</summary>
public sealed class PageFrames(HybridCache cache, IOptions<NolanOptions> options)
{
    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = TimeSpan.FromSeconds(30), LocalCacheExpiration = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// The signed-in person's council (a member's seat first, else the first council they serve); for someone not
    /// signed in, the council named in <c>?council=</c>, else the installation's <c>Nolan:DefaultCouncil</c>.
    /// </summary>
    public async Task<PageFrame> ForAsync(NolanDbContext db, Actor? actor, string? councilSlug, CancellationToken ct)
    {
        CouncilLook? look = null;
        if (actor is not null)
        {
            var id = actor.Members.Select(m => (Guid?)m.CouncilId).FirstOrDefault() ?? actor.OfficerCouncils.Keys.Select(k => (Guid?)k).FirstOrDefault();
            look = id is { } councilId ? await ByKeyAsync(db, councilId.ToString(), ct) : null;
        }
        else
        {
            var slug = string.IsNullOrWhiteSpace(councilSlug) ? options.Value.DefaultCouncil : councilSlug;
            look = string.IsNullOrWhiteSpace(slug) || slug.Length > 80 ? null : await ByKeyAsync(db, slug, ct);
        }

        return look is null ? PageFrame.Default : new PageFrame(look.ServiceName, look);
    }

    public async Task<CouncilLook?> ByKeyAsync(NolanDbContext db, string idOrSlug, CancellationToken ct) =>
        await cache.GetOrCreateAsync("council-look/" + idOrSlug, (db, idOrSlug), static async (state, token) =>
        {
            var (db, key) = state;
            var query = Guid.TryParse(key, out var id) ? db.Councils.Where(c => c.Id == id) : db.Councils.Where(c => c.Slug == key);
            return await query.AsNoTracking()
                .Select(c => new CouncilLook(c.Id, c.Slug, c.Name, c.ServiceName, c.BrandColour, c.LogoPath)).FirstOrDefaultAsync(token);
        }, Entry, cancellationToken: ct);

    /// <summary>After a change: this node shows it at once, others within 30 seconds.</summary>
    public async Task ForgetAsync(Council council)
    {
        await cache.RemoveAsync("council-look/" + council.Id);
        await cache.RemoveAsync("council-look/" + council.Slug);
    }
}
