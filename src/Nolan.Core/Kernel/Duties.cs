using Microsoft.EntityFrameworkCore;
using Nolan.Core.Common;
using Nolan.Core.DataStore;
using Nolan.Core.Protocols;

namespace Nolan.Core.Kernel;

/// <summary>What is owed. Each capability adds its own (a determination, a feedback, a notice, ...).</summary>
public enum DutyKind
{
    /// <summary>A substantive reply to a member's enquiry (matrix A1).</summary>
    EnquiryReply,

    /// <summary>A response under the complaints procedure, where the protocol gives it a deadline (A6).</summary>
    ComplaintResponse,
}

/// <summary>
/// Something owed by a date: written in the same transaction as the change that creates it, met by the change that
/// discharges it, and read by the one reminder engine (<see cref="DutyReminders"/>) for every capability. The
/// original due date is kept beside any promised one, so lists can show both and lateness is judged against the date
/// that applies.
/// </summary>
public sealed class Duty : Audit.IAuditedRow
{
    string Audit.IAuditedRow.AuditItemType => ItemType;

    Guid Audit.IAuditedRow.AuditItemId => ItemId;

    public Guid Id { get; init; } = OrderedIds.Next();
    public required Guid CouncilId { get; init; }

    /// <summary>The kind of item it belongs to (the access rule's resource type, e.g. <c>enquiry</c>).</summary>
    public required string ItemType { get; init; }
    public required Guid ItemId { get; init; }
    public required DutyKind Kind { get; init; }

    /// <summary>The officer who owes it now (changes when the item is passed on).</summary>
    public Guid? OwedByOfficerId { get; set; }

    /// <summary>The date the protocol gives.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>A later date promised to the member (a holding reply, an agreed alternative deadline).</summary>
    public DateOnly? PromisedOn { get; set; }

    /// <summary>The date that applies: <see cref="PromisedOn"/> when there is one.</summary>
    public DateOnly EffectiveDueOn { get; set; }

    /// <summary>After this date it escalates (the preset's very-overdue rule); null where the protocol sets none.</summary>
    public DateOnly? VeryOverdueAfter { get; set; }

    /// <summary>The protocol version the item is judged under, e.g. <c>southend-on-sea/part-5d</c>.</summary>
    public required string ProtocolVersion { get; init; }

    /// <summary>The rule that created the duty, e.g. <c>southend-on-sea/part-5d §9.1.5</c>.</summary>
    public string? Citation { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was met (or ended without being owed any more); null while open.</summary>
    public DateTimeOffset? MetAt { get; set; }

    /// <summary>How: "response", "explanation within the deadline (para 29(a))", "moved to complaints", ...</summary>
    public string? MetHow { get; set; }
}

/// <summary>The kernel's record of duties, used by capabilities inside their own unit of work.</summary>
public sealed class Duties(NolanDbContext db)
{
    /// <summary>Adds a duty to the unit of work (saved with the change that creates it).</summary>
    public Duty Owe(Guid councilId, string itemType, Guid itemId, DutyKind kind, Guid? owedBy, DateOnly dueOn,
        DateOnly? veryOverdueAfter, string protocolVersion, Citation? why, DateTimeOffset now)
    {
        var duty = new Duty
        {
            CouncilId = councilId,
            ItemType = itemType,
            ItemId = itemId,
            Kind = kind,
            OwedByOfficerId = owedBy,
            DueOn = dueOn,
            EffectiveDueOn = dueOn,
            VeryOverdueAfter = veryOverdueAfter,
            ProtocolVersion = protocolVersion,
            Citation = why?.Reference,
            CreatedAt = now,
        };
        db.Duties.Add(duty);
        return duty;
    }

    /// <summary>The open duties of an item (tracked, so changes save with the caller's unit of work).</summary>
    public Task<List<Duty>> OpenAsync(string itemType, Guid itemId, CancellationToken ct) =>
        db.Duties.Where(d => d.ItemType == itemType && d.ItemId == itemId && d.MetAt == null).ToListAsync(ct);

    /// <summary>The item has a new owner: its open duties are now theirs.</summary>
    public async Task ReassignAsync(string itemType, Guid itemId, Guid? officerId, CancellationToken ct)
    {
        foreach (var d in await OpenAsync(itemType, itemId, ct))
        {
            d.OwedByOfficerId = officerId;
        }
    }

    /// <summary>A later date was promised: lateness is judged against it, and it does not escalate as very overdue.</summary>
    public async Task PromiseAsync(string itemType, Guid itemId, DutyKind kind, DateOnly promised, CancellationToken ct)
    {
        foreach (var d in (await OpenAsync(itemType, itemId, ct)).Where(d => d.Kind == kind))
        {
            d.PromisedOn = promised;
            d.EffectiveDueOn = promised;
        }
    }

    /// <summary>Discharges the item's open duties of <paramref name="kind"/> (all kinds when null).</summary>
    public async Task MeetAsync(string itemType, Guid itemId, DutyKind? kind, string how, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var d in (await OpenAsync(itemType, itemId, ct)).Where(d => kind is null || d.Kind == kind))
        {
            d.MetAt = now;
            d.MetHow = how;
        }
    }
}
