namespace Nolan.Core.Protocols;

/// <summary>Why, under which paragraph: attached to every decision Nolan takes on the protocol's behalf.</summary>
public sealed record Citation(
    string CouncilSlug,
    string ProtocolVersion,
    string? Paragraph,
    string? Quote,
    RuleBasis Basis,
    string? Note)
{
    public static Citation Of(ProtocolPreset preset, ProtocolVersion version, Rule rule) =>
        new(preset.Council.Slug, version.Id, rule.Para, rule.Quote, rule.Basis, rule.Note);

    /// <summary>Compact form stored with audit events, e.g. <c>southend-on-sea/part-5d §9.1.5</c>.</summary>
    public string Reference => Basis == RuleBasis.CouncilPolicy
        ? $"{CouncilSlug}/{ProtocolVersion} council policy"
        : Paragraph is { } para && para.StartsWith("para", StringComparison.OrdinalIgnoreCase)
            ? $"{CouncilSlug}/{ProtocolVersion} {para}"
            : $"{CouncilSlug}/{ProtocolVersion} §{Paragraph}";

    /// <summary>Plain-English sentence for pages and messages.</summary>
    public string Describe() => Basis == RuleBasis.CouncilPolicy
        ? $"Council policy (the protocol is silent): {Note}"
        : Quote is null ? $"Protocol {ParagraphText}" : $"Protocol {ParagraphText}: \u201c{Quote}\u201d";

    /// <summary>
    /// A stored reference (<see cref="Reference"/>, as kept on activities and audit events) in words for the page:
    /// <c>southend-on-sea/part-5d §9.1.7</c> → "paragraph 9.1.7 of the protocol"; no council slug or version id.
    /// </summary>
    public static string ForPeople(string reference)
    {
        var space = reference.IndexOf(' ', StringComparison.Ordinal);
        var para = space < 0 ? reference : reference[(space + 1)..];
        return para switch
        {
            "council policy" => "the council\u2019s own policy (the protocol is silent)",
            _ when para.StartsWith('\u00a7') => $"paragraph {para[1..]} of the protocol",
            _ => $"{para} of the protocol",
        };
    }

    /// <summary>"paragraph 9.1.5", or "para 36" as some protocols number them.</summary>
    public string ParagraphText => Paragraph is { } p && p.StartsWith("para", StringComparison.OrdinalIgnoreCase) ? p : $"paragraph {Paragraph}";
}
