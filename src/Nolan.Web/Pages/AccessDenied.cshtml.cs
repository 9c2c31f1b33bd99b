using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nolan.Web.Pages;

public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = 403;
}
