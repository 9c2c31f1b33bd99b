using Microsoft.Data.Sqlite;
using Npgsql;

namespace Nolan.Web.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test host: a temporary SQLite file, or a new PostgreSQL database on the server
/// test.sh started, chosen by NOLAN_TEST_DATABASE. Dropped or deleted on dispose. Shared by the HTTP, crash and
/// browser tests.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly string? _postgresDatabase;

    private TestDatabase(string connectionString, string? directory, string? postgresDatabase)
    {
        ConnectionString = connectionString;
        _directory = directory;
        _postgresDatabase = postgresDatabase;
    }

    public static string Kind => Environment.GetEnvironmentVariable("NOLAN_TEST_DATABASE") ?? "sqlite";

    public static bool IsPostgres => Kind == "postgres";

    /// <summary>The value for <c>Nolan:Database:Provider</c>.</summary>
    public static string Provider => IsPostgres ? "Postgres" : "Sqlite";

    public string ConnectionString { get; }

    private static string Admin => Environment.GetEnvironmentVariable("NOLAN_TEST_POSTGRES")
        ?? throw new InvalidOperationException("NOLAN_TEST_POSTGRES is not set: run the tests with ./test.sh");

    public static async Task<TestDatabase> CreateAsync(string prefix)
    {
        if (IsPostgres)
        {
            var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 13)];
            await using var conn = new NpgsqlConnection(Admin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
            return new TestDatabase(new NpgsqlConnectionStringBuilder(Admin) { Database = name }.ConnectionString, null, name);
        }

        var directory = Path.Combine(Path.GetTempPath(), prefix, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new TestDatabase($"Data Source={Path.Combine(directory, "nolan.db")}", directory, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(Admin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        else if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }
}
