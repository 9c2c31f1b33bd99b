using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Common;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries.Release;

/// <summary>The constituent's consent evidence that was being sought: the reply is held until it is recorded.</summary>
public sealed class ConsentEvidenceModel(EnquiryService enquiries) : EnquiryActionPage(enquiries)
{
    [BindProperty]
    public string? Text { get; set; }

    public override EnquiryAction Step => EnquiryActions.ConsentEvidence;

    protected override string Done => "Consent evidence recorded";

    protected override async Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct) =>
        await Enquiries.RecordConsentEvidenceAsync(id, new RecordConsentEvidence(Text), Actor, ct);
}
