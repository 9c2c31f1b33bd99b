using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Common;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries.Urgency;

/// <summary>The member disputes a decision that it is not urgent: referred to whoever the protocol names.</summary>
public sealed class DisputeModel(EnquiryService enquiries) : EnquiryActionPage(enquiries)
{
    [BindProperty]
    public string? Reason { get; set; }

    public override EnquiryAction Step => EnquiryActions.DisputeUrgency;

    protected override string Done => "Your dispute has been referred";

    protected override async Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct) =>
        await Enquiries.DisputeUrgencyAsync(id, new DisputeUrgency(Reason), Actor, ct);
}
