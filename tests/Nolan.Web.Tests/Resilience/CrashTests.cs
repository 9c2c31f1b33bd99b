using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Resilience;

/// <summary>
/// Acknowledged writes survive a crash: the real server process is killed with SIGKILL during a burst of enquiry
/// writes; after a restart every enquiry that got a 201 is there, and the audit trail verifies. The same under mixed
/// load on every write route of the OpenAPI document (<c>CrashTests.EveryWriteRoute.cs</c>).
/// </summary>
public sealed partial class CrashTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "nolan-crash", Guid.NewGuid().ToString("N"));
    private TestDatabase? _database;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _database = await TestDatabase.CreateAsync("nolan_crash");
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

    private string[] Settings => [$"--Nolan:Database:Provider={TestDatabase.Provider}", $"--Nolan:Database:ConnectionString={_database!.ConnectionString}", "--Nolan:DemoEnquiries=false",
        "--Nolan:SignInAttemptsPerMinute=1000"];

    private static string NolanDll => Path.Combine(AppContext.BaseDirectory, "nolan.dll");

    private Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        psi.ArgumentList.Add(NolanDll);
        foreach (var a in args.Concat(Settings))
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private async Task<string> RunCliAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        psi.ArgumentList.Add(NolanDll);
        foreach (var a in args.Concat(Settings))
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"nolan {string.Join(' ', args)} exited {p.ExitCode}: {string.Join('\n', output.Split('\n').Where(l => !l.StartsWith("info", StringComparison.Ordinal) && !l.StartsWith("      ", StringComparison.Ordinal)))} {error}");
        return output;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static async Task WaitHealthyAsync(HttpClient http, Process p)
    {
        for (var i = 0; i < 720; i++)
        {
            Assert.False(p.HasExited, "The server exited during start-up");
            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail("The server did not become healthy within three minutes");
    }

    [Fact]
    public async Task KillDuringWriteBurst_EveryAcknowledgedEnquirySurvivesAndAuditVerifies()
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        var server = Start("--demo", "--urls", url);
        await WaitHealthyAsync(http, server);
        // The real Kestrel server names no software in a Server header.
        Assert.False((await http.GetAsync(new Uri("/health", UriKind.Relative))).Headers.Contains("Server"));
        var token = (await RunCliAsync("create-token", "--email", "member@southend-on-sea.demo", "--name", "crash test")).Trim().Split('\n')[^1].Trim();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var acknowledged = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested && i < 2000; i++)
            {
                try
                {
                    var response = await http.PostJsonAsync("/api/v1/enquiries", new { subject = $"Burst {w}-{i}", details = "Written during a crash test." });
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add(response.Headers.Location!.OriginalString);
                    }
                }
                catch (HttpRequestException)
                {
                    // The server died mid-request: that write was never acknowledged.
                }
                catch (TaskCanceledException)
                {
                    // Timed out while the server was dying.
                }
            }
        })).ToArray();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (acknowledged.Count < 150 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        server.Kill(entireProcessTree: true); // SIGKILL: no graceful shutdown.
        await server.WaitForExitAsync();
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        Assert.True(acknowledged.Count >= 150, $"Only {acknowledged.Count} writes were acknowledged before the kill");

        var restarted = Start("--urls", url);
        try
        {
            await WaitHealthyAsync(http, restarted);
            var missing = new List<string>();
            foreach (var location in acknowledged)
            {
                var response = await http.GetAsync(new Uri(location, UriKind.Relative));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    missing.Add(location);
                }
            }

            Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged enquiries are missing after the crash");
        }
        finally
        {
            restarted.Kill(entireProcessTree: true);
            await restarted.WaitForExitAsync();
        }

        var verify = await RunCliAsync("verify-audit");
        Assert.Contains("The audit trail verifies.", verify, StringComparison.Ordinal);

        // Someone with the database password, not Nolan, edits one enquiry: the command fails and names it.
        var tampered = Guid.Parse(acknowledged.First().Split('/')[^1]);
        await ExecuteSqlAsync($"UPDATE enquiries SET subject = 'Quietly changed' WHERE id = '{(TestDatabase.IsPostgres ? tampered.ToString() : tampered.ToString().ToUpperInvariant())}'");
        var (exit, output) = await RunCliRawAsync("verify-audit");
        Assert.Equal(1, exit);
        Assert.Contains($"PROBLEM: Enquiry/{tampered}: differs from the state enquiry/{tampered} #", output, StringComparison.Ordinal);
        Assert.Contains("The audit trail does NOT verify.", output, StringComparison.Ordinal);
    }

    private async Task ExecuteSqlAsync(string sql)
    {
        await using System.Data.Common.DbConnection c = TestDatabase.IsPostgres
            ? new Npgsql.NpgsqlConnection(_database!.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(_database!.ConnectionString);
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }

    private async Task<(int Exit, string Output)> RunCliRawAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        psi.ArgumentList.Add(NolanDll);
        foreach (var a in args.Concat(Settings))
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, output);
    }
}
