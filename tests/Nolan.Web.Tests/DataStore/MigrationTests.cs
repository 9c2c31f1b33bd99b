using Microsoft.EntityFrameworkCore;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.DataStore;

/// <summary>The migrations of the provider under test describe the model exactly, and are all applied.</summary>
public sealed class MigrationTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    [Fact]
    public async Task Model_HasNoPendingChangesForThisProvider()
    {
        var pending = await f.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, $"The model has changes with no migration for {NolanFactory.DatabaseKind}: add one with dotnet ef migrations add (see docs/development.md).");
    }

    [Fact]
    public async Task Database_AllMigrationsApplied()
    {
        var (applied, all) = await f.WithDbAsync(async db => ((await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
    }

    [Fact]
    public async Task Provider_IsTheOneUnderTest()
    {
        var provider = await f.WithDbAsync(db => Task.FromResult(db.Database.ProviderName));
        Assert.Contains(NolanFactory.IsPostgres ? "Npgsql" : "Sqlite", provider, StringComparison.Ordinal);
    }
}
