using System.Globalization;
using CsvHelper;
using Nolan.Core.Calendar;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Lists;

/// <summary>
/// A list's CSV: exactly what its filters select, one row per enquiry, written as it is read (nothing is held in
/// memory), with any cell that a spreadsheet would run as a formula escaped (CsvHelper's injection escaping: a text cell
/// starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return is prefixed with an apostrophe).
/// </summary>
public static class EnquiryCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] Header =
        ["Reference", "Subject", "Member", "Ward", "Service", "Officer", "Status", "Received", "Due", "Promised by", "Timeliness",
            "Working days overdue", "Answered"];

    /// <summary>Every CSV Nolan writes: RFC 4180, formulas escaped, a byte order mark so that a spreadsheet reads accents as UTF-8.</summary>
    public static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };

    public static string FileName(EnquiryListQuery q, DateOnly today) =>
        $"enquiries-{EnquiryListParameters.Scopes.First(x => x.Value == q.Scope).Key}-{today:yyyy-MM-dd}.csv";

    /// <summary>Writes the rows to the response body, flushing as its buffer fills.</summary>
    public static async Task WriteAsync(HttpResponse response, IAsyncEnumerable<EnquirySummary> rows, string fileName, CancellationToken ct)
    {
        response.ContentType = ContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var csv = CsvWriter.Create(response.Body, Options, true);
        await csv.WriteRecordAsync(Header, ct);
        await foreach (var r in rows.WithCancellation(ct))
        {
            await csv.WriteRecordAsync(
            [
                r.Reference,
                r.Subject,
                r.MemberName,
                r.WardName ?? "",
                r.ServiceName ?? "",
                r.AssignedOfficerName ?? "",
                EnquiryText.Status(r.Status),
                Day(LondonTime.ToLocalDate(r.ReceivedAt)),
                r.DueOn is { } due ? Day(due) : "",
                r.PromisedBy is { } promised ? Day(promised) : "",
                EnquiryText.Timeliness(r.Timeliness),
                r.WorkingDaysOverdue.ToString(CultureInfo.InvariantCulture),
                r.AnsweredAt is { } a ? Day(LondonTime.ToLocalDate(a)) : "",
            ], ct);
        }

        await csv.FlushAsync(ct);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
