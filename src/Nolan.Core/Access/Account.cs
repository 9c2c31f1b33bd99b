namespace Nolan.Core.Access;

/// <summary>
/// A person who signs in. Local accounts hold a password hash (the embedded default and demo); accounts from an
/// OpenID Connect provider are matched by <see cref="ExternalSubject"/> and hold none.
/// </summary>
public sealed class Account
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public string? PasswordHash { get; set; }
    public string? ExternalSubject { get; set; }
    /// <summary>Runs the Nolan installation (creates councils, tokens). Grants no sight of casework.</summary>
    public bool IsSystemAdmin { get; set; }
    public bool Disabled { get; set; }

    /// <summary>How this person wants to hear from Nolan.</summary>
    public DeliveryPreference NotifyBy { get; set; } = DeliveryPreference.EmailAndInApp;

    /// <summary>One email a day listing everything, instead of an email per message.</summary>
    public bool DailyDigest { get; set; }

    /// <summary>Members: a weekly email listing their open enquiries (on by default).</summary>
    public bool WeeklyDigest { get; set; } = true;
}

/// <summary>Where notifications go.</summary>
public enum DeliveryPreference
{
    EmailAndInApp,
    Email,
    InApp,
}

/// <summary>A bearer token for the API. Only a SHA-256 hash of the secret is stored.</summary>
public sealed class ApiToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid AccountId { get; init; }
    public required string Name { get; set; }
    public required string SecretHash { get; init; }
    /// <summary>First characters of the token, shown so people can tell tokens apart.</summary>
    public required string Prefix { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>
/// An explicit, recorded entitlement to see one item that the relationship rules alone would not show:
/// an enquiry copied to another member, an exempt paper opened under a need-to-know determination.
/// <see cref="Effect"/> Deny overrides every allow: a concern is hidden from the person it is about.
/// </summary>
public sealed class AccessGrant : Audit.IAuditedRow
{
    string Audit.IAuditedRow.AuditItemType => ResourceType;

    Guid Audit.IAuditedRow.AuditItemId => ResourceId;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid CouncilId { get; init; }
    public required string ResourceType { get; init; }
    public required Guid ResourceId { get; init; }
    /// <summary>The member granted (or denied) sight, when the grantee is a member.</summary>
    public Guid? MemberId { get; init; }
    /// <summary>The officer granted (or denied) sight, when the grantee is an officer.</summary>
    public Guid? OfficerId { get; init; }
    public GrantEffect Effect { get; init; } = GrantEffect.Allow;
    public required string Reason { get; init; }
    /// <summary>Protocol reference the grant was made under, e.g. <c>district-002/2008 §11.9</c>.</summary>
    public string? Citation { get; init; }
    public required Guid GrantedByAccountId { get; init; }
    public DateTimeOffset GrantedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
}

public enum GrantEffect
{
    Allow,
    Deny,
}

/// <summary>A replayable record of an API write, so a retried request with the same key is not done twice.</summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid AccountId { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public int StatusCode { get; set; }
    public string? Location { get; set; }
    public string? Body { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
