using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nolan.Core.Common;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries.Urgency;

/// <summary>The officer handling it decides whether a member's request for urgency is urgent.</summary>
public sealed class DecideModel(EnquiryService enquiries) : EnquiryActionPage(enquiries)
{
    [BindProperty]
    public string? Urgent { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public static IReadOnlyList<SelectListItem> Choices { get; } = [new("Yes, it is urgent", "yes"), new("No, it is not urgent", "no")];

    public override EnquiryAction Step => EnquiryActions.DecideUrgency;

    protected override string Done => "Urgency decided: the member can see your decision";

    protected override async Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct)
    {
        if (Urgent is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(Urgent), "Choose whether it is urgent");
            return null;
        }

        return await Enquiries.DecideUrgencyAsync(id, Version, new DecideUrgency(Urgent == "yes", Reason), Actor, ct);
    }
}
