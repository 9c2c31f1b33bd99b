using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.DataStore;
using Nolan.Web.Security;

namespace Nolan.Web.Api;

/// <summary>
/// <c>Idempotency-Key</c> on API writes. The write and the record of its response commit in one transaction, so a
/// retry after a lost response replays the first answer, and two racing requests with one key cannot both write.
/// </summary>
public sealed class IdempotencyFilter(NolanDbContext db, TimeProvider time) : IEndpointFilter
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

        var existing = await db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.AccountId == actor.AccountId && r.Key == key, http.RequestAborted);
        if (existing is not null)
        {
            return existing.RequestHash != fingerprint
                ? Results.Problem(statusCode: 422, title: "Idempotency-Key reused",
                    detail: "This Idempotency-Key was already used for a different request. Use a new key for a new request.")
                : Replay(http, existing);
        }

        await using var tx = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var result = await next(context);
        if (result is not IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } ok)
        {
            return result;
        }

        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            AccountId = actor.AccountId,
            Key = key,
            RequestHash = fingerprint,
            StatusCode = ok.StatusCode ?? 200,
            Location = http.Response.Headers.Location.ToString() is { Length: > 0 } loc ? loc : null,
            Body = result is IValueHttpResult { Value: { } value } ? System.Text.Json.JsonSerializer.Serialize(value, ApiJson.Options) : null,
            CreatedAt = time.GetUtcNow(),
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

    private static IResult Replay(HttpContext http, IdempotencyRecord r)
    {
        if (r.Location is not null)
        {
            http.Response.Headers.Location = r.Location;
        }

        http.Response.Headers["Idempotent-Replayed"] = "true";
        return Results.Content(r.Body ?? "", "application/json", statusCode: r.StatusCode);
    }
}
