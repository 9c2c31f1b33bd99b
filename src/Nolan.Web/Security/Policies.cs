namespace Nolan.Web.Security;

/// <summary>Named authorization policies. Every page and endpoint names one, or is explicitly anonymous.</summary>
public static class Policies
{
    /// <summary>Any signed-in person with a live account.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>A councillor or co-opted member.</summary>
    public const string Member = "member";

    /// <summary>An officer of any council.</summary>
    public const string Officer = "officer";

    /// <summary>Members Support Hub / Democratic Services of at least one council.</summary>
    public const string Hub = "hub";

    /// <summary>May log enquiries: a member, or the Hub on a member's behalf.</summary>
    public const string LogsEnquiries = "logs-enquiries";

    /// <summary>Sees the message templates: Democratic Services (the Hub), who own the wording, and system administrators.</summary>
    public const string MessageTemplates = "message-templates";

    /// <summary>Runs the installation: tokens for others, verifying the audit trail.</summary>
    public const string SystemAdmin = "system-admin";

    /// <summary>
    /// Data protection: the Monitoring Officer or data protection officer of at least one council (subject access
    /// exports). Which council's records they may export is checked per council by the service.
    /// </summary>
    public const string DataProtection = "data-protection";
}

/// <summary>Role claims Nolan adds to a signed-in user from their directory entries.</summary>
public static class NolanRoles
{
    public const string Member = "member";
    public const string Officer = "officer";
    public const string Hub = "hub";
    public const string SystemAdmin = "system-admin";
    public const string DataProtection = "data-protection";
}
