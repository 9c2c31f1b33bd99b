using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nolan.Core.Access;
using Nolan.Core.DataStore;
using Nolan.Web.Hosting;
using Nolan.Web.Security;

namespace Nolan.Web.Api;

/// <summary>
/// <c>Idempotency-Key</c> on API writes. The write and the record of its response commit in one transaction, so a
/// retry after a lost response replays the first answer, and two racing requests with one key cannot both write.
/// A key lasts <see cref="NolanOptions.IdempotencyHours"/>; <see cref="IdempotencyPurge"/> deletes older records.
/// </summary>
public sealed class IdempotencyFilter(NolanDbContext db, TimeProvider time, IOptions<NolanOptions> options) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return await next(context);
        }

        if (key.Length > 200)
        {
            return ApiJson.Problem(Core.Common.ValidationFailed.For(Header, "The Idempotency-Key must be 200 characters or fewer"));
        }

        var actor = ActorMiddleware.ActorOf(http);
        http.Request.EnableBuffering();
        var requestHash = Convert.ToHexStringLower(await SHA256.HashDataAsync(http.Request.Body, http.RequestAborted));
        http.Request.Body.Position = 0;
        var fingerprint = $"{http.Request.Method} {http.Request.Path} {requestHash}";

        var now = time.GetUtcNow();
        var existing = await db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.AccountId == actor.AccountId && r.Key == key, http.RequestAborted);
        if (existing is not null && existing.CreatedAt > now - options.Value.IdempotencyLifetime)
        {
            return existing.RequestHash != fingerprint
                ? Results.Problem(statusCode: 422, title: "Idempotency-Key reused",
                    detail: "This Idempotency-Key was already used for a different request. Use a new key for a new request.")
                : Replay(http, existing);
        }

        await using var tx = await db.Database.BeginTransactionAsync(http.RequestAborted);
        if (existing is not null)
        {
            // Expired but not yet purged: the key is free again.
            await db.IdempotencyRecords.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(http.RequestAborted);
        }

        var result = await next(context);
        var status = StatusOf(result);
        if (status is not (>= 200 and < 300))
        {
            // Nothing of a refused request is kept: disposing the transaction rolls back whatever it began.
            return result;
        }

        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            AccountId = actor.AccountId,
            Key = key,
            RequestHash = fingerprint,
            StatusCode = status,
            Location = http.Response.Headers.Location.ToString() is { Length: > 0 } loc ? loc : null,
            Body = result is IValueHttpResult { Value: { } value } ? System.Text.Json.JsonSerializer.Serialize(value, ApiJson.Options) : null,
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
            await tx.CommitAsync(http.RequestAborted);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(http.RequestAborted);
            http.Response.Headers.Location = default;
            return Results.Problem(statusCode: 409, title: "Request already in progress",
                detail: "Another request with this Idempotency-Key is being processed. Retry it to get its result.");
        }

        return result;
    }

    /// <summary>
    /// The status the result will be sent with. <c>Results.Json</c> and <c>Results.Ok</c> leave it unset, which means
    /// 200: reading an unset status as a failure once rolled back every acknowledged action sent with a key.
    /// </summary>
    internal static int StatusOf(object? result) => result switch
    {
        IStatusCodeHttpResult { StatusCode: { } code } => code,
        _ => StatusCodes.Status200OK,
    };

    private static IResult Replay(HttpContext http, IdempotencyRecord r)
    {
        if (r.Location is not null)
        {
            http.Response.Headers.Location = r.Location;
        }

        http.Response.Headers["Idempotent-Replayed"] = "true";
        return r.Body is null ? Results.StatusCode(r.StatusCode) : Results.Content(r.Body, "application/json", statusCode: r.StatusCode);
    }
}

/// <summary>Deletes idempotency records older than their lifetime: they hold a copy of the first response.</summary>
internal sealed class IdempotencyPurge(IServiceScopeFactory scopes, TimeProvider time, IOptions<NolanOptions> options, ILogger<IdempotencyPurge> log)
    : PeriodicWorker(scopes, time, options, log)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(30);

    protected override string Task => "Purging expired idempotency records";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var purged = await PurgeAsync(services.GetRequiredService<NolanDbContext>(), Time.GetUtcNow() - Options.IdempotencyLifetime, ct);
        if (purged > 0)
        {
            Log.LogInformation("Purged {Count} expired idempotency records", purged);
        }
    }

    public static Task<int> PurgeAsync(NolanDbContext db, DateTimeOffset createdBefore, CancellationToken ct) =>
        db.IdempotencyRecords.Where(r => r.CreatedAt < createdBefore).ExecuteDeleteAsync(ct);
}
