using Microsoft.Extensions.Options;

namespace Nolan.Web.Hosting;

/// <summary>
/// Background work that runs at start-up and then every <see cref="Interval"/>, in a fresh scope each time, and
/// survives its own failures. Off on nodes started with <c>Nolan:Workers=false</c>. Every worker is safe on several
/// nodes at once: what they change is claimed in the database, never in memory.
/// </summary>
internal abstract class PeriodicWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<NolanOptions> options, ILogger log)
    : BackgroundService
{
    protected TimeProvider Time => time;

    protected NolanOptions Options => options.Value;

    protected ILogger Log => log;

    protected abstract TimeSpan Interval { get; }

    /// <summary>What the worker does, for the log.</summary>
    protected abstract string Task { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Workers)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                await RunOnceAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "{Task} failed; it will be retried", Task);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
