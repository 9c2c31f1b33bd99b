using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nolan.Core.DataStore;
using Npgsql;

namespace Nolan.Web.Hosting;

internal static class DataStoreSetup
{
    /// <summary>
    /// Registers the context on the configured provider, read when first resolved (so a test host can override
    /// it). PostgreSQL uses ONE data source, one pool, shared by EF and any raw SQL.
    /// </summary>
    public static void AddNolanDataStore(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var db = sp.GetRequiredService<IOptions<NolanOptions>>().Value.Database;
            if (db.Provider != DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("The PostgreSQL data source is only available when Nolan:Database:Provider is Postgres.");
            }

            var builder = new NpgsqlDataSourceBuilder(db.ConnectionString);
            var cs = builder.ConnectionStringBuilder;
            var given = new NpgsqlConnectionStringBuilder(db.ConnectionString);
            // Unless the connection string says otherwise: prepare statements used more than once on a connection
            // (PostgreSQL otherwise parses and plans each of EF's statements on every request), and do not reset
            // session state when a connection returns to the pool (Nolan sets none; the reset was a round trip
            // per request).
            if (!given.ContainsKey("Max Auto Prepare"))
            {
                cs.MaxAutoPrepare = 200;
                cs.AutoPrepareMinUsages = 2;
            }

            if (!given.ContainsKey("No Reset On Close"))
            {
                cs.NoResetOnClose = true;
            }

            return builder.Build();
        });
        // Pooled contexts: a request reuses a context instead of building one (and its services) from scratch.
        services.AddDbContextPool<NolanDbContext>((sp, o) =>
        {
            var db = sp.GetRequiredService<IOptions<NolanOptions>>().Value.Database;
            if (db.Provider == DatabaseProvider.Postgres)
            {
                Database.UsePostgres(o, sp.GetRequiredService<NpgsqlDataSource>());
            }
            else
            {
                Database.UseSqlite(o, db.ConnectionString);
            }
        });
    }

    /// <summary>Creates the folder of a SQLite database file.</summary>
    public static void EnsureSqliteFolder(DatabaseOptions db)
    {
        if (db.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var file = new SqliteConnectionStringBuilder(db.ConnectionString).DataSource;
        if (file is { Length: > 0 } && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
        }
    }
}
