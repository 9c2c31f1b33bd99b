using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Nolan.Core.Access;
using Nolan.Web.Security;

namespace Nolan.Web.Pages;

/// <summary>Asks for a password reset link: the same answer whether or not the address has an account.</summary>
[EnableRateLimiting("sign-in")]
[LocalPasswordsOnly]
public sealed class ForgotPasswordModel(PasswordResets resets) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    private static readonly TimeSpan AnswerAfter = TimeSpan.FromMilliseconds(400);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || Email.Length > 320 || !Email.Contains('@', StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address, like name@council.gov.uk");
            return Page();
        }

        // The same answer, in about the same time, whether or not the address has an account: the work for a known one
        // (a write, a message queued, an audit event) would otherwise show in the response time.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await resets.RequestAsync(Email, HttpContext.RequestAborted);
        var left = AnswerAfter - System.Diagnostics.Stopwatch.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, HttpContext.RequestAborted);
        }

        Sent = true;
        return Page();
    }
}
