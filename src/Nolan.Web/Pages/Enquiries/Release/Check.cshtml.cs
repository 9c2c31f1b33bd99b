using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Common;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries.Release;

/// <summary>The line manager's check before commercially sensitive information is released.</summary>
public sealed class CheckModel(EnquiryService enquiries) : EnquiryActionPage(enquiries)
{
    [BindProperty]
    public string? Text { get; set; }

    public override EnquiryAction Step => EnquiryActions.ReleaseCheck;

    protected override string Done => "Release check recorded";

    protected override async Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct) =>
        await Enquiries.RecordReleaseCheckAsync(id, Version, new RecordReleaseCheck(Text), Actor, ct);
}
