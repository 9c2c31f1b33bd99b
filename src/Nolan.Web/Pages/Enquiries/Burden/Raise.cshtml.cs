using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Common;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries.Burden;

/// <summary>The officer raises a disproportionate burden with whoever the protocol names (A5).</summary>
public sealed class RaiseModel(EnquiryService enquiries) : EnquiryActionPage(enquiries)
{
    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public bool ReferForDecision { get; set; }

    public override EnquiryAction Step => EnquiryActions.RaiseBurden;

    protected override string Done => ReferForDecision ? "Disproportionate burden raised and referred for a decision" : "Disproportionate burden raised";

    protected override async Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct) =>
        await Enquiries.RaiseBurdenAsync(id, new RaiseBurden(Text, ReferForDecision), Actor, ct);
}
