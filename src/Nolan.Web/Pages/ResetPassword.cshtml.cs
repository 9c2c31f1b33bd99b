using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Nolan.Core.Access;
using Nolan.Web.Security;

namespace Nolan.Web.Pages;

/// <summary>Sets a new password from an emailed link; every session of the account ends.</summary>
[EnableRateLimiting("sign-in")]
[LocalPasswordsOnly]
public sealed class ResetPasswordModel(PasswordResets resets) : NolanPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public bool Usable { get; private set; }

    public async Task OnGetAsync() => Usable = await resets.IsUsableAsync(Token, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await resets.ResetAsync(Token, Password, Confirm, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            Flash("Your password has been changed: sign in with the new one");
            return Redirect("/sign-in");
        }

        Usable = result.Error is not Core.Common.InvalidTransition;
        if (Usable)
        {
            ShowError(result.Error!);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
