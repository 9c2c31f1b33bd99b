using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Calendar;
using Nolan.Core.Enquiries;
using Nolan.Web.Lists;

namespace Nolan.Web.Pages.Enquiries;

/// <summary>A list's "Download as CSV": every enquiry its filters select, in its order, streamed.</summary>
public sealed class ExportModel(EnquiryLists lists, TimeProvider time) : NolanPageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var a = Actor;
        var query = EnquiryListParameters.Parse(k => Request.Query[k].ToString(), a, EnquiryLists.DefaultPageSize, out var errors);
        if (errors.ContainsKey("scope") || !EnquiryLists.Offers(a, query.Scope))
        {
            return Forbid();
        }

        if (errors.Count > 0)
        {
            // Back to the list, which names what could not be read.
            return Redirect("/enquiries" + Request.QueryString);
        }

        await EnquiryCsv.WriteAsync(Response, lists.ExportAsync(a, query, ct), EnquiryCsv.FileName(query, LondonTime.ToLocalDate(time.GetUtcNow())), ct);
        return new EmptyResult();
    }
}
