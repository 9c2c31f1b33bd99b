using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Nolan.Core.Access;

namespace Nolan.Web.Pages;

/// <summary>Asks for a password reset link: the same answer whether or not the address has an account.</summary>
[EnableRateLimiting("sign-in")]
public sealed class ForgotPasswordModel(PasswordResets resets) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

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

        await resets.RequestAsync(Email, HttpContext.RequestAborted);
        Sent = true;
        return Page();
    }
}
