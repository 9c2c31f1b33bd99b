using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Common;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries.Complaint;

/// <summary>It is really a complaint: it moves to the council's complaints procedure (A6).</summary>
public sealed class MoveModel(EnquiryService enquiries) : EnquiryActionPage(enquiries)
{
    [BindProperty]
    public string? Reason { get; set; }

    public override EnquiryAction Step => EnquiryActions.MoveToComplaints;

    protected override string Done => "Moved to the complaints procedure";

    protected override async Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct) =>
        await Enquiries.MoveToComplaintsAsync(id, Version, new MoveToComplaints(Reason), Actor, ct);
}
