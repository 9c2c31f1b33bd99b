using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Audit;
using Nolan.Core.Common;
using Nolan.Core.DataStore;
using Nolan.Core.Notifications;

namespace Nolan.Core.Access;

/// <summary>A request to set a new password: only a hash of the emailed token is kept, and it works once, for an hour.</summary>
public sealed class PasswordReset
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid AccountId { get; init; }
    public required string TokenHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>
/// The forgotten-password journey for local accounts: a link by email, single use, expiring after an hour. Asking
/// answers the same whether or not the address has an account; setting a new password ends every session of the
/// account, revokes its API tokens and clears its failed sign-ins.
/// </summary>
public sealed class PasswordResets(NolanDbContext db, AuditLog audit, Notifier notifier, TimeProvider time, Sessions sessions, ApiTokenService tokens)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>At most one link per address in this time: nobody can fill a person's inbox by asking again and again.</summary>
    public static readonly TimeSpan OnePer = TimeSpan.FromMinutes(5);
    public const int MinLength = 10;
    public const int MaxLength = 200;
    private static readonly PasswordHasher<Account> Hasher = new();

    private DateTimeOffset Now => AuditLog.TruncateToMicroseconds(time.GetUtcNow());

    /// <summary>Emails a link if the address belongs to an enabled local account; otherwise does nothing, visibly the same.</summary>
    public async Task RequestAsync(string email, CancellationToken ct = default)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Email == normalized && !a.Disabled && a.PasswordHash != null, ct);
        if (account is null)
        {
            return;
        }

        var since = time.GetUtcNow() - OnePer;
        if (await db.PasswordResets.AnyAsync(r => r.AccountId == account.Id && r.CreatedAt > since, ct))
        {
            return;
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var reset = new PasswordReset { AccountId = account.Id, TokenHash = Hash(token), CreatedAt = Now, ExpiresAt = Now + Lifetime };
        db.PasswordResets.Add(reset);
        await notifier.QueueSecurityEmailAsync(new Recipient(account.Id, account.DisplayName, account.Email),
            new PasswordResetRequested { Minutes = ((int)Lifetime.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            $"password-reset/{reset.Id}", $"/reset-password?token={token}", ct);
        await audit.RecordAsync(new Actor { AccountId = account.Id, Name = account.DisplayName }, "account.password_reset_requested", "account", account.Id,
            null, null, new { Reset = reset.Id, reset.ExpiresAt }, ct: ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether a token can still be used (for showing the form).</summary>
    public Task<bool> IsUsableAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return Task.FromResult(false);
        }

        var hash = Hash(token);
        var now = time.GetUtcNow();
        return db.PasswordResets.AnyAsync(r => r.TokenHash == hash && r.UsedAt == null && r.ExpiresAt > now, ct);
    }

    /// <summary>Sets the new password, once; ends every session of the account and revokes its API tokens.</summary>
    public async Task<Result<Guid>> ResetAsync(string? token, string? password, string? confirm, CancellationToken ct = default)
    {
        if (!await IsUsableAsync(token, ct))
        {
            return new InvalidTransition("This link has expired or has already been used. Ask for a new one.");
        }

        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return ValidationFailed.For("Password", $"Enter a password of at least {MinLength} characters");
        }

        if (password.Length > MaxLength)
        {
            return ValidationFailed.For("Password", $"The password must be {MaxLength} characters or fewer");
        }

        if (password != confirm)
        {
            return ValidationFailed.For("Confirm", "Enter the same password twice");
        }

        var hash = Hash(token!);
        var reset = await db.PasswordResets.AsNoTracking().SingleAsync(r => r.TokenHash == hash, ct);
        var account = await db.Accounts.SingleAsync(a => a.Id == reset.AccountId, ct);
        if (string.Equals(password, account.Email, StringComparison.OrdinalIgnoreCase))
        {
            return ValidationFailed.For("Password", "Your password cannot be your email address");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Claimed, not just read: of two uses at once only one sets the password. Every other open link of the account
        // is used up with it.
        var now = time.GetUtcNow();
        if (await db.PasswordResets.Where(r => r.Id == reset.Id && r.UsedAt == null && r.ExpiresAt > now)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.UsedAt, Now), ct) != 1)
        {
            return new InvalidTransition("This link has expired or has already been used. Ask for a new one.");
        }

        await db.PasswordResets.Where(r => r.AccountId == account.Id && r.UsedAt == null).ExecuteUpdateAsync(u => u.SetProperty(r => r.UsedAt, Now), ct);
        account.PasswordHash = Hasher.HashPassword(account, password);
        // Whoever made the reset necessary may hold a session or a token: a new password locks out both, not only the
        // old password.
        var actor = new Actor { AccountId = account.Id, Name = account.DisplayName };
        var ended = await sessions.EndAllAsync(account.Id, "password reset", ct);
        var revoked = await tokens.RevokeAllAsync(account.Id, "password reset", actor, ct);

        var key = Sessions.FailureKey(account.Email);
        await db.SignInFailures.Where(f => f.EmailHash == key).ExecuteDeleteAsync(ct);
        await audit.RecordAsync(actor, "account.password_reset", "account", account.Id,
            null, null, new { Reset = reset.Id, SessionsEnded = ended, TokensRevoked = revoked }, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return account.Id;
    }

    /// <summary>Stored as API token secrets are: only their SHA-256.</summary>
    private static string Hash(string token) => ApiTokenService.Hash(token);
}
