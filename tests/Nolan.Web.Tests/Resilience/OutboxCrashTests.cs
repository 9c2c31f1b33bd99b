using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Nolan.Core.DataStore;
using Nolan.Core.Notifications;
using Nolan.Web.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Nolan.Web.Tests.Resilience;

/// <summary>
/// The outbox survives a crash: the real server process, delivering a few hundred queued messages to the real SMTP
/// sink, is killed with SIGKILL mid-delivery, twice; after the last restart every message has arrived, and no message
/// arrived twice except, at most, the one in flight at each kill.
/// </summary>
/// <remarks>
/// Why "at most the one in flight": SMTP and the database cannot commit together. The sink has the message once it
/// answers 250; Nolan records it as sent in the next (per-message) commit. A kill between the two leaves a message
/// the sink has but the database still holds as claimed, and when the claim's lease runs out it is sent again, with
/// the same Message-ID, so a receiving system can drop it. Since messages go out one at a time, only the last
/// message received before a kill can be in that state: the test asserts exactly that, and reports how often it
/// happened.
/// </remarks>
public sealed class OutboxCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Messages = 400;
    private const string FromDomain = "outbox-crash.test";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "nolan-outbox-crash", Guid.NewGuid().ToString("N"));
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];
    private readonly ConcurrentQueue<string> _log = new();
    private readonly SortedDictionary<string, string?> _seen = new(StringComparer.Ordinal);
    private TestDatabase? _database;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _database = await TestDatabase.CreateAsync("nolan_outbox_crash");
    }

    public async Task DisposeAsync()
    {
        await _database!.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private string Marker => $"outbox-crash-{_run}";

    [Fact]
    public async Task KillWorkerMidDelivery_EveryMessageArrives_NoneTwiceBeyondTheOneInFlight()
    {
        var expected = await QueueMessagesAsync();
        var url = $"http://127.0.0.1:{FreePort()}";

        // Two kills mid-delivery, then a run to the end.
        var lastBeforeKill = new List<string?>();
        foreach (var killAt in new[] { Messages / 5, Messages * 3 / 5 })
        {
            var server = Start(url);
            try
            {
                await WaitForMessagesAsync(killAt, server);
            }
            finally
            {
                server.Kill(entireProcessTree: true); // SIGKILL: no graceful shutdown, claims left behind.
                await server.WaitForExitAsync();
            }

            await Task.Delay(500); // Let the sink finish writing a message whose DATA it had in full.
            var mine = Scan();
            Assert.True(mine.Select(m => m.MessageId).Distinct().Count() < Messages,
                $"All {Messages} messages were delivered before the kill: the test did not kill the worker mid-delivery");
            lastBeforeKill.Add(mine.Count > 0 ? mine[^1].MessageId : null);
            output.WriteLine($"killed after {mine.Count} messages had arrived");
        }

        var restarted = Start(url);
        try
        {
            // The dead processes' claims expire after the configured lease (3 s), not the default 2 minutes.
            var deadline = DateTime.UtcNow.AddMinutes(3);
            int sent;
            while ((sent = await WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent))) < Messages)
            {
                Assert.False(restarted.HasExited, "The restarted server exited: " + string.Join('\n', _log.TakeLast(30)));
                Assert.True(DateTime.UtcNow < deadline, $"Only {sent} of {Messages} messages were sent within three minutes of the restart: "
                    + string.Join('\n', _log.TakeLast(30)));
                await Task.Delay(250);
            }
        }
        finally
        {
            restarted.Kill(entireProcessTree: true);
            await restarted.WaitForExitAsync();
        }

        await Task.Delay(500);
        var received = Scan();
        var counts = received.GroupBy(m => m.MessageId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = expected.Where(id => !counts.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {Messages} messages never arrived");
        Assert.Empty(counts.Keys.Except(expected, StringComparer.Ordinal));
        var repeated = counts.Where(c => c.Value > 1).ToList();
        output.WriteLine($"{received.Count} messages received for {Messages} queued; repeated Message-IDs: {repeated.Count}");
        foreach (var (id, count) in repeated)
        {
            Assert.True(count == 2 && lastBeforeKill.Contains(id),
                $"Message-ID {id} arrived {count} times, and it was not the message in flight at a kill");
        }

        Assert.True(repeated.Count <= lastBeforeKill.Count);
    }

    /// <summary>Queues the messages through the product's own model and returns their expected Message-IDs.</summary>
    private async Task<HashSet<string>> QueueMessagesAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var messages = Enumerable.Range(0, Messages).Select(i => new OutboxMessage
        {
            DedupKey = $"{Marker}-{i:D4}",
            ToAddress = $"member{i % 40}@{FromDomain}",
            ToName = $"Councillor {i % 40}",
            TemplateKey = "enquiry-logged",
            Subject = $"We have your enquiry {Marker} {i:D4}: Pothole outside number 14, London Road",
            BodyText = $"Dear Councillor,\n\nYour enquiry **Pothole outside number 14, London Road** has been logged ({Marker} {i:D4}).\n\n"
                + string.Concat(Enumerable.Repeat("It will be answered within ten working days. ", 12)),
            BodyHtml = $"<p>Dear Councillor,</p>\n<p>Your enquiry <strong>Pothole outside number 14, London Road</strong> has been logged ({Marker} {i:D4}).</p>\n<p>"
                + string.Concat(Enumerable.Repeat("It will be answered within ten working days. ", 12)) + "</p>\n",
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now.AddMilliseconds(i),
        }).ToList();

        await WithDbAsync(async db =>
        {
            await db.Database.MigrateAsync();
            db.OutboxMessages.AddRange(messages);
            return await db.SaveChangesAsync();
        });
        return messages.Select(m => OutboxDelivery.MessageId(m, FromDomain)).ToHashSet(StringComparer.Ordinal);
    }

    private async Task<T> WithDbAsync<T>(Func<NolanDbContext, Task<T>> work)
    {
        var options = new DbContextOptionsBuilder<NolanDbContext>();
        await using var source = TestDatabase.IsPostgres ? NpgsqlDataSource.Create(_database!.ConnectionString) : null;
        if (source is not null)
        {
            Database.UsePostgres(options, source);
        }
        else
        {
            Database.UseSqlite(options, _database!.ConnectionString);
        }

        await using var db = new NolanDbContext(options.Options);
        return await work(db);
    }

    /// <summary>This test's messages in the sink, in arrival order (the sink numbers its files). Reads each file once.</summary>
    private List<(string File, string MessageId)> Scan()
    {
        foreach (var file in Directory.GetFiles(SmtpSink.Directory, "*.eml"))
        {
            var name = Path.GetFileName(file);
            if (!_seen.ContainsKey(name))
            {
                var message = MimeMessage.Load(file);
                _seen[name] = (message.Subject ?? "").Contains(Marker, StringComparison.Ordinal) ? message.MessageId : null;
            }
        }

        return _seen.Where(s => s.Value is not null).Select(s => (s.Key, s.Value!)).ToList();
    }

    private async Task WaitForMessagesAsync(int atLeast, Process server)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (Scan().Select(m => m.MessageId).Distinct().Count() < atLeast)
        {
            Assert.False(server.HasExited, "The server exited: " + string.Join('\n', _log.TakeLast(30)));
            Assert.True(DateTime.UtcNow < deadline, $"Fewer than {atLeast} messages arrived within three minutes: " + string.Join('\n', _log.TakeLast(30)));
            await Task.Delay(10);
        }
    }

    private Process Start(string url)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        string[] args =
        [
            Path.Combine(AppContext.BaseDirectory, "nolan.dll"), "--urls", url,
            $"--Nolan:Database:Provider={TestDatabase.Provider}", $"--Nolan:Database:ConnectionString={_database!.ConnectionString}",
            "--Nolan:Workers=true", "--Nolan:OutboxIntervalSeconds=1", "--Nolan:OutboxLeaseSeconds=3",
            $"--Nolan:Smtp:Host={SmtpSink.Host}", $"--Nolan:Smtp:Port={SmtpSink.Port}", "--Nolan:Smtp:Security=None",
            $"--Nolan:Smtp:FromAddress=nolan@{FromDomain}",
        ];
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, e) => Keep(e.Data);
        p.ErrorDataReceived += (_, e) => Keep(e.Data);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue(line);
        while (_log.Count > 200)
        {
            _log.TryDequeue(out _);
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
