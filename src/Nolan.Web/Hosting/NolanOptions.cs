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

    /// <summary>
    /// The council whose name and look the pages show before anyone signs in (its slug, e.g. <c>southend-on-sea</c>):
    /// set it where an installation serves one council. Signed-in pages show the person's own council.
    /// </summary>
    public string? DefaultCouncil { get; set; }

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

    /// <summary>
    /// The reverse proxies (TLS terminators, load balancers) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
    /// Nolan believes. Only these: a header from anyone else is ignored, so a client cannot claim another address.
    /// </summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    /// <summary>Where the audit trail's seal key and anchor live (outside the database).</summary>
    public AuditOptions Audit { get; set; } = new();

    /// <summary>Seconds between refreshes of the monitoring figures (default 60): how far a dashboard can lag a change.</summary>
    public int MonitoringRefreshSeconds { get; set; } = 60;

    /// <summary>How long personal data is kept, per kind of record, and how often the policy is applied (docs/operations.md).</summary>
    public Core.DataProtection.RetentionSettings Retention { get; set; } = new();

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 20;

    /// <summary>
    /// Sign-in with an email address and a password held by Nolan (default on). Turn off where everyone signs in through
    /// <see cref="OpenIdConnect"/>: the password form, forgotten-password and reset pages are then gone.
    /// </summary>
    public bool LocalPasswords { get; set; } = true;

    /// <summary>Single sign-on through the council's OpenID Connect provider (Microsoft Entra ID or any other).</summary>
    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();
}

/// <summary>
/// The council's OpenID Connect provider. People sign in there; Nolan matches them to an account it already holds (by
/// the provider's subject once linked, else by a verified email address) and never creates accounts from it.
/// </summary>
public sealed class OpenIdConnectSettings
{
    /// <summary>The provider's issuer, e.g. <c>https://login.microsoftonline.com/TENANT-ID/v2.0</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The button's words on the sign-in page.</summary>
    public string ButtonText { get; set; } = "Sign in with your council account";

    /// <summary>Refuse a provider whose metadata is not served over HTTPS (default on; off only for a test provider on loopback).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// The provider issues only addresses its tenant owns (a council's own Entra ID, which sends no
    /// <c>email_verified</c> claim): match by email without that claim. Off by default: an address must be verified.
    /// </summary>
    public bool EmailsAreVerified { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>
/// The audit trail is checked against two things the database does not hold: the key its seals are HMACs under, and
/// the anchor file every seal is published to (docs/operations.md).
/// </summary>
public sealed class AuditOptions
{
    /// <summary>The seal key, base64 (at least 32 bytes). Takes precedence over <see cref="SealKeyFile"/>.</summary>
    public string? SealKey { get; set; }

    /// <summary>Seal keys used before a rotation (base64), so that seals made with them still verify.</summary>
    public List<string> PreviousSealKeys { get; set; } = [];

    /// <summary>A file holding the seal key; created with a new random key when missing. Empty: seals are not keyed.</summary>
    public string? SealKeyFile { get; set; } = "data/audit-seal.key";

    /// <summary>The append-only file each seal's number and hash is published to. Empty: no anchor.</summary>
    public string? AnchorFile { get; set; } = "data/audit-anchor.log";

    /// <summary>Loads (or on first use creates) the key and names the anchor.</summary>
    public Core.Audit.AuditTrust Load()
    {
        byte[]? key = null;
        if (!string.IsNullOrWhiteSpace(SealKey))
        {
            key = Convert.FromBase64String(SealKey);
        }
        else if (!string.IsNullOrWhiteSpace(SealKeyFile))
        {
            if (!File.Exists(SealKeyFile))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(SealKeyFile))!);
                var fresh = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                try
                {
                    using var f = new FileStream(SealKeyFile, options);
                    f.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(fresh)));
                }
                catch (IOException) when (File.Exists(SealKeyFile))
                {
                    // Another process created it first: use theirs.
                }
            }

            key = Convert.FromBase64String(File.ReadAllText(SealKeyFile).Trim());
        }

        if (key is { Length: < 32 })
        {
            throw new InvalidOperationException("Nolan:Audit:SealKey must be at least 32 bytes (base64).");
        }

        return new Core.Audit.AuditTrust(key, string.IsNullOrWhiteSpace(AnchorFile) ? null : AnchorFile,
            [.. PreviousSealKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Convert.FromBase64String)]);
    }
}

public sealed class ForwardedHeadersSettings
{
    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Configured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=data/nolan.db";
}
