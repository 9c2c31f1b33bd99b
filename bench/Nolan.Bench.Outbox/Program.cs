// The driver of Nolan's outbox benchmark (bench/outbox.sh): how fast Nolan's outbox delivers to a local SMTP server,
// beside the raw send rate of the same MailKit client, in the same run, so the figures read as a ratio on a noisy,
// shared machine.
//
//   seed    N pending outbox messages rendered from Nolan's own templates (plain text + HTML), through the real
//           DbContext on the chosen database
//   outbox  Nolan's OutboxDelivery.DeliverDueAsync in rounds of 50 (the worker's batch), a fresh context per round as
//           the worker does, until nothing is due
//   raw     the same N messages, loaded beforehand, sent by the sender of Nolan's SmtpSenderFactory (MailKit) over one
//           connection, with no database
//
// Rounds alternate which of outbox and raw goes first; before every outbox run all N messages are put back to Pending.
//
// Usage: nolan-bench-outbox --provider postgres|sqlite --connection CS --smtp-port PORT [--smtp-host 127.0.0.1]
//          [--messages 5000] [--rounds 2] [--warmup 1000] [--templates DIR] [--cpu NAME=PID]... [--markdown FILE]
//   --cpu NAME=PID   also report the CPU time of this process and its children per message (e.g. postgres=PID)
//   --markdown FILE  append this run's section of the results (a Markdown table) to FILE
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nolan.Bench.Outbox;
using Nolan.Core.DataStore;
using Nolan.Core.Notifications;
using Npgsql;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"nolan-bench-outbox: {e.Message}");
    return 2;
}

await using var dataSource = options.Postgres ? NpgsqlDataSource.Create(options.Connection) : null;
NolanDbContext NewContext()
{
    var builder = new DbContextOptionsBuilder<NolanDbContext>();
    if (dataSource is not null)
    {
        Database.UsePostgres(builder, dataSource);
    }
    else
    {
        Database.UseSqlite(builder, options.Connection);
    }

    return new NolanDbContext(builder.Options);
}

var smtp = new SmtpSettings { Host = options.SmtpHost, Port = options.SmtpPort, Security = "None", FromAddress = "members.enquiries@council.test", FromName = "Democratic Services" };
var senders = new SmtpSenderFactory(smtp);
var stats = dataSource is null ? null : await PgStatements.TryCreateAsync(dataSource);

await using (var db = NewContext())
{
    await db.Database.MigrateAsync();
}

var templates = new MessageTemplates(options.Templates);
Console.WriteLine($"seeding {options.Messages:N0} outbox messages (+ {options.Warmup} for the warm-up) on {options.Provider}");
var seedClock = Stopwatch.StartNew();
await Seed.AddAsync(NewContext, templates, "warmup", options.Warmup);
await Seed.AddAsync(NewContext, templates, "bench", options.Messages);
Console.WriteLine($"    seeded in {seedClock.Elapsed.TotalSeconds:F1} s; average message {await Seed.AverageSizeAsync(NewContext):N0} characters (subject + text + HTML)");

// Warm-up: JIT, connection pools, the SMTP server; the messages are then marked sent so the measured runs see only theirs.
Console.WriteLine("warming up");
await RunOutboxAsync("warmup");
await RunRawAsync("warmup");

var runs = new List<Run>();
for (var round = 1; round <= options.Rounds; round++)
{
    var order = round % 2 == 1 ? new[] { "outbox", "raw" } : ["raw", "outbox"];
    foreach (var kind in order)
    {
        var run = kind == "outbox" ? await RunOutboxAsync("bench") : await RunRawAsync("bench");
        run.Round = round;
        runs.Add(run);
        Console.WriteLine($"    round {round} {kind,-6}: {run.Rate,8:F1} messages/s, {run.Seconds:F1} s, per message p50 {run.P50:F2} ms, p99 {run.P99:F2} ms"
            + (run.Statements is { } s ? $", {(double)s / run.Count:F2} SQL statements/message" : ""));
    }
}

var report = Report.Markdown(options, runs);
Console.WriteLine();
Console.WriteLine(report);
if (options.MarkdownFile is not null)
{
    await File.AppendAllTextAsync(options.MarkdownFile, report + "\n");
}

return 0;

async Task<Run> RunOutboxAsync(string batchName)
{
    await Seed.ResetAsync(NewContext, batchName, onlyThese: true);
    var count = await Seed.PendingAsync(NewContext);
    if (stats is not null)
    {
        await stats.ResetAsync();
    }

    var timing = new TimingSenderFactory(senders);
    var cpu = CpuMeter.Snapshot(options.Cpu);
    var clock = Stopwatch.StartNew();
    int sent = 0, batches = 0;
    while (true)
    {
        // As OutboxWorker: a new context (scope) per batch of 50.
        await using var db = NewContext();
        var round = await new OutboxDelivery(db, timing, TimeProvider.System).DeliverDueAsync(OutboxBatch.Size);
        if (round.Retried + round.Dead > 0)
        {
            throw new InvalidOperationException($"Delivery failed: {round}");
        }

        if (round.Claimed == 0)
        {
            break;
        }

        sent += round.Sent;
        batches++;
    }

    clock.Stop();
    if (sent != count)
    {
        throw new InvalidOperationException($"{sent} sent of {count} pending");
    }

    var cpuAfter = CpuMeter.Snapshot(options.Cpu);
    var run = new Run("outbox", sent, clock.Elapsed, timing.Cycles(), CpuMeter.PerMessage(cpu, cpuAfter, sent))
    {
        Sends = timing.Sends,
        Statements = stats is null ? null : await stats.CallsAsync(),
        TopStatements = stats is null ? [] : await stats.TopAsync(8),
        Batches = batches,
    };
    return run;
}

async Task<Run> RunRawAsync(string batchName)
{
    List<OutboxMessage> messages;
    await using (var db = NewContext())
    {
        messages = await db.OutboxMessages.AsNoTracking().Where(m => m.DedupKey.StartsWith(batchName + "-")).OrderBy(m => m.NextAttemptAt).ToListAsync();
    }

    var timing = new TimingSenderFactory(senders);
    var cpu = CpuMeter.Snapshot(options.Cpu);
    var clock = Stopwatch.StartNew();
    await using (var sender = await timing.OpenAsync(MessageChannel.Email, CancellationToken.None))
    {
        foreach (var m in messages)
        {
            await sender.SendAsync(m, CancellationToken.None);
        }
    }

    clock.Stop();
    var cpuAfter = CpuMeter.Snapshot(options.Cpu);
    return new Run("raw", messages.Count, clock.Elapsed, timing.Cycles(), CpuMeter.PerMessage(cpu, cpuAfter, messages.Count)) { Sends = timing.Sends, Batches = 1 };
}
