using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.Audit;
using Nolan.Core.DataStore;
using Nolan.Core.Protocols;

namespace Nolan.Web.Hosting;

/// <summary>Admin commands, run as <c>nolan COMMAND [options]</c> with the same configuration as the server.</summary>
internal static class Cli
{
    public const string Usage = """
        Nolan: the Member/Officer Relations Protocol, as working software.

        Usage:
          nolan [--demo] [--urls URL] [--Nolan:Database:Provider=Sqlite|Postgres] [--Nolan:Database:ConnectionString=...]
              Run the web server. --demo seeds the six seed councils and demo accounts on first run.
          nolan migrate                 Apply database migrations, then exit.
          nolan seed-demo               Migrate and add the demo councils if the database has none.
          nolan check-presets [DIR]     Load and validate protocol presets (default: protocols/ beside the program).
          nolan create-token --email EMAIL --name NAME [--days N]
                                        Create an API bearer token for an account; prints it once.
          nolan disable-account --email EMAIL --reason REASON
                                        Disable an account: ends its sessions and revokes its API tokens (audited).
          nolan seal-audit              Seal audit events written since the last seal.
          nolan refresh-figures         Bring the monitoring figures up to date now (the server's worker does this every minute).
          nolan apply-retention         Apply the retention policy now (Nolan:Retention:*), batch after batch until
                                        nothing is left past its period; each redaction is audited.
          nolan verify-audit            Verify every audit chain, keyed seal, the anchor file and every casework row;
                                        exit code 1 if anything was altered, naming what.

        Configuration: appsettings.json, environment variables (Nolan__Database__Provider=Postgres,
        Nolan__Database__ConnectionString=...), or --Nolan:Key=Value arguments.
        """;

    private static readonly string[] Commands = ["migrate", "seed-demo", "check-presets", "create-token", "seal-audit", "verify-audit", "refresh-figures", "apply-retention", "disable-account", "help"];

    public static bool IsCommand(string arg) => Commands.Contains(arg);

    /// <summary>Parses and runs an admin command (System.CommandLine: options, required values and errors).</summary>
    public static Task<int> RunAsync(string[] args) => Root().Parse(args).InvokeAsync();

    private static RootCommand Root()
    {
        var root = new RootCommand("Nolan: the Member/Officer Relations Protocol, as working software.");

        var help = new Command("help", "Show the commands.");
        help.SetAction(_ =>
        {
            Console.WriteLine(Usage);
            return 0;
        });

        var directory = new Argument<string?>("DIR")
        {
            Description = "The folder of presets (default: protocols/ beside the program).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var checkPresets = new Command("check-presets", "Load and validate protocol presets.") { directory };
        checkPresets.SetAction(async (r, _) =>
        {
            try
            {
                var catalog = PresetLoader.LoadDirectory(r.GetValue(directory) ?? Path.Combine(AppContext.BaseDirectory, "protocols"));
                foreach (var p in catalog.All.OrderBy(p => p.Council.Slug))
                {
                    Console.WriteLine($"{p.Council.Slug}: {p.Council.Name} ({p.Versions.Count} version(s))");
                }

                return 0;
            }
            catch (PresetException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
        });

        var email = new Option<string>("--email") { Description = "The account's email address.", Required = true };
        var name = new Option<string>("--name") { Description = "A name for the token, to tell tokens apart.", Required = true };
        var days = new Option<int?>("--days") { Description = "Days until the token expires (default: never)." };

        var reason = new Option<string>("--reason") { Description = "Why the account is disabled (recorded in the audit trail).", Required = true };

        root.Subcommands.Add(help);
        root.Subcommands.Add(checkPresets);
        root.Subcommands.Add(WithDatabase("migrate", "Apply database migrations, then exit.", (_, _, _) =>
        {
            Console.WriteLine("Database is up to date.");
            return Task.FromResult(0);
        }));
        root.Subcommands.Add(WithDatabase("seed-demo", "Migrate and add the demo councils if the database has none.", SeedDemoAsync));
        root.Subcommands.Add(WithDatabase("seal-audit", "Seal audit events written since the last seal.", async (_, sp, ct) =>
        {
            Console.WriteLine($"Sealed {await AuditChain.SealAsync(sp.GetRequiredService<NolanDbContext>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AuditTrust>(), ct)} events.");
            return 0;
        }));
        root.Subcommands.Add(WithDatabase("refresh-figures", "Bring the monitoring figures up to date now.", async (_, sp, ct) =>
        {
            Console.WriteLine($"Recomputed {await sp.GetRequiredService<Core.Monitoring.MonthlyFigures>().RefreshAsync(ct)} council-months.");
            return 0;
        }));
        root.Subcommands.Add(WithDatabase("apply-retention", "Apply the retention policy now, until nothing is left past its period.", ApplyRetentionAsync));
        root.Subcommands.Add(WithDatabase("verify-audit", "Verify every audit chain, keyed seal, the anchor file and every casework row against its last audited state; exit code 1 if anything was altered, naming what.", VerifyAuditAsync));
        root.Subcommands.Add(WithDatabase("create-token", "Create an API bearer token for an account; prints it once.",
            (r, sp, _) => CreateTokenAsync(sp, r.GetValue(email)!, r.GetValue(name)!, r.GetValue(days)), email, name, days));
        root.Subcommands.Add(WithDatabase("disable-account", "Disable an account: ends its sessions and revokes its API tokens (audited).",
            (r, sp, ct) => DisableAccountAsync(sp, r.GetValue(email)!, r.GetValue(reason)!, ct), email, reason));
        return root;
    }

    /// <summary>
    /// A command that runs with the server's configuration and a migrated database. Arguments of the form
    /// <c>--Nolan:Key=Value</c> are configuration, passed to the host as the server takes them.
    /// </summary>
    private static Command WithDatabase(string name, string description, Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> run,
        params Option[] options)
    {
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        foreach (var o in options)
        {
            command.Options.Add(o);
        }

        command.SetAction(async (r, ct) =>
        {
            var unknown = r.UnmatchedTokens.Where(a => !a.StartsWith("--Nolan", StringComparison.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                await Console.Error.WriteLineAsync($"nolan {name}: unknown argument {string.Join(" ", unknown)} (see nolan help)");
                return 2;
            }

            // Commands print their own results; only warnings and errors are logged.
            var app = NolanHost.Build([.. r.UnmatchedTokens, "--Logging:LogLevel:Default=Warning"]);
            using var scope = app.Services.CreateScope();
            var sp = scope.ServiceProvider;
            DataStoreSetup.EnsureSqliteFolder(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<NolanOptions>>().Value.Database);
            await sp.GetRequiredService<NolanDbContext>().Database.MigrateAsync(ct);
            if (name != "verify-audit")
            {
                // Verification only reads: rows nobody has recorded are reported, never recorded by it.
                await AuditChain.BaselineAsync(sp.GetRequiredService<NolanDbContext>(), sp.GetRequiredService<TimeProvider>(), ct);
            }

            return await run(r, sp, ct);
        });
        return command;
    }

    private static async Task<int> SeedDemoAsync(ParseResult r, IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<NolanDbContext>();
        if (await db.Councils.AnyAsync(ct))
        {
            Console.WriteLine("The database already has councils; nothing seeded.");
            return 0;
        }

        var summary = await DatabaseInitializer.SeedDemoAsync(db, sp.GetRequiredService<PresetCatalog>(), ct);
        Console.WriteLine($"Seeded {summary.Councils} councils, {summary.Members} members, {summary.Officers} officers.");
        return 0;
    }

    private static async Task<int> ApplyRetentionAsync(ParseResult r, IServiceProvider sp, CancellationToken ct)
    {
        var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<NolanOptions>>().Value;
        int enquiries = 0, notes = 0, messages = 0, notifications = 0;
        // The worker's run, repeated until a run finds nothing (each batch is its own transactions, so stopping is safe).
        for (var round = 0; round < 100_000; round++)
        {
            var run = await DataProtection.RetentionWorker.RunAsync(sp, options, ct);
            (enquiries, notes, messages, notifications) = (enquiries + run.Enquiries, notes + run.FileNoteEnquiries, messages + run.Messages, notifications + run.InAppNotifications);
            if (run.Total == 0)
            {
                break;
            }
        }

        Console.WriteLine($"Retention policy applied: personal data removed from {enquiries} enquiries, file notes from {notes} more, {messages} messages emptied, {notifications} in-app notifications deleted.");
        return 0;
    }

    private static async Task<int> VerifyAuditAsync(ParseResult r, IServiceProvider sp, CancellationToken ct)
    {
        var v = await AuditChain.VerifyAsync(sp.GetRequiredService<NolanDbContext>(), sp.GetRequiredService<AuditTrust>(), ct);
        Console.WriteLine($"{v.Events} events in {v.Streams} chains, {v.Seals} seals ({v.Anchored} published in the anchor file), {v.Unsealed} not yet sealed; {v.Rows} casework rows checked against their last audited state.");
        foreach (var p in v.Problems)
        {
            Console.WriteLine("PROBLEM: " + p);
        }

        Console.WriteLine(v.Ok ? "The audit trail verifies." : "The audit trail does NOT verify.");
        return v.Ok ? 0 : 1;
    }

    private static async Task<int> CreateTokenAsync(IServiceProvider sp, string email, string name, int? days)
    {
        var db = sp.GetRequiredService<NolanDbContext>();
        var lower = email.ToLowerInvariant();
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Email == lower);
        if (account is null)
        {
            await Console.Error.WriteLineAsync($"No account with email '{email}'. Usage: nolan create-token --email EMAIL --name NAME [--days N]");
            return 2;
        }

        var admin = new Actor { AccountId = Guid.Empty, Name = "nolan create-token (command line)", IsSystemAdmin = true };
        var created = await sp.GetRequiredService<ApiTokenService>().CreateAsync(account.Id, name, days, admin);
        if (!created.IsSuccess)
        {
            await Console.Error.WriteLineAsync(created.Error!.Detail);
            return 2;
        }

        Console.WriteLine(created.Value!.Secret);
        return 0;
    }

    private static async Task<int> DisableAccountAsync(IServiceProvider sp, string email, string reason, CancellationToken ct)
    {
        var lower = email.ToLowerInvariant();
        var account = await sp.GetRequiredService<NolanDbContext>().Accounts.AsNoTracking().Where(a => a.Email == lower).Select(a => (Guid?)a.Id)
            .FirstOrDefaultAsync(ct);
        if (account is null)
        {
            await Console.Error.WriteLineAsync($"No account with email '{email}'. Usage: nolan disable-account --email EMAIL --reason REASON");
            return 2;
        }

        var admin = new Actor { AccountId = Guid.Empty, Name = "nolan disable-account (command line)", IsSystemAdmin = true };
        var done = await sp.GetRequiredService<AccountService>().DisableAsync(new DisableAccount(account.Value, reason), admin, ct);
        if (!done.IsSuccess)
        {
            await Console.Error.WriteLineAsync(done.Error!.Detail);
            return 2;
        }

        Console.WriteLine($"Disabled {email}: {done.Value!.SessionsEnded} session(s) ended, {done.Value.TokensRevoked} API token(s) revoked.");
        return 0;
    }
}
