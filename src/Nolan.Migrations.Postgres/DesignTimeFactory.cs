using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Nolan.Core.DataStore;
using Npgsql;

namespace Nolan.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<NolanDbContext>
{
    public NolanDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<NolanDbContext>();
        Database.UsePostgres(options, new NpgsqlDataSourceBuilder("Host=localhost;Database=nolan_design").Build());
        return new NolanDbContext(options.Options);
    }
}
