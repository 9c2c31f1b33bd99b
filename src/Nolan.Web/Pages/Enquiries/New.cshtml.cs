using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Core.Enquiries;
using Nolan.Core.Protocols;
using Nolan.Web.Security;
using Nolan.Web.TagHelpers;

namespace Nolan.Web.Pages.Enquiries;

/// <summary>Log an enquiry: a member's own, or the Hub recording one made by phone, email or in person.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.LogsEnquiries)]
public sealed class NewModel(EnquiryService enquiries, NolanDbContext db, TimeProvider time, ProtocolRegistry protocols) : NolanPageModel
{
    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Details { get; set; }

    [BindProperty]
    public string? WardId { get; set; }

    [BindProperty]
    public string? ServiceId { get; set; }

    [BindProperty]
    public string? MemberId { get; set; }

    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public bool HasConstituentData { get; set; }

    [BindProperty]
    public string? ConsentEvidence { get; set; }

    [BindProperty]
    public string? UrgentBecause { get; set; }

    [BindProperty]
    public DateParts ReceivedOn { get; set; } = new();

    public bool OnBehalf { get; private set; }

    /// <summary>What the council's protocol says about priority, shown where the member asks for urgency (A4).</summary>
    public string UrgencyHint { get; private set; } = "The officer decides whether it is urgent. For example \u2018The road is flooding and the drain is blocked\u2019";

    public IReadOnlyList<SelectListItem> Wards { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Services { get; private set; } = [];

    public IReadOnlyList<SelectListItem> MembersList { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Channels { get; } =
    [
        new("Email", "Email"),
        new("Phone", "Phone"),
        new("In person", "InPerson"),
    ];

    public async Task OnGetAsync(CancellationToken ct) => await LoadListsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadListsAsync(ct);
        var errors = false;
        Guid? Parse(string? value, string field)
        {
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (Guid.TryParse(value, out var g))
            {
                return g;
            }

            ModelState.AddModelError(field, "Choose from the list");
            errors = true;
            return null;
        }

        var ward = Parse(WardId, nameof(WardId));
        var service = Parse(ServiceId, nameof(ServiceId));
        var member = OnBehalf ? Parse(MemberId, nameof(MemberId)) : null;
        if (OnBehalf && member is null && !ModelState.ContainsKey(nameof(MemberId)))
        {
            ModelState.AddModelError(nameof(MemberId), "Choose the member the enquiry is from");
            errors = true;
        }

        var channel = EnquiryChannel.Portal;
        if (OnBehalf && !Enum.TryParse(Channel, out channel))
        {
            ModelState.AddModelError(nameof(Channel), "Choose how the member contacted you");
            errors = true;
        }

        DateTimeOffset? receivedAt = null;
        if (OnBehalf && ReadOptionalDate(ReceivedOn, nameof(ReceivedOn), "Date received must be a real date, for example 27 3 2026") is { } d)
        {
            // A date in the past means "received that day": noon London time keeps it on that date.
            receivedAt = d == Core.Calendar.LondonTime.ToLocalDate(time.GetUtcNow()) ? null
                : Core.Calendar.LondonTime.StartOfDay(d).AddHours(12);
        }
        else if (OnBehalf && !ReceivedOn.IsEmpty)
        {
            errors = true;
        }

        var log = new LogEnquiry
        {
            MemberId = member,
            Channel = channel,
            Subject = Subject,
            Details = Details,
            WardId = ward,
            ServiceId = service,
            HasConstituentData = HasConstituentData,
            ConsentEvidence = ConsentEvidence,
            UrgentBecause = UrgentBecause,
            ReceivedAt = receivedAt,
        };
        if (errors)
        {
            // Every problem at once: what was typed is checked too, not only on the next submit.
            foreach (var (field, messages) in EnquiryService.CheckText(log))
            {
                ModelState.AddModelError(field, messages[0]);
            }

            return Page();
        }

        var result = await enquiries.LogAsync(log, Actor, ct);
        if (!result.IsSuccess)
        {
            // The service names the instant (ReceivedAt); the page's field is the date input.
            var error = result.Error!.FieldErrors.ContainsKey("ReceivedAt")
                ? result.Error with
                {
                    FieldErrors = result.Error.FieldErrors.ToDictionary(f => f.Key == "ReceivedAt" ? nameof(ReceivedOn) : f.Key, f => f.Value),
                }
                : result.Error;
            return ShowError(error) ?? Page();
        }

        Flash($"Enquiry {result.Value!.Enquiry.Reference} logged");
        TempData["JustLogged"] = true;
        return Redirect($"/enquiries/{result.Value.Enquiry.Id}");
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        var a = Actor;
        OnBehalf = !a.IsMember;
        var councils = a.IsMember ? a.Members.Select(m => m.CouncilId).ToList() : [.. a.CouncilsWhere(OfficerRoles.MembersSupportHub)];
        var multi = councils.Count > 1;
        if (councils.Count == 1)
        {
            var p = await protocols.ForAsync(db, councils[0], Core.Calendar.LondonTime.ToLocalDate(time.GetUtcNow()), ct);
            if (EnquiryRulebook.PriorityGuidance(p) is { } priority)
            {
                UrgencyHint = $"{priority.Guidance} (Protocol {priority.Why.ParagraphText}.) The officer decides whether it is urgent. For example \u2018The road is flooding and the drain is blocked\u2019";
            }
        }

        Wards = await db.Wards.AsNoTracking().Where(w => councils.Contains(w.CouncilId)).OrderBy(w => w.Name)
            .Select(w => new SelectListItem(w.Name, w.Id.ToString())).ToListAsync(ct);
        Services = await db.Services.AsNoTracking().Where(s => councils.Contains(s.CouncilId)).OrderBy(s => s.Name)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct);
        if (OnBehalf)
        {
            MembersList = await (from m in db.Members.AsNoTracking()
                                 join c in db.Councils.AsNoTracking() on m.CouncilId equals c.Id
                                 where councils.Contains(m.CouncilId) && m.Active
                                 orderby m.Name
                                 select new SelectListItem(multi ? m.Name + " (" + c.Name + ")" : m.Name, m.Id.ToString()))
                .ToListAsync(ct);
        }
    }
}
