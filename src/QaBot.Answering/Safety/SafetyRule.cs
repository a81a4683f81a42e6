using System.Buffers;
using System.Text.RegularExpressions;

namespace QaBot.Answering.Safety;

/// <summary>
/// A loaded safety rule: it fires when any of <see cref="Patterns"/> matches the normalised message and none of
/// <see cref="Unless"/> does. When <see cref="Keywords"/> are given, the patterns are tried only if the message
/// contains one of them (a speed-up: most messages skip most rules without running a regular expression).
/// </summary>
public sealed record SafetyRule
{
    private readonly IReadOnlyList<string> keywords = [];
    private readonly SearchValues<string>? keywordSearch;

    /// <summary>Unique id, e.g. <c>emergency.chest-pain</c>; reported in the verdict.</summary>
    public required string Id { get; init; }

    public required SafetyCategory Category { get; init; }

    public required IReadOnlyList<Regex> Patterns { get; init; }

    public IReadOnlyList<Regex> Unless { get; init; } = [];

    /// <summary>Strings (case-insensitive) of which a matching message must contain at least one; empty: always try.</summary>
    public IReadOnlyList<string> Keywords
    {
        get => keywords;
        init
        {
            keywords = value;
            keywordSearch = value.Count == 0 ? null : SearchValues.Create([.. value], StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The language of the patterns (<c>es</c>, <c>fr</c>...), or null for English.</summary>
    public string? Language { get; init; }

    /// <summary>Where the rule came from: the embedded defaults or the path of the extra rules file.</summary>
    public required string Source { get; init; }

    /// <summary>The rule may fire on <paramref name="text"/>: it has no keywords or contains one of them.</summary>
    internal bool MayMatch(ReadOnlySpan<char> text) => keywordSearch is null || text.ContainsAny(keywordSearch);
}
