using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Nolan.Web.Hosting;

namespace Nolan.Web.Security;

/// <summary>A page that exists only while the installation lets people sign in with a password Nolan holds.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LocalPasswordsOnlyAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!context.HttpContext.RequestServices.GetRequiredService<IOptions<NolanOptions>>().Value.LocalPasswords)
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
