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
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            var why = e.Message.Contains("could not be mapped", StringComparison.Ordinal)
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
