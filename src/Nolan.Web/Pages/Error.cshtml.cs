using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nolan.Web.Pages;

/// <summary>Error pages; under /api the same failures are problem details.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public Task<IActionResult> OnGetAsync(int? status) => HandleAsync(status);

    public Task<IActionResult> OnPostAsync(int? status) => HandleAsync(status);

    // Failures of API PUTs and DELETEs are re-executed here too: they get problem details, not an HTML page.
    public Task<IActionResult> OnPutAsync(int? status) => HandleAsync(status);

    public Task<IActionResult> OnDeleteAsync(int? status) => HandleAsync(status);

    public Task<IActionResult> OnPatchAsync(int? status) => HandleAsync(status);

    private async Task<IActionResult> HandleAsync(int? status)
    {
        var feature = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>();
        Status = status ?? (error is null ? 404 : 500);
        if (error?.Error is BadHttpRequestException bad)
        {
            Status = bad.StatusCode;
        }
        else if (error?.Error is { } ex && Core.DataStore.DatabaseErrors.IsRacingWrite(ex))
        {
            Status = StatusCodes.Status409Conflict;
        }

        var original = feature?.OriginalPath ?? error?.Path ?? "";
        if (original.StartsWith("/api", StringComparison.Ordinal))
        {
            var title = Status switch
            {
                404 => "Not found",
                405 => "Method not allowed",
                409 => "Changed at the same moment",
                413 => "Request too large",
                >= 500 => "Something went wrong",
                _ => "Bad request",
            };
            await Results.Problem(statusCode: Status, title: title,
                detail: Status >= 500 ? "Nolan hit an unexpected problem. Nothing was saved. Try again later."
                    : Status == 409 ? "Another change to the same record was saved at the same moment. Nothing of yours was saved: read it again and retry."
                    : null).ExecuteAsync(HttpContext);
            return new EmptyResult();
        }

        Response.StatusCode = Status;
        return Page();
    }
}
