using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolan.Core.Access;
using Nolan.Core.Common;
using Nolan.Web.Security;
using Nolan.Web.TagHelpers;

namespace Nolan.Web.Pages;

/// <summary>Base for Nolan's pages: the actor, and expected failures shown the GOV.UK way.</summary>
public abstract class NolanPageModel : PageModel
{
    protected Actor Actor => ActorMiddleware.ActorOf(HttpContext);

    /// <summary>Puts a failure's field messages into ModelState for the error summary; 404s stay 404s.</summary>
    protected IActionResult? ShowError(NolanError error)
    {
        switch (error)
        {
            case Core.Common.NotFound:
                return NotFound();
            case Core.Common.NotAllowed:
                return Forbid();
        }

        if (error.FieldErrors.Count > 0)
        {
            foreach (var (field, messages) in error.FieldErrors)
            {
                foreach (var m in messages)
                {
                    ModelState.AddModelError(field, m);
                }
            }
        }
        else
        {
            ModelState.AddModelError("", error.Detail);
        }

        if (error.Citation is { } c)
        {
            ViewData["Citation"] = c.Describe();
        }

        return null;
    }

    /// <summary>
    /// Reads an optional GOV.UK date input: null when all three boxes are blank, the date when it is a real one, and
    /// otherwise null with <paramref name="error"/> on the field.
    /// </summary>
    protected DateOnly? ReadOptionalDate(DateParts parts, string field, string error)
    {
        if (parts.IsEmpty)
        {
            return null;
        }

        if (parts.TryGetDate(out var d))
        {
            return d;
        }

        ModelState.AddModelError(field, error);
        return null;
    }

    /// <summary>A one-off success message shown on the next page (GOV.UK notification banner).</summary>
    protected void Flash(string message) => TempData["Flash"] = message;
}
