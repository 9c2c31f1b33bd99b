using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Monitoring;

namespace Nolan.Web.Pages.Monitoring;

/// <summary>The quarterly report as CSV: each figure with its paragraph, then month by month, then each breakdown.</summary>
public sealed class ReportCsvModel(MonitoringReports reports, TimeProvider time) : NolanPageModel
{
    [FromQuery(Name = "council")]
    public Guid? CouncilId { get; set; }

    [FromQuery(Name = "quarter")]
    public string? Quarter { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (report, quarter, error) = await ReportModel.LoadAsync(reports, time, Actor, CouncilId, Quarter, ct);
        if (report is null)
        {
            return Forbid();
        }

        if (error is not null)
        {
            return Redirect($"/monitoring/report?council={report.CouncilId}&quarter={Uri.EscapeDataString(Quarter ?? "")}");
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"enquiries-monitoring-{quarter}.csv\"";
        await using var csv = CsvWriter.Create(Response.Body, Lists.EnquiryCsv.Options, true);
        await csv.WriteRecordAsync(["Section", "Item", "Figure", "Value", "Measured against"], ct);
        foreach (var f in Figures.Rows(report))
        {
            await csv.WriteRecordAsync([$"{report.CouncilName}, {ReportModel.Label(report.FromMonth)}", "", f.Name, f.Value, f.Source], ct);
        }

        foreach (var m in report.Months)
        {
            await Totals(csv, "Month", Figures.Month(m.Month), m.Totals, ct);
        }

        foreach (var (section, rows) in new[] { ("Service", report.ByService), ("Ward", report.ByWard), ("Officer", report.ByOfficer) })
        {
            foreach (var r in rows)
            {
                await Totals(csv, section, r.Name, r.Totals, ct);
            }
        }

        await csv.FlushAsync(ct);
        return new EmptyResult();
    }

    private static async Task Totals(CsvWriter csv, string section, string item, FigureTotals t, CancellationToken ct)
    {
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        await csv.WriteRecordAsync([section, item, "Received", N(t.Received), ""], ct);
        await csv.WriteRecordAsync([section, item, "Answered", N(t.Answered), ""], ct);
        await csv.WriteRecordAsync([section, item, "Answered on time", Figures.Percent(t.OnTimeRate), $"{t.AnsweredOnTime} of {t.AnsweredWithDeadline}"], ct);
        await csv.WriteRecordAsync([section, item, "Median working days to answer", t.MedianWorkingDays?.ToString("0.#", CultureInfo.InvariantCulture) ?? "", ""], ct);
        await csv.WriteRecordAsync([section, item, "Had a holding reply", N(t.HoldingReplies), ""], ct);
        await csv.WriteRecordAsync([section, item, "Moved to the complaints procedure", N(t.MovedToComplaints), ""], ct);
    }
}
