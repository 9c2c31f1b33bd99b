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
          nolan seal-audit              Seal audit events written since the last seal.
          nolan verify-audit            Verify every audit hash chain and seal; exit code 1 if anything was altered.

        Configuration: appsettings.json, environment variables (Nolan__Database__Provider=Postgres,
        Nolan__Database__ConnectionString=...), or --Nolan:Key=Value arguments.
        """;

    private static readonly string[] Commands = ["migrate", "seed-demo", "check-presets", "create-token", "seal-audit", "verify-audit", "help"];

    public static bool IsCommand(string arg) => Commands.Contains(arg);

    public static async Task<int> RunAsync(string[] args)
    {
        var command = args[0];
        var rest = args.Skip(1).ToArray();
        if (command == "help")
        {
            Console.WriteLine(Usage);
            return 0;
        }

        if (command == "check-presets")
        {
            var dir = rest.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine(AppContext.BaseDirectory, "protocols");
            try
            {
                var catalog = PresetLoader.LoadDirectory(dir);
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
        }

        // Commands print their own results; only warnings and errors are logged.
        var app = NolanHost.Build([.. rest.Where(a => a.StartsWith("--Nolan", StringComparison.Ordinal)), "--Logging:LogLevel:Default=Warning"]);
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<NolanDbContext>();
        var time = sp.GetRequiredService<TimeProvider>();
        DataStoreSetup.EnsureSqliteFolder(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<NolanOptions>>().Value.Database);
        await db.Database.MigrateAsync();
        switch (command)
        {
            case "migrate":
                Console.WriteLine("Database is up to date.");
                return 0;
            case "seed-demo":
                if (await db.Councils.AnyAsync())
                {
                    Console.WriteLine("The database already has councils; nothing seeded.");
                    return 0;
                }

                var summary = await DatabaseInitializer.SeedDemoAsync(db, sp.GetRequiredService<PresetCatalog>(), CancellationToken.None);
                Console.WriteLine($"Seeded {summary.Councils} councils, {summary.Members} members, {summary.Officers} officers.");
                return 0;
            case "seal-audit":
                Console.WriteLine($"Sealed {await AuditChain.SealAsync(db, time)} events.");
                return 0;
            case "verify-audit":
                var v = await AuditChain.VerifyAsync(db);
                Console.WriteLine($"{v.Events} events in {v.Streams} chains, {v.Seals} seals, {v.Unsealed} not yet sealed.");
                foreach (var p in v.Problems)
                {
                    Console.WriteLine("PROBLEM: " + p);
                }

                Console.WriteLine(v.Ok ? "The audit trail verifies." : "The audit trail does NOT verify.");
                return v.Ok ? 0 : 1;
            case "create-token":
                var email = Option(rest, "--email");
                var name = Option(rest, "--name");
                var days = int.TryParse(Option(rest, "--days"), out var d) ? d : (int?)null;
                var lower = email?.ToLowerInvariant();
                var account = lower is null ? null : await db.Accounts.FirstOrDefaultAsync(a => a.Email == lower);
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
            default:
                Console.WriteLine(Usage);
                return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
