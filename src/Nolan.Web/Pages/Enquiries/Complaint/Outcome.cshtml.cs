using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Common;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries.Complaint;

/// <summary>The complaints procedure's response, which meets the complaint's duty.</summary>
public sealed class OutcomeModel(EnquiryService enquiries) : EnquiryActionPage(enquiries)
{
    [BindProperty]
    public string? Text { get; set; }

    public override EnquiryAction Step => EnquiryActions.ComplaintOutcome;

    protected override string Done => "Complaint outcome recorded";

    protected override async Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct) =>
        await Enquiries.RecordComplaintOutcomeAsync(id, Version, new RecordComplaintOutcome(Text), Actor, ct);
}
