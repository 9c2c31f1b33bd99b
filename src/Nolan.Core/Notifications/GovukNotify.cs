using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Nolan.Core.Notifications;

/// <summary>
/// GOV.UK Notify settings (<c>Nolan:Notify:</c>). Notify sends with ONE generic email template whose subject is
/// <c>((subject))</c> and whose body is <c>((body))</c>; Nolan renders its own templates and passes the result as
/// personalisation. Councils listed in <see cref="Councils"/> send email through Notify; the others by SMTP.
/// </summary>
public sealed class NotifySettings
{
    public const string DefaultBaseUrl = "https://api.notifications.service.gov.uk";

    /// <summary>The service's API key, <c>{key name}-{service id}-{secret key}</c>. A secret: keep it out of appsettings.json.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Id of the generic email template (subject <c>((subject))</c>, body <c>((body))</c>).</summary>
    public string? TemplateId { get; set; }

    /// <summary>Optional id of a reply-to address set up in the Notify service.</summary>
    public string? ReplyToId { get; set; }

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Councils (slug or id) whose email goes through Notify; <c>*</c> for all.</summary>
    public List<string> Councils { get; set; } = [];

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Whether a message for this council goes through Notify.</summary>
    public bool IsUsedBy(Guid? councilId, string councilSlug) =>
        Councils.Any(c => c == "*" || string.Equals(c, councilSlug, StringComparison.OrdinalIgnoreCase)
            || (councilId is { } id && Guid.TryParse(c, out var g) && g == id));

    /// <summary>What is wrong with these settings for sending, or null.</summary>
    public string? Problem()
    {
        if (NotifyApiKey.TryParse(ApiKey, out _) is { } keyProblem)
        {
            return $"Nolan:Notify:ApiKey: {keyProblem}";
        }

        if (!Guid.TryParse(TemplateId, out _))
        {
            return "Nolan:Notify:TemplateId must be the id (a UUID) of the generic email template.";
        }

        return Uri.TryCreate(BaseUrl, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.IsLoopback)
            ? null
            : "Nolan:Notify:BaseUrl must be an https address.";
    }
}

/// <summary>A Notify API key split into its parts: the last 36 characters are the secret, the 36 before them the service id.</summary>
public sealed record NotifyApiKey(string ServiceId, string SecretKey)
{
    private const int UuidLength = 36;

    /// <summary>Parses <paramref name="apiKey"/>; returns what is wrong with it (never quoting it), or null.</summary>
    public static string? TryParse(string? apiKey, out NotifyApiKey? key)
    {
        key = null;
        var k = apiKey?.Trim() ?? "";
        if (k.Length < 2 * UuidLength + 2)
        {
            return "not set, or too short to be a GOV.UK Notify API key ({key name}-{service id}-{secret key}).";
        }

        var secret = k[^UuidLength..];
        var service = k[^(2 * UuidLength + 1)..^(UuidLength + 1)];
        if (!Guid.TryParse(service, out _) || !Guid.TryParse(secret, out _) || k[^(UuidLength + 1)] != '-')
        {
            return "does not end with a service id and a secret key (two UUIDs).";
        }

        key = new NotifyApiKey(service, secret);
        return null;
    }
}

/// <summary>Notify refused a message, or could not be reached; the message never contains the API key.</summary>
public sealed class GovukNotifyException(string message, HttpStatusCode? status = null, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;
}

/// <summary>
/// A small typed client for GOV.UK Notify's REST API (<c>POST /v2/notifications/email</c>), authenticated with a
/// short-lived HS256 JWT (<c>iss</c> the service id, <c>iat</c> now) signed with the API key's secret. Used instead
/// of the GovukNotify package, whose only version here pulls old JWT and Newtonsoft.Json packages (see
/// docs/notify.md).
/// </summary>
public sealed class GovukNotifyClient(HttpClient http, NotifySettings settings, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Tokens = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Sends an email with the generic template; returns Notify's notification id.</summary>
    public async Task<Guid> SendEmailAsync(string emailAddress, IReadOnlyDictionary<string, string> personalisation,
        string? reference, CancellationToken ct)
    {
        if (settings.Problem() is { } problem)
        {
            throw new GovukNotifyException($"GOV.UK Notify is not configured: {problem}");
        }

        NotifyApiKey.TryParse(settings.ApiKey, out var key);

        var body = new EmailRequest(emailAddress, settings.TemplateId!, personalisation, reference,
            string.IsNullOrWhiteSpace(settings.ReplyToId) ? null : settings.ReplyToId);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.BaseUrl.TrimEnd('/') + "/"), "v2/notifications/email"))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new("Bearer", Token(key!));
        request.Headers.UserAgent.ParseAdd("nolan-notify-client/1.0");

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            // HttpClient's timeout is an OperationCanceledException, which the outbox treats as shutdown, not failure.
            throw new GovukNotifyException($"GOV.UK Notify did not answer within {http.Timeout.TotalSeconds:0} seconds.", null, e);
        }
        catch (HttpRequestException e)
        {
            throw new GovukNotifyException($"Could not reach GOV.UK Notify: {e.Message}", null, e);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var created = await response.Content.ReadFromJsonAsync<CreatedResponse>(ct);
                return created?.Id ?? Guid.Empty;
            }

            throw new GovukNotifyException(Scrub(await ErrorAsync(response, ct), key!), response.StatusCode);
        }
    }

    private string Token(NotifyApiKey key) => Tokens.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = key.ServiceId,
        IssuedAt = time.GetUtcNow().UtcDateTime,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key.SecretKey)), SecurityAlgorithms.HmacSha256),
    });

    private static async Task<string> ErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = $"GOV.UK Notify answered {(int)response.StatusCode}";
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            var error = JsonSerializer.Deserialize<ErrorResponse>(text);
            if (error?.Errors is { Count: > 0 } errors)
            {
                return $"{status}: " + string.Join("; ", errors.Select(e => $"{e.Error}: {e.Message}"));
            }
        }
        catch (JsonException)
        {
            // Not Notify's error shape (e.g. a proxy's page): quote the start of it.
        }

        return $"{status} {response.ReasonPhrase}: {(text.Length > 300 ? text[..300] : text)}";
    }

    /// <summary>Belt and braces: an error text never carries the key or its secret, whatever the server echoes.</summary>
    private string Scrub(string text, NotifyApiKey key) =>
        text.Replace(settings.ApiKey!.Trim(), "[api key]", StringComparison.OrdinalIgnoreCase)
            .Replace(key.SecretKey, "[secret]", StringComparison.OrdinalIgnoreCase);

    private sealed record EmailRequest(
        [property: JsonPropertyName("email_address")] string EmailAddress,
        [property: JsonPropertyName("template_id")] string TemplateId,
        [property: JsonPropertyName("personalisation")] IReadOnlyDictionary<string, string> Personalisation,
        [property: JsonPropertyName("reference"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reference,
        [property: JsonPropertyName("email_reply_to_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EmailReplyToId);

    private sealed record CreatedResponse([property: JsonPropertyName("id")] Guid Id);

    private sealed record ErrorResponse([property: JsonPropertyName("errors")] List<ErrorItem>? Errors);

    private sealed record ErrorItem(
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("message")] string? Message);
}

/// <summary>
/// Sends outbox messages through Notify's generic template: personalisation <c>subject</c> and <c>body</c> (the plain
/// text, which is Markdown), reference the message's de-duplication key. A fresh client per batch, so the
/// <see cref="IHttpClientFactory"/> can rotate handlers.
/// </summary>
public sealed class GovukNotifySenderFactory(Func<GovukNotifyClient> client) : IMessageSenderFactory
{
    public Task<IMessageSender> OpenAsync(MessageChannel channel, CancellationToken ct) =>
        channel == MessageChannel.GovukNotify
            ? Task.FromResult<IMessageSender>(new Sender(client()))
            : Task.FromException<IMessageSender>(new NotSupportedException($"No sender for {channel}."));

    private sealed class Sender(GovukNotifyClient client) : IMessageSender
    {
        public MessageChannel Channel => MessageChannel.GovukNotify;

        public Task SendAsync(OutboxMessage message, CancellationToken ct) =>
            client.SendEmailAsync(message.ToAddress,
                new Dictionary<string, string> { ["subject"] = message.Subject, ["body"] = message.BodyText },
                message.DedupKey, ct);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>Opens the sender for each channel from the factory registered for it.</summary>
public sealed class ChannelSenderFactory(IReadOnlyDictionary<MessageChannel, IMessageSenderFactory> factories) : IMessageSenderFactory
{
    public Task<IMessageSender> OpenAsync(MessageChannel channel, CancellationToken ct) =>
        factories.TryGetValue(channel, out var factory)
            ? factory.OpenAsync(channel, ct)
            : Task.FromException<IMessageSender>(new NotSupportedException($"No sender for {channel}."));
}
