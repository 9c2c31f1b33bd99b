using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Audit;
using Nolan.Core.DataStore;

namespace Nolan.Core.Access;

/// <summary>
/// A signed-in browser session. The cookie carries only its id; the row decides whether it is live, so signing out,
/// disabling the account or ending its sessions takes effect on the next request on every node.
/// </summary>
public sealed class Session
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid AccountId { get; init; }
    public Account? Account { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The latest moment the session is valid, however active it is (a working day).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Why it ended: <c>signed out</c>, ...</summary>
    public string? EndedHow { get; set; }
}

/// <summary>Failed sign-ins per email address (hashed), known account or not: the per-account throttle.</summary>
public sealed class SignInFailure
{
    /// <summary>SHA-256 of the lower-case email address: no record of what strangers typed.</summary>
    public required string EmailHash { get; init; }
    public int Count { get; set; }
    public DateTimeOffset LastAt { get; set; }
}

/// <summary>The outcome of a sign-in attempt.</summary>
public sealed record SignInResult(Session? Session, Account? Account, TimeSpan? RetryAfter)
{
    public bool Succeeded => Session is not null;
}

/// <summary>A person as the OpenID Connect provider vouches for them.</summary>
public sealed record ExternalIdentity(string Issuer, string Subject, string? Email, bool EmailVerified);

/// <summary>Why a person the provider signed in has no session here.</summary>
public enum ExternalSignInFailure
{
    NoEmail,
    EmailNotVerified,
    NoAccount,
    LinkedToAnother,
    Disabled,
    TryAgain,
}

/// <summary>The outcome of a sign-in through the provider.</summary>
public sealed record ExternalSignInResult(Session? Session, Account? Account, ExternalSignInFailure? Failure)
{
    public static ExternalSignInResult Refused(ExternalSignInFailure why) => new(null, null, why);
}

/// <summary>
/// Local sign-in and the sessions it starts. Passwords are checked with ASP.NET Core Identity's hasher; an unknown
/// address is checked against a dummy hash so that it takes as long as a wrong password. After
/// <see cref="FreeFailures"/> failures for one address, each further attempt must wait twice as long as the last
/// (1 s, 2 s, 4 s ... at most 15 minutes), whether or not the account exists, so the wait tells nobody which addresses
/// have accounts; a success clears it.
/// </summary>
public sealed class Sessions(NolanDbContext db, AuditLog audit, TimeProvider time)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);
    private static readonly PasswordHasher<Account> Hasher = new();
    private static readonly string DummyHash = Hasher.HashPassword(null!, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    private DateTimeOffset Now => AuditLog.TruncateToMicroseconds(time.GetUtcNow());

    public async Task<SignInResult> SignInAsync(string email, string password, CancellationToken ct = default)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var key = FailureKey(normalized);
        var failures = await db.SignInFailures.AsNoTracking().FirstOrDefaultAsync(f => f.EmailHash == key, ct);
        if (failures is not null && WaitFor(failures.Count) is { } wait)
        {
            if (failures.LastAt + wait > Now)
            {
                return new SignInResult(null, null, failures.LastAt + wait - Now);
            }

            // Past the wait, one attempt goes ahead: it claims the slot by moving the count on first, so that many
            // attempts sent at once cannot all try a password (the others are told to wait).
            var claimed = await db.SignInFailures.Where(f => f.EmailHash == key && f.Count == failures.Count && f.LastAt == failures.LastAt)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.Count, f => f.Count + 1).SetProperty(f => f.LastAt, Now), ct);
            if (claimed == 0)
            {
                return new SignInResult(null, null, WaitFor(failures.Count + 1));
            }

            failures = new SignInFailure { EmailHash = key, Count = failures.Count + 1, LastAt = Now };
            db.SignInFailures.Attach(failures);
        }
        else if (failures is not null)
        {
            db.SignInFailures.Attach(failures);
        }

        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Email == normalized && !a.Disabled, ct);
        // The same work whether or not the account exists: the time taken does not say which addresses have accounts.
        var verified = Hasher.VerifyHashedPassword(account!, account?.PasswordHash ?? DummyHash, password) != PasswordVerificationResult.Failed;
        if (account?.PasswordHash is null || !verified)
        {
            if (failures is null)
            {
                db.SignInFailures.Add(new SignInFailure { EmailHash = key, Count = 1, LastAt = Now });
            }
            else if (failures.Count < FreeFailures)
            {
                failures.Count++;
                failures.LastAt = Now;
            }

            await SaveRacingAsync(ct);
            return new SignInResult(null, null, null);
        }

        if (failures is not null)
        {
            db.SignInFailures.Remove(failures);
        }

        var session = new Session { AccountId = account.Id, CreatedAt = Now, ExpiresAt = Now + Lifetime };
        db.Sessions.Add(session);
        await audit.RecordAsync(new Actor { AccountId = account.Id, Name = account.DisplayName }, "account.signed_in", "account", account.Id, null, null,
            new { Session = session.Id, session.ExpiresAt }, ct: ct);
        await db.SaveChangesAsync(ct);
        return new SignInResult(session, account, null);
    }

    /// <summary>
    /// Starts a session for a person the council's OpenID Connect provider has signed in. The account is found by the
    /// provider's subject once linked; otherwise by email, only when the provider vouches for the address, and the
    /// subject is then linked so that a later change of address at either end does not lose the person. Nolan does not
    /// create accounts from the provider: the council's directory decides who has one.
    /// </summary>
    public async Task<ExternalSignInResult> SignInExternalAsync(ExternalIdentity person, CancellationToken ct = default)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.ExternalSubject == person.Subject, ct);
        var linked = false;
        if (account is null)
        {
            var email = person.Email?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(email))
            {
                return ExternalSignInResult.Refused(ExternalSignInFailure.NoEmail);
            }

            if (!person.EmailVerified)
            {
                return ExternalSignInResult.Refused(ExternalSignInFailure.EmailNotVerified);
            }

            account = await db.Accounts.FirstOrDefaultAsync(a => a.Email == email, ct);
            if (account is null)
            {
                return ExternalSignInResult.Refused(ExternalSignInFailure.NoAccount);
            }

            if (account.ExternalSubject is not null)
            {
                // The address belongs to someone already linked to another identity at the provider: an address
                // reissued to a new person must not open the old one's casework.
                return ExternalSignInResult.Refused(ExternalSignInFailure.LinkedToAnother);
            }

            if (account.Disabled)
            {
                return ExternalSignInResult.Refused(ExternalSignInFailure.Disabled);
            }

            account.ExternalSubject = person.Subject;
            linked = true;
        }

        if (account.Disabled)
        {
            return ExternalSignInResult.Refused(ExternalSignInFailure.Disabled);
        }

        var actor = new Actor { AccountId = account.Id, Name = account.DisplayName };
        if (linked)
        {
            await audit.RecordAsync(actor, "account.linked_to_provider", "account", account.Id, null, null,
                new { person.Issuer, person.Subject }, ct: ct);
        }

        var session = new Session { AccountId = account.Id, CreatedAt = Now, ExpiresAt = Now + Lifetime };
        db.Sessions.Add(session);
        await audit.RecordAsync(actor, "account.signed_in", "account", account.Id, null, null,
            new { Session = session.Id, session.ExpiresAt, Method = "openid-connect", person.Issuer }, ct: ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsRacingWrite(ex))
        {
            // Two first sign-ins of one person racing to link: the other linked it; this one may simply try again.
            db.ChangeTracker.Clear();
            return ExternalSignInResult.Refused(ExternalSignInFailure.TryAgain);
        }

        return new ExternalSignInResult(session, account, null);
    }

    /// <summary>The account a session belongs to, if the session is live and the account enabled: checked on every request.</summary>
    public Task<Guid?> LiveAccountAsync(Guid sessionId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        return db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.EndedAt == null && s.ExpiresAt > now && !s.Account!.Disabled)
            .Select(s => (Guid?)s.AccountId).FirstOrDefaultAsync(ct);
    }

    /// <summary>Ends a session: its cookie is refused from the next request on, wherever it is presented.</summary>
    public async Task EndAsync(Guid sessionId, Actor actor, string how, CancellationToken ct = default)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.AccountId == actor.AccountId && s.EndedAt == null, ct);
        if (session is null)
        {
            return;
        }

        session.EndedAt = Now;
        session.EndedHow = how;
        await audit.RecordAsync(actor, "account.signed_out", "account", actor.AccountId, null, null, new { Session = session.Id, How = how }, ct: ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Ends every live session of an account in the caller's unit of work (its caller audits why).</summary>
    public async Task<int> EndAllAsync(Guid accountId, string how, CancellationToken ct = default)
    {
        var live = await db.Sessions.Where(s => s.AccountId == accountId && s.EndedAt == null).ToListAsync(ct);
        foreach (var s in live)
        {
            s.EndedAt = Now;
            s.EndedHow = how;
        }

        return live.Count;
    }

    /// <summary>The key of an address's failed sign-ins: a hash of the address as typed, trimmed and in lower case.</summary>
    public static string FailureKey(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));

    /// <summary>No wait for the first <see cref="FreeFailures"/> failures; then 1 s, doubling, at most 15 minutes.</summary>
    public static TimeSpan? WaitFor(int failures) => failures < FreeFailures
        ? null
        : TimeSpan.FromSeconds(Math.Min(MaxWait.TotalSeconds, Math.Pow(2, Math.Min(failures - FreeFailures, 20))));

    /// <summary>Two failures racing for one address: either count is good enough for a throttle.</summary>
    private async Task SaveRacingAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsRacingWrite(ex))
        {
            db.ChangeTracker.Clear();
        }
    }
}
