using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Common;
using Nolan.Core.DataStore;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries.PassOn;

/// <summary>The Hub assigns an enquiry, or an officer passes it to a colleague.</summary>
public sealed class AssignModel(EnquiryService enquiries, NolanDbContext db) : EnquiryActionPage(enquiries)
{
    [BindProperty]
    public string? OfficerId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public IReadOnlyList<SelectListItem> Officers { get; private set; } = [];

    public override EnquiryAction Step => EnquiryActions.Assign;

    protected override string Done => "Enquiry assigned";

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        var e = Enquiry.Enquiry;
        Officers = await db.OfficerAppointments.AsNoTracking()
            .Where(x => x.CouncilId == e.CouncilId && x.Officer!.Active && x.OfficerId != e.AssignedOfficerId)
            .OrderBy(x => x.Officer!.Name)
            .Select(x => new SelectListItem(x.Officer!.Name + " (" + x.Officer.JobTitle + ")", x.OfficerId.ToString()))
            .ToListAsync(ct);
    }

    protected override async Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct)
    {
        if (!Guid.TryParse(OfficerId, out var officer))
        {
            ModelState.AddModelError(nameof(OfficerId), "Choose an officer");
            return null;
        }

        return await Enquiries.AssignAsync(id, Version, new AssignEnquiry(officer, Note), Actor, ct);
    }
}
