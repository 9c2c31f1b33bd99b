using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Nolan.Core.DataStore;

namespace Nolan.Core.CouncilDirectory;

/// <summary>A council's wards and services (each with its manager), as read for routing and validation.</summary>
public sealed record CouncilDirectorySnapshot(IReadOnlyDictionary<Guid, Ward> Wards, IReadOnlyDictionary<Guid, Service> Services);

/// <summary>
/// Wards and services change a few times a year and are read on every enquiry logged: they are cached per council
/// for <see cref="CacheFor"/>, like the council's protocol. The entities are detached copies: never modify them.
/// </summary>
public sealed class DirectoryCache(IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<CouncilDirectorySnapshot> ForAsync(NolanDbContext db, Guid councilId, CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(("council-directory", councilId), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = CacheFor;
            var wards = await db.Wards.AsNoTracking().Where(w => w.CouncilId == councilId).ToDictionaryAsync(w => w.Id, ct);
            var services = await db.Services.AsNoTracking().Include(s => s.Manager).Where(s => s.CouncilId == councilId)
                .ToDictionaryAsync(s => s.Id, ct);
            return new CouncilDirectorySnapshot(wards, services);
        }))!;

    /// <summary>Forget a council's cached directory after a change (other nodes catch up within <see cref="CacheFor"/>).</summary>
    public void Invalidate(Guid councilId) => cache.Remove(("council-directory", councilId));
}
