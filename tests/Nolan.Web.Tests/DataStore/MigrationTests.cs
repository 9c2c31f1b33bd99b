using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Web.Tests.Infrastructure;
using Npgsql;

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

    [Fact]
    public async Task OfficerRoleRows_UpgradeMovesEachRoleOfTheOldTextIntoItsOwnRow()
    {
        await using var database = await TestDatabase.CreateAsync("nolan_upgrade");
        await using var source = NolanFactory.IsPostgres ? NpgsqlDataSource.Create(database.ConnectionString) : null;
        var options = new DbContextOptionsBuilder<NolanDbContext>();
        if (source is null)
        {
            Core.DataStore.Database.UseSqlite(options, database.ConnectionString);
        }
        else
        {
            Core.DataStore.Database.UsePostgres(options, source);
        }

        await using var db = new NolanDbContext(options.Options);
        var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
        var before = db.Database.GetMigrations().Last(m => m.EndsWith("_DigestsAndCover", StringComparison.Ordinal));
        await migrator.MigrateAsync(before);

        Guid council = Guid.NewGuid(), officer = Guid.NewGuid(), both = Guid.NewGuid(), none = Guid.NewGuid(), other = Guid.NewGuid();
        await db.Database.ExecuteSqlAsync($"INSERT INTO councils (id, slug, name, short_code, preset_slug) VALUES ({council}, 'upgrade', 'Upgrade', 'UPG', 'upgrade')");
        await db.Database.ExecuteSqlAsync($"INSERT INTO councils (id, slug, name, short_code, preset_slug) VALUES ({other}, 'upgrade-2', 'Upgrade 2', 'UPH', 'upgrade')");
        await db.Database.ExecuteSqlAsync($"INSERT INTO officers (id, name, email, job_title, grade, active) VALUES ({officer}, 'O', 'o@example.test', 'Officer', 'Officer', {true})");
        await db.Database.ExecuteSqlAsync($"INSERT INTO officer_appointments (id, officer_id, council_id, roles) VALUES ({both}, {officer}, {council}, 'MembersSupportHub, ChiefOfficer')");
        await db.Database.ExecuteSqlAsync($"INSERT INTO officer_appointments (id, officer_id, council_id, roles) VALUES ({none}, {officer}, {other}, 'None')");

        await migrator.MigrateAsync();

        var roles = await db.OfficerRoleRows.Where(r => r.AppointmentId == both || r.AppointmentId == none).ToListAsync();
        Assert.Equal([OfficerRoles.MembersSupportHub, OfficerRoles.ChiefOfficer], roles.Where(r => r.AppointmentId == both).Select(r => r.Role).Order());
        Assert.DoesNotContain(roles, r => r.AppointmentId == none);
        var hub = await db.OfficerAppointments.Include(a => a.RoleRows).SingleAsync(a => a.Id == both);
        Assert.Equal(OfficerRoles.MembersSupportHub | OfficerRoles.ChiefOfficer, hub.Roles);
    }
}
