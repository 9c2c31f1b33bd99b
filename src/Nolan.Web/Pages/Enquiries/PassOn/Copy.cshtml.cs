using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Common;
using Nolan.Core.DataStore;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries.PassOn;

/// <summary>Copy an enquiry to another member of the council: an open copy that everyone who can see it sees.</summary>
public sealed class CopyModel(EnquiryService enquiries, NolanDbContext db) : EnquiryActionPage(enquiries)
{
    [BindProperty]
    public string? MemberId { get; set; }

    public IReadOnlyList<SelectListItem> Members { get; private set; } = [];

    public override EnquiryAction Step => EnquiryActions.Copy;

    protected override string Done => "Enquiry copied";

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        var e = Enquiry.Enquiry;
        Members = await db.Members.AsNoTracking()
            .Where(m => m.CouncilId == e.CouncilId && m.Active && m.Id != e.MemberId)
            .OrderBy(m => m.Name).Select(m => new SelectListItem(m.Name, m.Id.ToString())).ToListAsync(ct);
    }

    protected override async Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct)
    {
        if (!Guid.TryParse(MemberId, out var member))
        {
            ModelState.AddModelError(nameof(MemberId), "Choose a member");
            return null;
        }

        return await Enquiries.CopyToMemberAsync(id, new CopyToMember(member), Actor, ct);
    }
}
