using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Audit;
using Nolan.Core.DataStore;
using Nolan.Core.Notifications;
using Nolan.Web.Security;

namespace Nolan.Web.Pages.Admin;

/// <summary>
/// Dead letters: messages that failed every retry. Administrators see who, which template, how often and why, but
/// not the content: a system administrator has no business reading casework.
/// </summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class OutboxModel(NolanDbContext db, OutboxDelivery delivery, AuditLog audit) : NolanPageModel
{
    public sealed record DeadLetter(Guid Id, string TemplateKey, string ToAddress, int Attempts, DateTimeOffset CreatedAt, string? LastError);

    public IReadOnlyList<DeadLetter> Dead { get; private set; } = [];

    public int Pending { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Dead = await db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Dead && m.RedactedAt == null)
            .OrderByDescending(m => m.CreatedAt).Take(200)
            .Select(m => new DeadLetter(m.Id, m.TemplateKey, m.ToAddress, m.Attempts, m.CreatedAt, m.LastError)).ToListAsync(ct);
        Pending = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending, ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid messageId, CancellationToken ct)
    {
        if (!await delivery.RetryAsync(messageId, Actor, audit, ct))
        {
            return NotFound();
        }

        Flash("The message will be sent again");
        return Redirect("/admin/outbox");
    }
}
