using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nolan.Web.Tests.Infrastructure;

/// <summary>An email GOV.UK Notify accepted.</summary>
public sealed record NotifyEmail(Guid Id, string EmailAddress, string TemplateId, Dictionary<string, string> Personalisation, string? Reference);

/// <summary>
/// GOV.UK Notify's email endpoint on a real loopback port, strict about its contract: an HS256 bearer JWT signed with
/// the service's secret, <c>iss</c> the service id, <c>iat</c> within 30 seconds of the given clock; a JSON body
/// with a valid address, the known template and every placeholder it needs. Answers 201 with Notify's response, or
/// 400/403 with Notify's error shape.
/// </summary>
public sealed class FakeGovukNotify : IAsyncDisposable
{
    private static readonly string[] Allowed = ["email_address", "template_id", "personalisation", "reference", "email_reply_to_id"];
    private readonly WebApplication _app;
    private readonly Func<DateTimeOffset> _now;

    public FakeGovukNotify(Func<DateTimeOffset> now)
    {
        _now = now;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v2/notifications/email", Handle);
        _app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
    }

    public string BaseUrl { get; }

    public string ServiceId { get; } = Guid.NewGuid().ToString();

    public string SecretKey { get; } = Guid.NewGuid().ToString();

    public string TemplateId { get; } = Guid.NewGuid().ToString();

    public string ApiKey => $"nolan_test-{ServiceId}-{SecretKey}";

    /// <summary>Emails accepted (201), in order.</summary>
    public ConcurrentQueue<NotifyEmail> Accepted { get; } = new();

    /// <summary>Claim names of the last token accepted, e.g. <c>iat,iss</c>.</summary>
    public string? LastClaimNames { get; private set; }

    /// <summary>Requests refused, with the status answered.</summary>
    public ConcurrentQueue<int> Refused { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> Handle(HttpRequest request)
    {
        if (Authenticate(request.Headers.Authorization.ToString()) is { } authError)
        {
            return Error(403, "AuthError", authError);
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Error(400, "BadRequestError", "Content-Type must be application/json");
        }

        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        }
        catch (JsonException)
        {
            return Error(400, "BadRequestError", "Invalid JSON supplied in POST data");
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return Error(400, "ValidationError", "Request body must be a JSON object");
        }

        if (body.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !Allowed.Contains(n)) is { } extra)
        {
            return Error(400, "ValidationError", $"Additional properties are not allowed ({extra} was unexpected)");
        }

        var email = body.TryGetProperty("email_address", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : null;
        if (email is null || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Split('@')[1].Contains('.', StringComparison.Ordinal))
        {
            return Error(400, "ValidationError", "email_address Not a valid email address");
        }

        if (!body.TryGetProperty("template_id", out var t) || t.ValueKind != JsonValueKind.String || !Guid.TryParse(t.GetString(), out _))
        {
            return Error(400, "ValidationError", "template_id is not a valid UUID");
        }

        if (t.GetString() != TemplateId)
        {
            return Error(400, "BadRequestError", "Template not found");
        }

        var personalisation = new Dictionary<string, string>();
        if (body.TryGetProperty("personalisation", out var p))
        {
            if (p.ValueKind != JsonValueKind.Object)
            {
                return Error(400, "ValidationError", "personalisation is not of type object");
            }

            foreach (var item in p.EnumerateObject())
            {
                personalisation[item.Name] = item.Value.ToString();
            }
        }

        var missing = new[] { "subject", "body" }.Where(k => !personalisation.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            return Error(400, "BadRequestError", $"Missing personalisation: {string.Join(", ", missing)}");
        }

        string? reference = null;
        if (body.TryGetProperty("reference", out var r))
        {
            if (r.ValueKind != JsonValueKind.String)
            {
                return Error(400, "ValidationError", "reference is not of type string");
            }

            reference = r.GetString();
        }

        var id = Guid.NewGuid();
        Accepted.Enqueue(new NotifyEmail(id, email, TemplateId, personalisation, reference));
        return Results.Json(new
        {
            id,
            reference,
            content = new { subject = personalisation["subject"], body = personalisation["body"], from_email = "council@notifications.service.gov.uk" },
            uri = $"{BaseUrl}/v2/notifications/{id}",
            template = new { id = TemplateId, version = 1, uri = $"{BaseUrl}/services/{ServiceId}/templates/{TemplateId}" },
        }, statusCode: 201);
    }

    private string? Authenticate(string authorization)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return "Unauthorized: authentication token must be provided";
        }

        var parts = authorization["Bearer ".Length..].Split('.');
        if (parts.Length != 3)
        {
            return "Invalid token: signature, api token not found";
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url(parts[0]));
            if (header.RootElement.GetProperty("alg").GetString() != "HS256" || header.RootElement.GetProperty("typ").GetString() != "JWT")
            {
                return "Invalid token: algorithm used is not HS256";
            }

            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SecretKey), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
            if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url(parts[2])))
            {
                return "Invalid token: signature, api token not found";
            }

            using var claims = JsonDocument.Parse(Base64Url(parts[1]));
            if (claims.RootElement.GetProperty("iss").GetString() != ServiceId)
            {
                return "Invalid token: service not found";
            }

            var iat = DateTimeOffset.FromUnixTimeSeconds(claims.RootElement.GetProperty("iat").GetInt64());
            if ((iat - _now()).Duration() > TimeSpan.FromSeconds(30))
            {
                return "Error: Your system clock must be accurate to within 30 seconds";
            }

            LastClaimNames = string.Join(',', claims.RootElement.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
            return null;
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return "Invalid token: signature, api token not found";
        }
    }

    private IResult Error(int status, string error, string message)
    {
        Refused.Enqueue(status);
        return Results.Json(new { status_code = status, errors = new[] { new { error, message } } }, statusCode: status);
    }

    private static byte[] Base64Url(string s) => Convert.FromBase64String(
        s.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (s.Length % 4)) % 4));
}
