using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Common;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries.Answer;

/// <summary>A file note of a conversation (officers only).</summary>
public sealed class FileNoteModel(EnquiryService enquiries) : EnquiryActionPage(enquiries)
{
    [BindProperty]
    public string? Text { get; set; }

    public override EnquiryAction Step => EnquiryActions.FileNote;

    protected override string Done => "File note added";

    protected override async Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct) =>
        await Enquiries.AddFileNoteAsync(id, new AddFileNote(Text), Actor, ct);
}
