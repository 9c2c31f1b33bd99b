using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Common;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries;

/// <summary>One enquiry: its details, its file, and the actions the viewer may take.</summary>
public sealed class ViewModel(EnquiryService enquiries) : NolanPageModel
{
    public EnquiryView Enquiry { get; private set; } = null!;

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await enquiries.GetAsync(id, Actor, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Enquiry = result.Value!;
        Version = Enquiry.Enquiry.Version;
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, enquiries.AcceptAsync(id, Version, Actor, ct), "You have accepted this enquiry", ct);

    private async Task<IActionResult> ActAsync(Guid id, Task<Result<Core.Enquiries.Enquiry>> action, string done, CancellationToken ct)
    {
        var result = await action;
        if (result.IsSuccess)
        {
            Flash(done);
            return Redirect($"/enquiries/{id}");
        }

        if (ShowError(result.Error!) is { } notShown)
        {
            return notShown;
        }

        var reload = await enquiries.GetAsync(id, Actor, ct);
        if (!reload.IsSuccess)
        {
            return NotFound();
        }

        Enquiry = reload.Value!;
        Response.StatusCode = result.Error!.Status;
        return Page();
    }
}
