using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Nolan.Core.Calendar;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;

namespace Nolan.Core.Protocols;

/// <summary>The protocol that judges an event: a council's preset, the version in force that day, and its calendar.</summary>
public sealed record CouncilProtocol(Council Council, ProtocolPreset Preset, ProtocolVersion Version, WorkingDayCalendar Calendar)
{
    /// <summary>Recorded on the item so it is judged by the same version for the rest of its life.</summary>
    public string VersionKey => $"{Preset.Council.Slug}/{Version.Id}";

    public Citation Cite(Rule rule) => Citation.Of(Preset, Version, rule);

    /// <summary>What the council calls its central team (preset <c>council.hub_name</c>), for pages and messages.</summary>
    public string HubName => Preset.Council.HubName ?? DefaultHubName;

    /// <summary>Said where a council's preset names no central team.</summary>
    public const string DefaultHubName = "council\u2019s enquiries team";
}

/// <summary>A council and its working-day calendar, as cached.</summary>
[System.ComponentModel.ImmutableObject(true)]
public sealed record CouncilCalendar(Council Council, WorkingDayCalendar Calendar);

/// <summary>Finds the preset and calendar for a council. Councils and closure days are cached briefly (single-flight).</summary>
public sealed class ProtocolRegistry(PresetCatalog presets, HybridCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = CacheFor, LocalCacheExpiration = CacheFor };

    public PresetCatalog Presets => presets;

    /// <summary>The protocol in force for <paramref name="councilId"/> on <paramref name="date"/>.</summary>
    public async Task<CouncilProtocol> ForAsync(NolanDbContext db, Guid councilId, DateOnly date, CancellationToken ct = default)
    {
        var (council, calendar) = await CouncilAsync(db, councilId, ct);
        var preset = presets[council.PresetSlug];
        return new CouncilProtocol(council, preset, preset.VersionInForceOn(date), calendar);
    }

    /// <summary>The protocol version recorded on an item (e.g. <c>cambridge/2025-updated</c>).</summary>
    public async Task<CouncilProtocol> ForVersionAsync(NolanDbContext db, Guid councilId, string versionKey, CancellationToken ct = default)
    {
        var (council, calendar) = await CouncilAsync(db, councilId, ct);
        var preset = presets[council.PresetSlug];
        var id = versionKey[(versionKey.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var version = preset.Version(id) ?? throw new InvalidOperationException($"Preset {council.PresetSlug} has no version '{id}'.");
        return new CouncilProtocol(council, preset, version, calendar);
    }

    private async Task<(Council, WorkingDayCalendar)> CouncilAsync(NolanDbContext db, Guid councilId, CancellationToken ct)
    {
        var entry = await cache.GetOrCreateAsync(Key(councilId), (db, councilId, presets), static async (state, token) =>
        {
            var (db, councilId, presets) = state;
            var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, token)
                ?? throw new InvalidOperationException($"No council {councilId}.");
            // Closure days the council published: in its preset (with their source) and any recorded in the database.
            var closures = await db.ClosureDays.AsNoTracking().Where(c => c.CouncilId == councilId).Select(c => c.Date).ToListAsync(token);
            var published = presets.TryGet(council.PresetSlug, out var preset) ? preset.Council.ClosureDays.Select(c => c.Date) : [];
            return new CouncilCalendar(council, new WorkingDayCalendar(closures.Concat(published).Distinct()));
        }, Entry, cancellationToken: ct);
        return (entry.Council, entry.Calendar);
    }

    /// <summary>Forget cached council data after an admin change (other nodes catch up within the cache time).</summary>
    public ValueTask InvalidateAsync(Guid councilId) => cache.RemoveAsync(Key(councilId));

    private static string Key(Guid councilId) => $"council-protocol/{councilId}";
}
