using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Nolan.Core.DataStore;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Configures the context for SQLite (embedded default) or PostgreSQL (production).</summary>
public static class Database
{
    public const string SqliteMigrations = "Nolan.Migrations.Sqlite";
    public const string PostgresMigrations = "Nolan.Migrations.Postgres";

    /// <summary>SQLite: one file, WAL journal so readers do not block the writer; FULL sync so a 201 survives a crash.</summary>
    public static void UseSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations))
            .UseSnakeCaseNamingConvention()
            .ReplaceService<IModelCacheKeyFactory, ProviderAwareModelCacheKeyFactory>()
            .AddInterceptors(SqlitePragmas.Instance);

    /// <summary>PostgreSQL through the one shared <see cref="NpgsqlDataSource"/> (one pool for EF and raw SQL).</summary>
    public static void UsePostgres(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, o => o.MigrationsAssembly(PostgresMigrations))
            .UseSnakeCaseNamingConvention()
            .ReplaceService<IModelCacheKeyFactory, ProviderAwareModelCacheKeyFactory>();
}
