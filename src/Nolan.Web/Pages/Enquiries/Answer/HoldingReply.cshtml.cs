using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Common;
using Nolan.Core.Enquiries;
using Nolan.Web.TagHelpers;

namespace Nolan.Web.Pages.Enquiries.Answer;

/// <summary>A holding reply: why the answer is delayed, what is being done, and when it will come.</summary>
public sealed class HoldingReplyModel(EnquiryService enquiries) : EnquiryActionPage(enquiries)
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? ActionTaken { get; set; }

    [BindProperty]
    public DateParts NewDeadline { get; set; } = new();

    [BindProperty]
    public bool Oral { get; set; }

    public override EnquiryAction Step => EnquiryActions.HoldingReply;

    protected override string Done => "Holding reply sent";

    protected override string FieldFor(string serviceField) => serviceField == "Action" ? nameof(ActionTaken) : serviceField;

    protected override async Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct)
    {
        var deadline = ReadOptionalDate(NewDeadline, nameof(NewDeadline), "The date must be a real date, for example 27 3 2026");
        if (!ModelState.IsValid)
        {
            return null;
        }

        return await Enquiries.SendHoldingReplyAsync(id, Version, new SendHoldingReply(Reason, ActionTaken, deadline, Oral), Actor, ct);
    }
}
