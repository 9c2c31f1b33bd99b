using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Nolan.Core.DataStore;

namespace Nolan.Core.CouncilDirectory;

/// <summary>A council's wards and services (each with its manager), as read for routing and validation.</summary>
[ImmutableObject(true)]
public sealed record CouncilDirectorySnapshot(IReadOnlyDictionary<Guid, Ward> Wards, IReadOnlyDictionary<Guid, Service> Services);

/// <summary>
/// Wards and services change a few times a year and are read on every enquiry logged: they are cached per council
/// for <see cref="CacheFor"/>, like the council's protocol, in a <see cref="HybridCache"/> so that when an entry
/// expires one request reloads it while the others wait for that load (no stampede). The entities are detached
/// copies: never modify them.
/// </summary>
public sealed class DirectoryCache(HybridCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = CacheFor, LocalCacheExpiration = CacheFor };

    public async Task<CouncilDirectorySnapshot> ForAsync(NolanDbContext db, Guid councilId, CancellationToken ct = default) =>
        await cache.GetOrCreateAsync(Key(councilId), (db, councilId), static async (state, token) =>
        {
            var (db, councilId) = state;
            var wards = await db.Wards.AsNoTracking().Where(w => w.CouncilId == councilId).ToDictionaryAsync(w => w.Id, token);
            var services = await db.Services.AsNoTracking().Include(s => s.Manager).Where(s => s.CouncilId == councilId)
                .ToDictionaryAsync(s => s.Id, token);
            return new CouncilDirectorySnapshot(wards, services);
        }, Entry, cancellationToken: ct);

    /// <summary>Forget a council's cached directory after a change (other nodes catch up within <see cref="CacheFor"/>).</summary>
    public ValueTask InvalidateAsync(Guid councilId) => cache.RemoveAsync(Key(councilId));

    private static string Key(Guid councilId) => $"council-directory/{councilId}";
}
