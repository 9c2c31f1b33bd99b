using Microsoft.EntityFrameworkCore;
using Nolan.Core.Audit;
using Nolan.Core.Common;
using Nolan.Core.DataStore;

namespace Nolan.Core.Access;

/// <summary>Disable an account: <paramref name="Reason"/> is recorded on the account's chain (a leaver, a lost laptop).</summary>
public sealed record DisableAccount(Guid AccountId, string? Reason);

/// <summary>What disabling ended.</summary>
public sealed record AccountDisabled(Guid AccountId, int SessionsEnded, int TokensRevoked);

/// <summary>A system administrator's changes to an account.</summary>
public sealed class AccountService(NolanDbContext db, AuditLog audit, Sessions sessions, ApiTokenService tokens)
{
    /// <summary>
    /// Disables the account and, in the same transaction, ends its sessions and revokes its API tokens. A disabled
    /// account is already refused on its next request; ending them too means that enabling it again later does not
    /// bring back a token or a cookie that was out in the world while it was disabled.
    /// </summary>
    public async Task<Result<AccountDisabled>> DisableAsync(DisableAccount options, Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsSystemAdmin)
        {
            return new NotAllowed("Only a system administrator can disable an account.");
        }

        if (string.IsNullOrWhiteSpace(options.Reason) || options.Reason.Length > 500)
        {
            return ValidationFailed.For("Reason", "Say why the account is disabled, in 500 characters or fewer");
        }

        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == options.AccountId, ct);
        if (account is null)
        {
            return new NotFound("account");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var wasDisabled = account.Disabled;
        account.Disabled = true;
        var ended = await sessions.EndAllAsync(account.Id, "account disabled", ct);
        var revoked = await tokens.RevokeAllAsync(account.Id, "account disabled", actor, ct);
        await audit.RecordAsync(actor, "account.disabled", "account", account.Id, null, new { Disabled = wasDisabled },
            new { Disabled = true, Reason = options.Reason.Trim(), SessionsEnded = ended, TokensRevoked = revoked }, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new AccountDisabled(account.Id, ended, revoked);
    }
}
