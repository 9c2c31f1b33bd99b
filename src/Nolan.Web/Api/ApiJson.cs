using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Common;

namespace Nolan.Web.Api;

/// <summary>JSON conventions of the API and the mapping of expected failures to RFC 9457 problem details.</summary>
public static class ApiJson
{
    /// <summary>camelCase names, snake_case enum values, unknown fields refused (a typo is an error, not silence).</summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        o.Converters.Add(new NoNulStringConverter());
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return o;
    }

    /// <summary>Reads a JSON body; malformed JSON, wrong types and unknown fields become a 400 with the path.</summary>
    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return new UnsupportedBody("Send the request body as JSON with Content-Type: application/json.");
        }

        try
        {
            var value = await request.ReadFromJsonAsync<T>(Options, request.HttpContext.RequestAborted);
            return value is null ? ValidationFailed.For("body", "Send a JSON object") : value;
        }
        catch (InvalidOperationException e) when (e.Message.Contains("charset", StringComparison.OrdinalIgnoreCase)
            || e.InnerException is ArgumentException)
        {
            // An unknown charset (e.g. charset=bogus) is the client's mistake, not a 500.
            return new UnsupportedBody("Send the request body as UTF-8 JSON: Content-Type: application/json; charset=utf-8.");
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            var why = e.Message.Contains(NoNulStringConverter.Problem, StringComparison.Ordinal)
                ? $"'{path}' {NoNulStringConverter.Problem}"
                : e.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? $"'{path}' is not a field this request accepts"
                : e.Message.Contains("value could not be converted", StringComparison.Ordinal)
                    ? $"'{path}' has the wrong type or an unknown value"
                    : $"The request body is not valid JSON (at '{path}', line {e.LineNumber + 1})";
            return ValidationFailed.For(path, why);
        }
    }

    /// <summary>The problem details for an expected failure.</summary>
    public static IResult Problem(NolanError error)
    {
        var problem = new ProblemDetails
        {
            Status = error.Status,
            Title = error.Title,
            Detail = error.Detail,
            Type = $"/problems/{error.GetType().Name.ToLowerInvariant()}",
        };
        if (error.FieldErrors.Count > 0)
        {
            problem.Extensions["errors"] = error.FieldErrors.ToDictionary(e => CamelCase(e.Key), e => e.Value);
        }

        if (error.Citation is { } c)
        {
            problem.Extensions["citation"] = new { council = c.CouncilSlug, protocolVersion = c.ProtocolVersion, paragraph = c.Paragraph, quote = c.Quote, basis = c.Basis.ToString() };
        }

        return Results.Problem(problem);
    }

    private static string CamelCase(string key) => key.Length == 0 ? key : char.ToLowerInvariant(key[0]) + key[1..];
}

/// <summary>The body is not JSON.</summary>
public sealed record UnsupportedBody(string Detail) : NolanError("Unsupported request body", Detail)
{
    public override int Status => 415;
}

/// <summary>
/// Text with a NUL character is refused where it is read: PostgreSQL cannot store it, and it is never meant. One rule for
/// both databases, so the same request gets the same 400 on either.
/// </summary>
public sealed class NoNulStringConverter : JsonConverter<string>
{
    public const string Problem = "contains a NUL character (\\u0000), which text may not hold";

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is not null && value.Contains('\0', StringComparison.Ordinal) ? throw new JsonException(Problem) : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
