using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.DataStore;
using Nolan.Core.Notifications;
using Npgsql;

namespace Nolan.Bench.Outbox;

internal static class OutboxBatch
{
    /// <summary>The batch OutboxWorker uses (its private constant Batch).</summary>
    public const int Size = 50;
}

internal sealed class BenchOptions
{
    public string Provider { get; private set; } = "postgres";
    public bool Postgres => Provider == "postgres";
    public string Connection { get; private set; } = "";
    public string SmtpHost { get; private set; } = "127.0.0.1";
    public int SmtpPort { get; private set; }
    public int Messages { get; private set; } = 5000;
    public int Rounds { get; private set; } = 2;
    public int Warmup { get; private set; } = 1000;
    public string Templates { get; private set; } = Path.Combine(AppContext.BaseDirectory, "templates");
    public Dictionary<string, int> Cpu { get; } = [];
    public string? MarkdownFile { get; private set; }

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number()
            {
                var name = args[i];
                return int.TryParse(Value(), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} needs a positive number");
            }

            switch (args[i])
            {
                case "--provider": o.Provider = Value(); break;
                case "--connection": o.Connection = Value(); break;
                case "--smtp-host": o.SmtpHost = Value(); break;
                case "--smtp-port": o.SmtpPort = Number(); break;
                case "--messages": o.Messages = Number(); break;
                case "--rounds": o.Rounds = Number(); break;
                case "--warmup": o.Warmup = Number(); break;
                case "--templates": o.Templates = Value(); break;
                case "--markdown": o.MarkdownFile = Value(); break;
                case "--cpu":
                    var parts = Value().Split('=', 2);
                    o.Cpu[parts[0]] = parts.Length == 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid) ? pid : throw new ArgumentException("--cpu needs NAME=PID");
                    break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }

        if (o.Provider is not ("postgres" or "sqlite") || o.Connection.Length == 0 || o.SmtpPort == 0)
        {
            throw new ArgumentException("usage: --provider postgres|sqlite --connection CS --smtp-port PORT [--messages N] [--rounds N] [--markdown FILE]");
        }

        return o;
    }
}

/// <summary>One measured run: messages, wall time, per-message cycle times (ms) and CPU per message (ms).</summary>
internal sealed record Run(string Kind, int Count, TimeSpan Elapsed, List<double> Cycles, Dictionary<string, double> CpuPerMessage)
{
    public int Round { get; set; }
    public double Seconds => Elapsed.TotalSeconds;
    public double Rate => Count / Elapsed.TotalSeconds;
    public double P50 => Percentile(Cycles, 50);
    public double P99 => Percentile(Cycles, 99);
    public List<double> Sends { get; init; } = [];
    public long? Statements { get; init; }
    public List<(long Calls, string Query)> TopStatements { get; init; } = [];
    public int Batches { get; init; }

    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>
/// Wraps the real sender to time each send. A message's cycle is the time from the start of its send to the start
/// of the next one (for the outbox: the send, recording it as sent, and at a batch boundary the next claim); the
/// last message's cycle ends when the run ends, so it is left out.
/// </summary>
internal sealed class TimingSenderFactory(IMessageSenderFactory inner) : IMessageSenderFactory
{
    private readonly List<long> _starts = [];

    public List<double> Sends { get; } = [];

    public async Task<IMessageSender> OpenAsync(MessageChannel channel, CancellationToken ct) =>
        new Timed(await inner.OpenAsync(channel, ct), this);

    public List<double> Cycles() =>
        _starts.Zip(_starts.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds).ToList();

    private sealed class Timed(IMessageSender sender, TimingSenderFactory owner) : IMessageSender
    {
        public MessageChannel Channel => sender.Channel;

        public async Task SendAsync(OutboxMessage message, CancellationToken ct)
        {
            var start = Stopwatch.GetTimestamp();
            owner._starts.Add(start);
            await sender.SendAsync(message, ct);
            owner.Sends.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        public ValueTask DisposeAsync() => sender.DisposeAsync();
    }
}

/// <summary>CPU time from /proc: this process, and each watched process with its children.</summary>
internal static class CpuMeter
{
    private const double MsPerTick = 10; // USER_HZ is 100 on Linux.

    public static Dictionary<string, double> Snapshot(Dictionary<string, int> watched)
    {
        var snap = new Dictionary<string, double> { ["driver"] = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds };
        if (watched.Count == 0)
        {
            return snap;
        }

        var all = new List<(int Pid, int Parent, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid) && Stat(pid) is { } s)
            {
                all.Add((pid, s.Parent, s.Ticks));
            }
        }

        foreach (var (name, pid) in watched)
        {
            var own = Stat(pid, reaped: true)?.Ticks ?? 0;
            snap[name] = (own + all.Where(p => p.Parent == pid).Sum(p => p.Ticks)) * MsPerTick;
        }

        return snap;
    }

    public static Dictionary<string, double> PerMessage(Dictionary<string, double> before, Dictionary<string, double> after, int messages) =>
        after.ToDictionary(a => a.Key, a => (a.Value - before.GetValueOrDefault(a.Key)) / Math.Max(1, messages));

    private static (int Parent, long Ticks)? Stat(int pid, bool reaped = false)
    {
        try
        {
            var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')', 2)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long F(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
            // fields[0] is field 3 of proc(5): ppid is field 4, utime..cstime are fields 14-17.
            return ((int)F(1), F(11) + F(12) + (reaped ? F(13) + F(14) : 0));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}

/// <summary>Statements executed, from pg_stat_statements when PostgreSQL has it loaded.</summary>
internal sealed class PgStatements(NpgsqlDataSource dataSource)
{
    private const string Mine = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'";

    public static async Task<PgStatements?> TryCreateAsync(NpgsqlDataSource dataSource)
    {
        try
        {
            await using var cmd = dataSource.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT count(*) FROM pg_stat_statements");
            await cmd.ExecuteScalarAsync();
            return new PgStatements(dataSource);
        }
        catch (PostgresException)
        {
            return null;
        }
    }

    public async Task ResetAsync()
    {
        await using var cmd = dataSource.CreateCommand("SELECT pg_stat_statements_reset()");
        await cmd.ExecuteScalarAsync();
    }

    public async Task<long> CallsAsync()
    {
        await using var cmd = dataSource.CreateCommand($"SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements WHERE {Mine}");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<List<(long, string)>> TopAsync(int n)
    {
        await using var cmd = dataSource.CreateCommand(
            $"SELECT calls, regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements WHERE {Mine} ORDER BY calls DESC LIMIT {n}");
        await using var reader = await cmd.ExecuteReaderAsync();
        var top = new List<(long, string)>();
        while (await reader.ReadAsync())
        {
            top.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return top;
    }
}

/// <summary>The benchmark's messages: rendered from Nolan's templates, queued as the Notifier queues them.</summary>
internal static class Seed
{
    private const string Details = "A resident of London Road has contacted me about the pothole outside number 14. It has been there since the winter, "
        + "it is now about a foot across and several inches deep, and a cyclist came off their bike there last week. The resident reported it online "
        + "a month ago and has heard nothing. Could officers please inspect it, tell me when it will be repaired and whether a temporary repair can be "
        + "made in the meantime?";

    public static async Task AddAsync(Func<NolanDbContext> context, MessageTemplates templates, string name, int count)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        for (var from = 0; from < count; from += 500)
        {
            await using var db = context();
            foreach (var i in Enumerable.Range(from, Math.Min(500, count - from)))
            {
                var reference = $"SOS-{name[..1].ToUpperInvariant()}{i:D6}";
                var values = new Dictionary<string, string>
                {
                    ["name"] = $"Councillor Member {i % 200}",
                    ["reference"] = reference,
                    ["subject"] = "Pothole outside number 14, London Road",
                    ["link"] = $"https://nolan.example.gov.uk/enquiries/{Guid.NewGuid()}",
                    ["routing"] = "It has been sent to Highways (Sam Officer, Highways Manager).",
                    ["deadline"] = "You should have a reply by Friday 4 December 2026 (10 working days, paragraph 5.2 of the protocol).",
                    ["officer"] = "Sam Officer, Highways Manager",
                    ["response"] = "Thank you for raising this. " + Details + " An inspector visited on Tuesday and a permanent repair is booked for next week.",
                };
                var key = i % 2 == 0 ? "enquiry-logged" : "enquiry-response";
                var rendered = templates.Render("southend-on-sea", key, values);
                db.OutboxMessages.Add(new OutboxMessage
                {
                    DedupKey = $"{name}-{key}-{i:D6}",
                    ToAddress = $"member{i % 200}@southend-on-sea.test",
                    ToName = values["name"],
                    TemplateKey = key,
                    Subject = rendered.Subject,
                    BodyText = rendered.Text,
                    BodyHtml = rendered.Html,
                    Status = OutboxStatus.Pending,
                    CreatedAt = start,
                    NextAttemptAt = start.AddMilliseconds(i),
                });
            }

            await db.SaveChangesAsync();
        }
    }

    public static async Task<double> AverageSizeAsync(Func<NolanDbContext> context)
    {
        await using var db = context();
        return await db.OutboxMessages.AverageAsync(m => m.Subject.Length + m.BodyText.Length + m.BodyHtml.Length);
    }

    /// <summary>Puts the named set back to Pending (and everything else to Sent), as if just queued.</summary>
    public static async Task ResetAsync(Func<NolanDbContext> context, string name, bool onlyThese)
    {
        await using var db = context();
        await db.OutboxMessages.Where(m => m.DedupKey.StartsWith(name + "-")).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.SentAt, (DateTimeOffset?)null)
            .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null));
        if (onlyThese)
        {
            await db.OutboxMessages.Where(m => !m.DedupKey.StartsWith(name + "-") && m.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Sent));
        }

        // Leave no dead rows or stale statistics from the previous run to the next one.
        await db.Database.ExecuteSqlRawAsync(db.IsSqlite ? "PRAGMA wal_checkpoint(TRUNCATE)" : "VACUUM ANALYZE outbox_messages");
    }

    public static async Task<int> PendingAsync(Func<NolanDbContext> context)
    {
        await using var db = context();
        return await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending);
    }
}

internal static class Report
{
    public static string Markdown(BenchOptions o, List<Run> runs)
    {
        static string F(double v, string format = "F1") => v.ToString(format, CultureInfo.InvariantCulture);
        static double Median(IEnumerable<double> v)
        {
            var sorted = v.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        var outbox = runs.Where(r => r.Kind == "outbox").ToList();
        var raw = runs.Where(r => r.Kind == "raw").ToList();
        var ratios = outbox.Select(ob => ob.Rate / raw.Single(r => r.Round == ob.Round).Rate).ToList();
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"### {(o.Postgres ? "PostgreSQL" : "SQLite")}: {o.Messages:N0} messages, {o.Rounds} round(s)");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"**Outbox / raw: {F(100 * Median(ratios))} %** (median of the rounds' ratios: {string.Join(", ", ratios.Select(r => F(100 * r) + " %"))})");
        sb.AppendLine();
        var cpuNames = runs.SelectMany(r => r.CpuPerMessage.Keys).Distinct().ToList();
        sb.AppendLine("| round | run | messages/s | seconds | per message p50 | p99 | of which SMTP send p50 | p99 | SQL statements/message | "
            + string.Join(" | ", cpuNames.Select(n => $"{n} CPU ms/message")) + " |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|" + string.Concat(cpuNames.Select(_ => "---|")));
        foreach (var r in runs)
        {
            var row = $"| {r.Round} | {(r.Kind == "outbox" ? "Nolan outbox (`OutboxDelivery`, batches of 50)" : "raw SMTP, one connection")} | {F(r.Rate)} | {F(r.Seconds)} | "
                + $"{F(r.P50, "F2")} ms | {F(r.P99, "F2")} ms | {F(Run.Percentile(r.Sends, 50), "F2")} ms | {F(Run.Percentile(r.Sends, 99), "F2")} ms | "
                + $"{(r.Statements is { } s ? F((double)s / r.Count, "F2") : "-")} | "
                + string.Join(" | ", cpuNames.Select(n => F(r.CpuPerMessage.GetValueOrDefault(n), "F2"))) + " |";
            sb.AppendLine(row);
        }

        var top = outbox.LastOrDefault()?.TopStatements ?? [];
        if (top.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Statements of the last outbox run ({outbox[^1].Count:N0} messages, {outbox[^1].Batches} batches), by calls:");
            sb.AppendLine();
            sb.AppendLine("| calls | statement |");
            sb.AppendLine("|---|---|");
            foreach (var (calls, query) in top)
            {
                var q = query.Length > 160 ? query[..160] + " ..." : query;
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {calls:N0} | `{q.Replace("|", "\\|", StringComparison.Ordinal)}` |");
            }
        }

        return sb.ToString();
    }
}
