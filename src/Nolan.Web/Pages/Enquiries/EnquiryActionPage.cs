using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Common;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries;

/// <summary>
/// What every step's page shares, so that each page is only its fields and the one service call: load the enquiry the
/// actor may see (404 otherwise), refuse a step that is not open to them (403), send the command, and show a failure
/// as a GOV.UK error summary on the same form or a success on the enquiry.
/// </summary>
public abstract class EnquiryActionPage(EnquiryService enquiries) : NolanPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The version the form was drawn from: a change by someone else since is a 409, not a silent overwrite.</summary>
    [BindProperty]
    public int Version { get; set; }

    public EnquiryView Enquiry { get; private set; } = null!;

    /// <summary>This page's step.</summary>
    public abstract EnquiryAction Step { get; }

    public string Heading => Step.Title(Enquiry);

    protected EnquiryService Enquiries => enquiries;

    /// <summary>The banner shown on the enquiry after success.</summary>
    protected abstract string Done { get; }

    /// <summary>
    /// Sends the command; null when the form itself cannot be read (its errors are then in ModelState). The service's
    /// own checks and the protocol's rules are the service's: a page reads fields, nothing more.
    /// </summary>
    protected abstract Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct);

    /// <summary>Choices the form offers (officers, members), loaded for both the form and its redisplay.</summary>
    protected virtual Task LoadChoicesAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The form field that shows a service field's error, where the two are named differently.</summary>
    protected virtual string FieldFor(string serviceField) => serviceField;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        Version = Enquiry.Enquiry.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        var result = ModelState.IsValid ? await SendAsync(Enquiry.Enquiry.Id, ct) : null;
        if (result is not { } sent || !ModelState.IsValid)
        {
            return Page();
        }

        if (sent.IsSuccess)
        {
            Flash(Done);
            return Redirect($"/enquiries/{Enquiry.Enquiry.Id}");
        }

        var error = sent.Error!;
        if (error.FieldErrors.Count > 0)
        {
            error = error with { FieldErrors = error.FieldErrors.ToDictionary(f => FieldFor(f.Key), f => f.Value) };
        }

        if (ShowError(error) is { } notShown)
        {
            return notShown;
        }

        if (error is StaleUpdate)
        {
            // Redraw from what is stored now, so that resubmitting what the user typed is not refused again.
            Version = Enquiry.Enquiry.Version;
            ModelState.Remove(nameof(Version));
        }

        Response.StatusCode = error.Status;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var result = await enquiries.GetAsync(Id, Actor, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Enquiry = result.Value!;
        if (!Step.Available(Enquiry))
        {
            return Forbid();
        }

        await LoadChoicesAsync(ct);
        return null;
    }
}
