using Microsoft.Extensions.Options;
using Nolan.Core.Monitoring;
using Nolan.Web.Hosting;

namespace Nolan.Web.Monitoring;

/// <summary>Brings the monitoring figures up to date with the enquiries every <c>Nolan:MonitoringRefreshSeconds</c>.</summary>
internal sealed class MonthlyFiguresWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<NolanOptions> options, ILogger<MonthlyFiguresWorker> log)
    : PeriodicWorker(scopes, time, options, log)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Clamp(Options.MonitoringRefreshSeconds, 5, 3600));

    protected override string Task => "Refreshing the monitoring figures";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var months = await services.GetRequiredService<MonthlyFigures>().RefreshAsync(ct);
        if (months > 0)
        {
            Log.LogInformation("Recomputed the monitoring figures of {Count} council-months", months);
        }
    }
}
