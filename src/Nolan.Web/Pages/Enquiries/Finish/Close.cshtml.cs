using Nolan.Core.Common;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries.Finish;

/// <summary>
/// Closing an enquiry asks first (GOV.UK's confirmation pattern): it ends the enquiry for everyone, so one stray click on
/// the enquiry page must not do it.
/// </summary>
public sealed class CloseModel(EnquiryService enquiries) : EnquiryActionPage(enquiries)
{
    public override EnquiryAction Step => EnquiryActions.Close;

    protected override string Done => "Enquiry closed";

    protected override async Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct) =>
        await Enquiries.CloseAsync(id, Version, Actor, ct);
}
