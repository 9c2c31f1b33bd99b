using Microsoft.Extensions.Options;
using Nolan.Core.Audit;
using Nolan.Core.DataStore;

namespace Nolan.Web.Hosting;

/// <summary>Seals new audit events every minute. Seal numbers are unique, so a node that loses a race retries.</summary>
internal sealed class AuditSealer(IServiceScopeFactory scopes, TimeProvider time, IOptions<NolanOptions> options, ILogger<AuditSealer> log)
    : PeriodicWorker(scopes, time, options, log)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override string Task => "Sealing the audit trail";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var sealedCount = await AuditChain.SealAsync(services.GetRequiredService<NolanDbContext>(), Time, services.GetRequiredService<AuditTrust>(), ct);
        if (sealedCount > 0)
        {
            Log.LogInformation("Sealed {Count} audit events", sealedCount);
        }
    }
}
