using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.DataStore;

namespace Nolan.Core.Kernel;

/// <summary>Every kind of casework item: an id and the council it belongs to.</summary>
public interface IItem
{
    Guid Id { get; }

    Guid CouncilId { get; }
}

/// <summary>One way a person can stand to an item, as a predicate the database evaluates.</summary>
/// <param name="Flag">The relation it gives (a bit of the capability's own flags enum).</param>
/// <param name="Holds">True when the actor holds the relationship to the item; must translate to SQL.</param>
public sealed record Relationship<TItem>(int Flag, Expression<Func<TItem, bool>> Holds);

/// <summary>
/// The actor's live grants of one resource type, read once for a list: whether any item is explicitly allowed to them
/// (copies, cover), and the items denied them.
/// </summary>
public sealed record ActorGrants(bool HoldsAllowed, IReadOnlyList<Guid> Denied)
{
    public static readonly ActorGrants None = new(false, []);
}

/// <summary>An item loaded together with how the actor stands to it.</summary>
public sealed class Seen<TItem>
{
    public required TItem Item { get; init; }

    public required int Relations { get; init; }
}

/// <summary>
/// Who may see one kind of item, defined once. A capability declares the relationships an actor can hold to its items
/// (raised it, assigned to it, manages the assignee, the council's Hub, member of the owning group, ...) and the flag a
/// recorded <see cref="AccessGrant"/> gives; the kernel turns that one definition into
/// <list type="bullet">
/// <item>the filter every list, search, count and export applies (<see cref="Visible"/>), and</item>
/// <item>the single read and the check before every action (<see cref="FindAsync"/>), which is the same filter on one id
/// with the relationships projected as flags, so a list and a single read cannot disagree.</item>
/// </list>
/// Visible = (any relationship OR an <c>Allow</c> grant to the actor) AND NOT a <c>Deny</c> grant to the actor: a Deny
/// overrides every allow, relationships included (a concern hidden from the person it is about).
/// </summary>
public abstract class ItemAccess<TItem>
    where TItem : class, IItem
{
    /// <summary>The resource type recorded on grants and audit events, e.g. <c>enquiry</c>.</summary>
    public abstract string ResourceType { get; }

    /// <summary>The relation flag an <c>Allow</c> grant gives (e.g. "copied to").</summary>
    protected abstract int GrantedFlag { get; }

    /// <summary>The relationships this actor could hold to an item of this kind.</summary>
    protected abstract IEnumerable<Relationship<TItem>> Relationships(Actor actor);

    /// <summary>
    /// Narrows <paramref name="items"/> to those the actor may see, given their grants (<see cref="GrantsAsync"/>): the
    /// same rule as the single read, with the grants read once for the list rather than probed for every row. With
    /// none (the usual case) the filter is the relationships alone, which a count can answer from an index.
    /// </summary>
    public IQueryable<TItem> Visible(IQueryable<TItem> items, NolanDbContext db, Actor actor, DateTimeOffset now, ActorGrants grants) =>
        items.Where(VisiblePredicate(db, actor, now, grants));

    /// <summary>The actor's live grants of this resource type (by the grants' member and officer indexes).</summary>
    public async Task<ActorGrants> GrantsAsync(NolanDbContext db, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var type = ResourceType;
        var memberIds = actor.MemberIds;
        var officerId = actor.OfficerId ?? Guid.Empty;
        var rows = await db.AccessGrants.AsNoTracking()
            .Where(g => g.ResourceType == type && (g.ExpiresAt == null || g.ExpiresAt > now)
                && ((g.MemberId != null && memberIds.Contains(g.MemberId.Value)) || (g.OfficerId != null && g.OfficerId == officerId)))
            .Select(g => new { g.ResourceId, g.Effect }).ToListAsync(ct);
        return rows.Count == 0
            ? ActorGrants.None
            : new ActorGrants(rows.Any(r => r.Effect == GrantEffect.Allow),
                [.. rows.Where(r => r.Effect == GrantEffect.Deny).Select(r => r.ResourceId).Distinct()]);
    }

    /// <summary>
    /// One item the actor may see, with their relations to it; null when it does not exist or they may not see it
    /// (callers answer 404 either way, so existence does not leak).
    /// </summary>
    public Task<Seen<TItem>?> FindAsync(IQueryable<TItem> items, NolanDbContext db, Guid id, Actor actor, DateTimeOffset now, CancellationToken ct) =>
        items.Where(i => i.Id == id).Where(VisiblePredicate(db, actor, now)).Select(RelationsProjection(db, actor, now)).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The actor's relations to one item (null when they may not see it), without loading it: for an answer built from
    /// what was just written, so that it says exactly what a later read will.
    /// </summary>
    public Task<int?> RelationsAsync(IQueryable<TItem> items, NolanDbContext db, Guid id, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var projection = RelationsProjection(db, actor, now);
        var flags = Expression.Lambda<Func<TItem, int?>>(
            Expression.Convert(((MemberInitExpression)projection.Body).Bindings.OfType<MemberAssignment>()
                .Single(b => b.Member.Name == nameof(Seen<TItem>.Relations)).Expression, typeof(int?)),
            projection.Parameters);
        return items.Where(i => i.Id == id).Where(VisiblePredicate(db, actor, now)).Select(flags).FirstOrDefaultAsync(ct);
    }

    /// <summary>The single read's predicate: both kinds of grant probed for the one item.</summary>
    private Expression<Func<TItem, bool>> VisiblePredicate(NolanDbContext db, Actor actor, DateTimeOffset now) =>
        Predicate(actor, GrantExists(db, actor, GrantEffect.Allow, now), GrantExists(db, actor, GrantEffect.Deny, now));

    /// <summary>
    /// The list form of the same predicate: grants of a kind the actor holds none of are left out (so with none the
    /// filter is the relationships alone, answerable from an index), and denied items are an id list read once rather
    /// than an anti-join probed for every row. Allowed items stay a correlated EXISTS, not "id = ANY(list)": OR-ed with
    /// the relationships, a list made PostgreSQL give up reading a scope's index in order and sort the member's whole
    /// history (bench/RESULTS.md).
    /// </summary>
    private Expression<Func<TItem, bool>> VisiblePredicate(NolanDbContext db, Actor actor, DateTimeOffset now, ActorGrants grants)
    {
        var denied = grants.Denied;
        return Predicate(actor,
            grants.HoldsAllowed ? GrantExists(db, actor, GrantEffect.Allow, now) : null,
            denied.Count > 0 ? i => denied.Contains(i.Id) : null);
    }

    /// <summary>(any relationship OR <paramref name="allowed"/>) AND NOT <paramref name="denied"/>; a null part is left out.</summary>
    private Expression<Func<TItem, bool>> Predicate(Actor actor, Expression<Func<TItem, bool>>? allowed, Expression<Func<TItem, bool>>? denied)
    {
        var item = Expression.Parameter(typeof(TItem), "item");
        Expression? any = null;
        foreach (var holds in Relationships(actor).Select(r => r.Holds).Append(allowed).OfType<Expression<Func<TItem, bool>>>())
        {
            var rebound = Rebind(holds, item);
            any = any is null ? rebound : Expression.OrElse(any, rebound);
        }

        any ??= Expression.Constant(false);
        if (denied is not null)
        {
            any = Expression.AndAlso(any, Expression.Not(Rebind(denied, item)));
        }

        return Expression.Lambda<Func<TItem, bool>>(any, item);
    }

    private Expression<Func<TItem, Seen<TItem>>> RelationsProjection(NolanDbContext db, Actor actor, DateTimeOffset now)
    {
        var item = Expression.Parameter(typeof(TItem), "item");
        Expression flags = Flag(Rebind(GrantExists(db, actor, GrantEffect.Allow, now), item), GrantedFlag);
        foreach (var r in Relationships(actor))
        {
            flags = Expression.Add(flags, Flag(Rebind(r.Holds, item), r.Flag));
        }

        var seen = Expression.MemberInit(Expression.New(typeof(Seen<TItem>)),
            Expression.Bind(typeof(Seen<TItem>).GetProperty(nameof(Seen<TItem>.Item))!, item),
            Expression.Bind(typeof(Seen<TItem>).GetProperty(nameof(Seen<TItem>.Relations))!, flags));
        return Expression.Lambda<Func<TItem, Seen<TItem>>>(seen, item);
    }

    /// <summary>
    /// A live grant of <paramref name="effect"/> on the item to any of the actor's member seats or to the officer they
    /// are: one with an expiry counts until <paramref name="now"/> reaches it.
    /// </summary>
    private Expression<Func<TItem, bool>> GrantExists(NolanDbContext db, Actor actor, GrantEffect effect, DateTimeOffset now)
    {
        var type = ResourceType;
        var memberIds = actor.MemberIds;
        var officerId = actor.OfficerId ?? Guid.Empty;
        return i => db.AccessGrants.Any(g => g.ResourceType == type && g.ResourceId == i.Id && g.Effect == effect
            && (g.ExpiresAt == null || g.ExpiresAt > now)
            && ((g.MemberId != null && memberIds.Contains(g.MemberId.Value)) || (g.OfficerId != null && g.OfficerId == officerId)));
    }

    private static ConditionalExpression Flag(Expression condition, int flag) =>
        Expression.Condition(condition, Expression.Constant(flag), Expression.Constant(0));

    private static Expression Rebind(Expression<Func<TItem, bool>> lambda, ParameterExpression item) =>
        new Rebinder(lambda.Parameters[0], item).Visit(lambda.Body);

    private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
