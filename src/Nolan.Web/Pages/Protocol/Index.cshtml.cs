using Microsoft.EntityFrameworkCore;
using Nolan.Core.Calendar;
using Nolan.Core.DataStore;
using Nolan.Core.Enquiries;
using Nolan.Core.Protocols;

namespace Nolan.Web.Pages.Protocol;

/// <summary>"What does our protocol say?": the rules Nolan applies for each council, with their paragraphs.</summary>
public sealed class IndexModel(NolanDbContext db, ProtocolRegistry protocols, TimeProvider time) : NolanPageModel
{
    public sealed record CouncilRules(string Council, ProtocolPreset Preset, ProtocolVersion Version,
        IReadOnlyList<RuleDescription> Rows, IReadOnlyList<PublishedClosureDay> ClosureDays);

    public IReadOnlyList<CouncilRules> Councils { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var ids = Actor.Councils;
        var councils = await db.Councils.AsNoTracking()
            .Where(c => ids.Contains(c.Id) || Actor.IsSystemAdmin).OrderBy(c => c.Name).ToListAsync(ct);
        var today = LondonTime.ToLocalDate(time.GetUtcNow());
        var list = new List<CouncilRules>();
        foreach (var c in councils.Where(c => protocols.Presets.TryGet(c.PresetSlug, out _)))
        {
            // The rows are the rule functions' own descriptions (EnquiryRulebook.Describe), not text of this page's.
            var p = await protocols.ForAsync(db, c.Id, today, ct);
            list.Add(new CouncilRules(c.Name, p.Preset, p.Version, EnquiryRulebook.Describe(p, today),
                [.. p.Preset.Council.ClosureDays.Where(d => d.Date >= today.AddYears(-1)).OrderBy(d => d.Date)]));
        }

        Councils = list;
    }
}
