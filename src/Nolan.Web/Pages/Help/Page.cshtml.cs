using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Web.Pages.Shared;

namespace Nolan.Web.Pages.Help;

/// <summary>
/// The footer's pages (accessibility statement, privacy notice, cookies, contact) in the council's own words, for
/// anyone, signed in or not: the council of the page's frame (the person's own, or <c>?council=</c>).
/// </summary>
[AllowAnonymous]
public sealed class PageModel(NolanDbContext db, CouncilIdentity identity) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public string Title { get; private set; } = "";

    public string Html { get; private set; } = "";

    public DateTimeOffset? UpdatedAt { get; private set; }

    public bool MayEdit { get; private set; }

    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var kind = CouncilIdentity.PageKinds.FirstOrDefault(k => k.Slug == slug);
        if (kind is null)
        {
            return NotFound();
        }

        var frame = ViewData["Frame"] as PageFrame ?? PageFrame.Default;
        var council = frame.Council is { } look ? await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == look.Id, ct) : null;
        // With no council to speak for, the page speaks of "the council" (an installation serving several, before sign-in).
        council ??= new Council { Slug = "", Name = "the council", ShortCode = "", PresetSlug = "" };
        var page = (await identity.PageAsync(council, kind.Slug, ct))!;
        Slug = kind.Slug;
        Title = page.Title;
        Html = CouncilIdentity.RenderHtml(page.Body);
        UpdatedAt = page.UpdatedAt == default ? null : page.UpdatedAt;
        MayEdit = frame.Council is not null && HttpContext.Items.ContainsKey(Security.ActorMiddleware.ItemKey)
            && CouncilIdentity.MayEdit(Security.ActorMiddleware.ActorOf(HttpContext), frame.Council.Id);
        return Page();
    }
}
