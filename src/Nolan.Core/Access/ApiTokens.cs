using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Audit;
using Nolan.Core.Common;
using Nolan.Core.DataStore;

namespace Nolan.Core.Access;

/// <summary>A newly created token: the secret is shown once and never stored.</summary>
public sealed record CreatedToken(Guid Id, string Name, string Secret, DateTimeOffset? ExpiresAt);

/// <summary>Creates, checks and revokes API bearer tokens.</summary>
public sealed class ApiTokenService(NolanDbContext db, AuditLog audit, TimeProvider time)
{
    public const string SecretPrefix = "nolan_";

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Creates a token for <paramref name="accountId"/>. Only the account itself or a system admin may.</summary>
    public async Task<Result<CreatedToken>> CreateAsync(Guid accountId, string? name, int? validDays, Actor actor, CancellationToken ct = default)
    {
        if (actor.AccountId != accountId && !actor.IsSystemAdmin)
        {
            return new NotAllowed("You can only create tokens for your own account.");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            return ValidationFailed.For("Name", "Enter a name for the token of 100 characters or fewer, for example \u201cCase system import\u201d");
        }

        if (validDays is < 1 or > 366)
        {
            return ValidationFailed.For("ValidDays", "A token can be valid for between 1 and 366 days");
        }

        if (!await db.Accounts.AnyAsync(a => a.Id == accountId && !a.Disabled, ct))
        {
            return new NotFound("account");
        }

        var secret = SecretPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var token = new ApiToken
        {
            AccountId = accountId,
            Name = name.Trim(),
            SecretHash = Hash(secret),
            Prefix = secret[..10],
            CreatedAt = now,
            ExpiresAt = now.AddDays(validDays ?? 90),
        };
        db.ApiTokens.Add(token);
        await audit.RecordAsync(actor, "api_token.created", "api_token", token.Id, null, null,
            new { token.AccountId, token.Name, token.Prefix, token.ExpiresAt }, newStream: true, ct: ct);
        await db.SaveChangesAsync(ct);
        return new CreatedToken(token.Id, token.Name, secret, token.ExpiresAt);
    }

    /// <summary>The account a presented secret belongs to, if the token is live.</summary>
    public async Task<Guid?> AccountForAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        var hash = Hash(secret);
        var now = time.GetUtcNow();
        var token = await db.ApiTokens.AsNoTracking().Where(t => t.SecretHash == hash && !db.Accounts.Any(a => a.Id == t.AccountId && a.Disabled))
            .Select(t => new { t.AccountId, t.RevokedAt, t.ExpiresAt }).FirstOrDefaultAsync(ct);
        return token is null || token.RevokedAt is not null || token.ExpiresAt <= now ? null : token.AccountId;
    }

    public async Task<Result<ApiToken>> RevokeAsync(Guid tokenId, Actor actor, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && (t.AccountId == actor.AccountId || actor.IsSystemAdmin), ct);
        if (token is null)
        {
            return new NotFound("token");
        }

        if (token.RevokedAt is not null)
        {
            return token;
        }

        token.RevokedAt = time.GetUtcNow();
        await audit.RecordAsync(actor, "api_token.revoked", "api_token", token.Id, null, null, new { token.RevokedAt }, ct: ct);
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>
    /// Revokes every live token of an account, each on its own chain with the reason, in the caller's unit of work: a
    /// token is a password that never expires with the session, so whatever ends the account's trust (a new password, a
    /// disabled account) must end its tokens too, or a stolen token outlives the reset that was meant to lock its thief out.
    /// </summary>
    public async Task<int> RevokeAllAsync(Guid accountId, string why, Actor actor, CancellationToken ct = default)
    {
        var now = AuditLog.TruncateToMicroseconds(time.GetUtcNow());
        var live = await db.ApiTokens.Where(t => t.AccountId == accountId && t.RevokedAt == null).ToListAsync(ct);
        foreach (var token in live)
        {
            token.RevokedAt = now;
            await audit.RecordAsync(actor, "api_token.revoked", "api_token", token.Id, null, null, new { token.RevokedAt, Why = why }, ct: ct);
        }

        return live.Count;
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
