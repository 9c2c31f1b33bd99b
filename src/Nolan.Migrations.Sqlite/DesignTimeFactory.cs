using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Nolan.Core.DataStore;

namespace Nolan.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<NolanDbContext>
{
    public NolanDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<NolanDbContext>();
        Database.UseSqlite(options, "Data Source=design-time.db");
        return new NolanDbContext(options.Options);
    }
}
