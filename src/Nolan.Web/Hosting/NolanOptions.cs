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

    /// <summary>With <see cref="Demo"/>, also add a few weeks of sample enquiries in every state.</summary>
    public bool DemoEnquiries { get; set; } = true;

    /// <summary>Apply database migrations at start-up (default on; turn off when a deploy step migrates).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Run background workers (audit sealing). Off on nodes that should only serve requests.</summary>
    public bool Workers { get; set; } = true;

    /// <summary>Folder of message templates. Default: <c>templates/</c> beside the program.</summary>
    public string? TemplatesPath { get; set; }

    /// <summary>Nolan's public address, for links in messages, e.g. <c>https://nolan.example.gov.uk</c>.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";

    /// <summary>Outgoing email.</summary>
    public Core.Notifications.SmtpSettings Smtp { get; set; } = new();

    /// <summary>When daily and weekly digests go out (London time).</summary>
    public Core.Notifications.DigestSettings Digests { get; set; } = new();

    /// <summary>GOV.UK Notify, for the councils that send email through it instead of SMTP (docs/notify.md).</summary>
    public Core.Notifications.NotifySettings Notify { get; set; } = new();

    /// <summary>Seconds between outbox delivery rounds.</summary>
    public int OutboxIntervalSeconds { get; set; } = 5;

    /// <summary>
    /// Seconds a node's claim on a batch of outbox messages lasts: longer than a batch of 50 can take to send; after a
    /// crash, the claimed messages wait this long before they are sent by another node or the restarted one.
    /// </summary>
    public int OutboxLeaseSeconds { get; set; } = 120;

    /// <summary>
    /// Hours an <c>Idempotency-Key</c> is remembered (default 24): a retry within it replays the first answer; after it
    /// the record, which holds a copy of that answer, is purged.
    /// </summary>
    public int IdempotencyHours { get; set; } = 24;

    internal TimeSpan IdempotencyLifetime => TimeSpan.FromHours(Math.Clamp(IdempotencyHours, 1, 24 * 30));

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 20;
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=data/nolan.db";
}
