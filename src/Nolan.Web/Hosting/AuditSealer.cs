using Microsoft.Extensions.Options;
using Nolan.Core.Audit;
using Nolan.Core.DataStore;

namespace Nolan.Web.Hosting;

/// <summary>Seals new audit events every minute. Safe on several nodes: seal numbers are unique, a losing node retries.</summary>
internal sealed class AuditSealer(IServiceScopeFactory scopes, TimeProvider time, IOptions<NolanOptions> options, ILogger<AuditSealer> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Workers)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<NolanDbContext>();
                var sealedCount = await AuditChain.SealAsync(db, time, stoppingToken);
                if (sealedCount > 0)
                {
                    log.LogInformation("Sealed {Count} audit events", sealedCount);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Sealing the audit trail failed; it will be retried");
            }
        }
    }
}
