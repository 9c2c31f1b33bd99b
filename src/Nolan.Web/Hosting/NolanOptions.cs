using Nolan.Core.DataStore;

namespace Nolan.Web.Hosting;

/// <summary>Settings under <c>Nolan:</c> in configuration (appsettings.json, environment <c>Nolan__...</c>, command line).</summary>
public sealed class NolanOptions
{
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>Folder of protocol presets. Default: <c>protocols/</c> beside the program.</summary>
    public string? PresetsPath { get; set; }

    /// <summary>Seed the six seed councils and demo accounts on first run.</summary>
    public bool Demo { get; set; }

    /// <summary>Apply database migrations at start-up (default on; turn off when a deploy step migrates).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Run background workers (audit sealing). Off on nodes that should only serve requests.</summary>
    public bool Workers { get; set; } = true;

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 20;
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=data/nolan.db";
}
