using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nolan.Core.Common;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries.Burden;

/// <summary>Whoever the protocol names (or the Monitoring Officer) decides whether a burdensome request is answered.</summary>
public sealed class DecideModel(EnquiryService enquiries) : EnquiryActionPage(enquiries)
{
    [BindProperty]
    public string? Provide { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public static IReadOnlyList<SelectListItem> Choices { get; } =
        [new("Yes, it should be provided", "yes"), new("No, the request is refused", "no")];

    public override EnquiryAction Step => EnquiryActions.DecideBurden;

    protected override string Done => Provide == "no" ? "Request refused: the member has been told why" : "Decision recorded: the officer has been told to answer it";

    protected override async Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct)
    {
        if (Provide is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(Provide), "Choose whether the information should be provided");
            return null;
        }

        return await Enquiries.DecideBurdenAsync(id, Version, new DecideBurden(Provide == "yes", Reason), Actor, ct);
    }
}
