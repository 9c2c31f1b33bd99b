using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Common;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries.Answer;

/// <summary>The substantive response, or the written confirmation of an oral answer.</summary>
public sealed class RespondModel(EnquiryService enquiries) : EnquiryActionPage(enquiries)
{
    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public bool Oral { get; set; }

    [BindProperty]
    public bool PublicDomain { get; set; }

    [BindProperty]
    public bool CommerciallySensitive { get; set; }

    public override EnquiryAction Step => EnquiryActions.Respond;

    protected override string Done => "Response sent";

    protected override async Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct) =>
        await Enquiries.RespondAsync(id, Version, new SendResponse(Body, Oral, PublicDomain, CommerciallySensitive), Actor, ct);
}
