using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Common;
using Nolan.Core.Enquiries;
using Nolan.Web.TagHelpers;

namespace Nolan.Web.Pages.Enquiries.Burden;

/// <summary>The approach agreed with the member for a disproportionate request, with any alternative deadline.</summary>
public sealed class AgreeModel(EnquiryService enquiries) : EnquiryActionPage(enquiries)
{
    [BindProperty]
    public string? Approach { get; set; }

    [BindProperty]
    public DateParts NewDeadline { get; set; } = new();

    public override EnquiryAction Step => EnquiryActions.AgreeBurden;

    protected override string Done => "Agreed approach recorded";

    protected override async Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct)
    {
        var deadline = ReadOptionalDate(NewDeadline, nameof(NewDeadline), "The date must be a real date, for example 27 3 2026");
        if (!ModelState.IsValid)
        {
            return null;
        }

        return await Enquiries.AgreeBurdenAsync(id, Version, new AgreeBurden(Approach, deadline), Actor, ct);
    }
}
