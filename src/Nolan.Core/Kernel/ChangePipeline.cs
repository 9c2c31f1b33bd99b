using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.Common;
using Nolan.Core.DataStore;
using Nolan.Core.Protocols;

namespace Nolan.Core.Kernel;

/// <summary>An item that changes through the pipeline: versioned, and judged under the protocol version it was received under.</summary>
public interface IChangeableItem : IItem
{
    /// <summary>Optimistic concurrency: a change made against an older version is refused with 409.</summary>
    int Version { get; set; }

    /// <summary>The preset version that judges the item for its whole life, e.g. <c>cambridge/2025-updated</c>.</summary>
    string ProtocolVersion { get; }

    DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// The sequence that makes a change correct, written once for every capability: load what the actor may see (else
/// 404), check what their relations to it permit (else the capability's refusal: 403, or 409 when the state forbids
/// it), refuse a stale version (409), judge the change under the protocol version recorded on the item, apply it
/// (the capability adds its activity, audit event, duties and messages to the same unit of work), and save once. A
/// refused change leaves nothing behind in the unit of work; a change that loses a race with another on the same
/// item (its version, or the next number of its audit stream) is answered 409, never 500.
/// </summary>
public sealed class ChangePipeline(NolanDbContext db, ProtocolRegistry protocols, Audit.AuditLog audit, TimeProvider time)
{
    public async Task<Result<TItem>> RunAsync<TItem>(ItemAccess<TItem> access, IQueryable<TItem> items, Guid id, int? expectedVersion,
        Actor actor, Func<TItem, int, NolanError?> refuse, Func<TItem, CouncilProtocol, Task<Result<TItem>>> change,
        CancellationToken ct, bool bumpVersion = true)
        where TItem : class, IChangeableItem
    {
        var seen = await access.FindAsync(items, db, id, actor, time.GetUtcNow(), ct);
        if (seen is null)
        {
            return new NotFound(access.ResourceType);
        }

        var item = seen.Item;
        if (refuse(item, seen.Relations) is { } refused)
        {
            return refused;
        }

        if (expectedVersion is { } v && v != item.Version)
        {
            return new StaleUpdate(access.ResourceType);
        }

        var p = await protocols.ForVersionAsync(db, item.CouncilId, item.ProtocolVersion, ct);
        var result = await change(item, p);
        if (!result.IsSuccess)
        {
            // Nothing of a refused change is saved later by accident.
            Abandon();
            return result;
        }

        item.UpdatedAt = Audit.AuditLog.TruncateToMicroseconds(time.GetUtcNow());
        if (bumpVersion)
        {
            item.Version++;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsRacingWrite(ex))
        {
            Abandon();
            return new StaleUpdate(access.ResourceType);
        }

        return item;
    }

    private void Abandon()
    {
        db.ChangeTracker.Clear();
        audit.Reset();
    }
}
