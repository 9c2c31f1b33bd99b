using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Core.Notifications;
using Nolan.Web.Security;

namespace Nolan.Web.Pages.Admin;

/// <summary>
/// The messages Nolan sends, as a council's people will read them: each template rendered with sample values, in
/// its HTML and plain-text forms, with the council's own wording where it has some. For Democratic Services (who
/// own the wording) and system administrators. Sample values only: no casework is shown.
/// </summary>
[Authorize(Policy = Policies.MessageTemplates)]
public sealed class TemplatesModel(NolanDbContext db, MessageTemplates templates, NotificationSettings settings) : NolanPageModel
{
    public sealed record Row(string Key, string Subject, bool Overridden);

    public sealed record CouncilChoice(string Slug, string Name);

    public IReadOnlyList<CouncilChoice> Councils { get; private set; } = [];

    public CouncilChoice? Council { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string? Key { get; private set; }

    public RenderedMessage? Preview { get; private set; }

    public string? PreviewError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? key, string? council, CancellationToken ct)
    {
        var hub = Actor.CouncilsWhere(OfficerRoles.MembersSupportHub);
        var all = Actor.IsSystemAdmin;
        Councils = await db.Councils.AsNoTracking().Where(c => all || hub.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new CouncilChoice(c.Slug, c.Name)).ToListAsync(ct);
        Council = council is null ? (Councils.Count > 0 ? Councils[0] : null) : Councils.FirstOrDefault(c => c.Slug == council);
        if (Council is null)
        {
            return NotFound();
        }

        Rows = [.. templates.Keys.Select(k => new Row(k, SubjectOf(Council.Slug, k), templates.IsOverridden(Council.Slug, k)))];
        if (key is not null)
        {
            if (!templates.Keys.Contains(key, StringComparer.Ordinal))
            {
                return NotFound();
            }

            Key = key;
            try
            {
                Preview = templates.Render(Council.Slug, key, Samples(Council.Name, key));
            }
            catch (KeyNotFoundException e)
            {
                PreviewError = e.Message;
            }
        }

        return Page();
    }

    private string SubjectOf(string council, string key)
    {
        try
        {
            return templates.Render(council, key, Samples("", key)).Subject;
        }
        catch (KeyNotFoundException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Sample values for a template, from its typed message model (<see cref="Message.Samples"/>): the same models the
    /// workflows fill, so a preview cannot use a value the real message lacks.
    /// </summary>
    private Dictionary<string, string> Samples(string council, string key)
    {
        var sample = Message.Samples(council).FirstOrDefault(m => m.Template == key);
        var values = sample?.Values() ?? [];
        values["name"] = "Alex Example";
        values["link"] = settings.PublicUrl.TrimEnd('/') + "/enquiries/00000000-0000-0000-0000-000000000000";
        values["settings"] = settings.PublicUrl.TrimEnd('/') + "/account/notifications";
        return values;
    }
}
