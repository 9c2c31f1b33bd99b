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
                Preview = templates.Render(Council.Slug, key, Samples(Council.Name));
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
            return templates.Render(council, key, Samples("")).Subject;
        }
        catch (KeyNotFoundException e)
        {
            return e.Message;
        }
    }

    /// <summary>Sample values for every placeholder the templates use.</summary>
    private Dictionary<string, string> Samples(string council) => new()
    {
        ["name"] = "Alex Example",
        ["link"] = settings.PublicUrl.TrimEnd('/') + "/enquiries/00000000-0000-0000-0000-000000000000",
        ["settings"] = settings.PublicUrl.TrimEnd('/') + "/account/notifications",
        ["reference"] = "SOS-2611-AB12CD34",
        ["subject"] = "Overflowing bins on Church Road",
        ["member"] = "Councillor Sam Sample",
        ["officer"] = "Jo Officer",
        ["deadline"] = "A reply is due by 9 December 2026.",
        ["due"] = "9 December 2026",
        ["note"] = "Note from the Members Support Hub: the resident has called twice.",
        ["routing"] = $"Sent to Jo Officer, who manages Waste and recycling{(council.Length > 0 ? $" at {council}" : "")}.",
        ["response"] = "The bins will be emptied on Thursday and the round has been checked.",
        ["explanation"] = "Reason: a contractor's vehicle broke down. Action: a replacement round is booked. New deadline: 16 December 2026.",
        ["route"] = "the council's complaints procedure",
        ["detail"] = "The council aims to respond by 21 December 2026.",
        ["promised"] = "This is the date promised in a holding reply.",
        ["cover"] = "Jo Officer is away until 4 January 2027; Chris Colleague is covering.",
        ["reason"] = "The request covers ten years of records across three services.",
        ["why"] = "Protocol paragraph 9.1.9: \u201cThe Chief Executive, Deputy Chief Executives and Executive Directors are responsible for ensuring that Councillor enquiries are dealt with promptly and accurately by their Departments / service areas.\u201d",
        ["count"] = "3 open enquiries",
        ["when"] = "9 December 2026, 2:30pm to 3:30pm",
        ["location"] = "Outside 14 Church Road",
        ["items"] = "- SOS-2611-AB12CD34: Overflowing bins on Church Road (with an officer, due by 9 December 2026, with Jo Officer)\n- SOS-2611-EF56GH78: Streetlight out on Mill Lane (holding reply sent, due by 16 December 2026)",
    };
}
