using Microsoft.EntityFrameworkCore;
using Nolan.Core.Calendar;
using Nolan.Core.DataStore;
using Nolan.Core.Protocols;

namespace Nolan.Web.Pages.Protocol;

/// <summary>"What does our protocol say?": the rules Nolan applies for each council, with their paragraphs.</summary>
public sealed class IndexModel(NolanDbContext db, PresetCatalog presets, TimeProvider time) : NolanPageModel
{
    public sealed record Row(string Rule, string Value, Rule Source);

    public sealed record CouncilRules(string Council, ProtocolPreset Preset, ProtocolVersion Version, IReadOnlyList<Row> Rows);

    public IReadOnlyList<CouncilRules> Councils { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var ids = Actor.Councils;
        var councils = await db.Councils.AsNoTracking()
            .Where(c => ids.Contains(c.Id) || Actor.IsSystemAdmin).OrderBy(c => c.Name).ToListAsync(ct);
        var today = LondonTime.ToLocalDate(time.GetUtcNow());
        Councils = [.. councils.Where(c => presets.TryGet(c.PresetSlug, out _)).Select(c =>
        {
            var preset = presets[c.PresetSlug];
            var v = preset.VersionInForceOn(today);
            var e = v.Enquiries;
            return new CouncilRules(c.Name, preset, v,
            [
                new("Response deadline", e.Deadline.Silent ? "Your protocol sets no deadline"
                    : e.Deadline.WorkingDays is { } d ? $"{d} working days from receipt ({e.Deadline.Strength.ToString().ToLowerInvariant()})"
                    : $"No number of days: {e.Deadline.Wording}", e.Deadline),
                new("Very overdue after", e.VeryOverdue.Silent ? "Not set" : $"{e.VeryOverdue.WorkingDaysAfterDue} working days past the due date", e.VeryOverdue),
                new("A late (holding) reply must give", e.HoldingReply.Silent ? "Your protocol says nothing"
                    : string.Join(", ", e.HoldingReply.RequiredContent.Select(x => x switch
                    {
                        HoldingReplyElement.Reason => "the reason",
                        HoldingReplyElement.Action => "the action being taken",
                        _ => "a new deadline",
                    })) + (e.HoldingReply.InWriting ? ", in writing" : ""), e.HoldingReply),
                new("New enquiries go to", e.Routing.Route == RoutingTarget.Hub ? (preset.Council.HubName ?? "The enquiries team") : "The manager of the service (\u201cWho does what\u201d)", e.Routing),
                new("Enquiries that are complaints", e.Complaints.Silent ? "Your protocol says nothing"
                    : e.Complaints.Route + (e.Complaints.DeadlineWorkingDays is { } cd ? $", answered within {cd} working days" : ""), e.Complaints),
                new("File notes", e.FileNotes.Silent ? "Your protocol says nothing" : e.FileNotes.Required ? "Required" : "Optional", e.FileNotes),
                new("Oral answers", e.WrittenAnswers is { Silent: false, ConfirmOralInWriting: true } ? "Must be confirmed in writing" : "No written confirmation required", e.WrittenAnswers),
                new("Constituents' personal data", e.ConstituentData.ConsentEvidenceRequired ? "Only with recorded evidence of consent" : "No consent record required", e.ConstituentData),
                new("Disproportionate burden", e.Burden.Silent ? "Your protocol says nothing" : $"Raise with {e.Burden.RaiseWith}", e.Burden),
                new("Out of office", e.OutOfOffice.Silent ? "Your protocol says nothing" : $"Cover needed for absences over {e.OutOfOffice.CoverAfterWorkingDays} working day(s)", e.OutOfOffice),
            ]);
        })];
    }
}
