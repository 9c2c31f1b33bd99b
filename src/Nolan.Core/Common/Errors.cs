using Nolan.Core.Protocols;

namespace Nolan.Core.Common;

/// <summary>
/// An expected failure with a message a person can act on. Pages show it in a GOV.UK error summary; the API
/// returns it as RFC 9457 problem details with <see cref="Status"/>.
/// </summary>
public abstract record NolanError(string Title, string Detail)
{
    public abstract int Status { get; }

    /// <summary>Field-level messages, keyed by the input's name (e.g. <c>Subject</c>).</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>The protocol paragraph behind a refusal, when a rule refused.</summary>
    public Citation? Citation { get; init; }
}

/// <summary>The input is wrong: fix the named fields.</summary>
public sealed record ValidationFailed(string Detail) : NolanError("Check the details you entered", Detail)
{
    public override int Status => 400;

    public static ValidationFailed For(string field, string message) =>
        new(message) { FieldErrors = new Dictionary<string, string[]> { [field] = [message] } };

    public static ValidationFailed For(IDictionary<string, List<string>> errors) =>
        new(string.Join(" ", errors.SelectMany(e => e.Value)))
        {
            FieldErrors = errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        };
}

/// <summary>Not there, or not yours to see: the two are deliberately indistinguishable.</summary>
public sealed record NotFound(string What) : NolanError("Page not found", $"There is no {What} with that reference that you can see.")
{
    public override int Status => 404;
}

/// <summary>The thing exists and you may see it, but you may not do this to it.</summary>
public sealed record NotAllowed(string Detail) : NolanError("You cannot do that", Detail)
{
    public override int Status => 403;
}

/// <summary>Somebody else changed it first: reload and try again.</summary>
public sealed record StaleUpdate(string What) : NolanError("Somebody else changed this",
    $"The {What} was changed by someone else after you opened it. Reload it, check the changes and try again.")
{
    public override int Status => 409;
}

/// <summary>The action is not possible in the item's current state.</summary>
public sealed record InvalidTransition(string Detail) : NolanError("That cannot be done now", Detail)
{
    public override int Status => 409;
}

/// <summary>
/// The council's protocol refuses it: a typed refusal that always carries the paragraph (<see cref="NolanError.Citation"/>),
/// answered 422 with the citation in the problem details, and shown on a page with the fields it names.
/// </summary>
public sealed record ProtocolRefused : NolanError
{
    public ProtocolRefused(string detail, Citation why, IDictionary<string, List<string>>? fields = null)
        : base("Your protocol does not allow this", detail)
    {
        Citation = why;
        FieldErrors = fields?.ToDictionary(f => f.Key, f => f.Value.ToArray()) ?? new Dictionary<string, string[]>();
    }

    public override int Status => 422;

    /// <summary>A refusal about one field.</summary>
    public static ProtocolRefused For(string field, string message, Citation why) =>
        new(message, why, new Dictionary<string, List<string>> { [field] = [message] });
}

/// <summary>A success value or an expected failure.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, NolanError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public NolanError? Error { get; }

    public bool IsSuccess => Error is null;

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(NolanError error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(NolanError error) => Fail(error);
}
