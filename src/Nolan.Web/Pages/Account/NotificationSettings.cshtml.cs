using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.Audit;
using Nolan.Core.DataStore;

namespace Nolan.Web.Pages.Account;

/// <summary>Email, in-app or both; and a daily digest instead of single emails.</summary>
public sealed class NotificationSettingsModel(NolanDbContext db, AuditLog audit) : NolanPageModel
{
    [BindProperty]
    public string? NotifyBy { get; set; }

    [BindProperty]
    public bool DailyDigest { get; set; }

    [BindProperty]
    public bool WeeklyDigest { get; set; }

    public bool IsMember => Actor.IsMember;

    public bool IsOfficer => Actor.IsOfficer;

    public IReadOnlyList<SelectListItem> Options { get; } =
    [
        new("By email and in Nolan", nameof(DeliveryPreference.EmailAndInApp)),
        new("By email only", nameof(DeliveryPreference.Email)),
        new("In Nolan only", nameof(DeliveryPreference.InApp)),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var a = await db.Accounts.AsNoTracking().SingleAsync(x => x.Id == Actor.AccountId, ct);
        NotifyBy = a.NotifyBy.ToString();
        DailyDigest = a.DailyDigest;
        WeeklyDigest = a.WeeklyDigest;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Enum.TryParse<DeliveryPreference>(NotifyBy, out var pref) || !Enum.IsDefined(pref))
        {
            ModelState.AddModelError(nameof(NotifyBy), "Choose how you want to get notifications");
            return Page();
        }

        var account = await db.Accounts.SingleAsync(x => x.Id == Actor.AccountId, ct);
        var before = new { NotifyBy = account.NotifyBy.ToString(), account.DailyDigest, account.WeeklyDigest };
        account.NotifyBy = pref;
        account.DailyDigest = DailyDigest;
        // Only members see the weekly digest choice; others keep what they had.
        account.WeeklyDigest = Actor.IsMember ? WeeklyDigest : account.WeeklyDigest;
        await audit.RecordAsync(Actor, "account.notification_preferences_changed", "account", account.Id, null, before,
            new { NotifyBy = pref.ToString(), DailyDigest, account.WeeklyDigest }, ct: ct);
        await db.SaveChangesAsync(ct);
        Flash("Your notification settings have been saved");
        return Redirect("/notifications");
    }
}
