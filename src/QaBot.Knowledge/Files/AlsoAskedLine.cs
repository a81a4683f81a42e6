using System.Text.RegularExpressions;

namespace QaBot.Knowledge.Files;

/// <summary>
/// The marked line of a Markdown section that lists other ways people ask its question:
/// <c>Also asked: is it all hype? | does stem cell therapy really work?</c> (case-insensitive marker at the start of
/// the line, questions separated by <c>|</c>). The line is not part of the passage text.
/// </summary>
public static partial class AlsoAskedLine
{
    /// <summary>The marker a moderator writes, as documented.</summary>
    public const string Marker = "Also asked:";

    [GeneratedRegex(@"^\s{0,3}also\s+asked\s*:(.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineRegex();

    /// <summary>
    /// True when <paramref name="line"/> is an <c>Also asked:</c> line; <paramref name="questions"/> gets its questions
    /// (empty when the line lists none).
    /// </summary>
    public static bool TryParse(string line, out IReadOnlyList<string> questions)
    {
        var match = LineRegex().Match(line);
        if (!match.Success)
        {
            questions = [];
            return false;
        }

        questions = Split(match.Groups[1].Value);
        return true;
    }

    /// <summary>The questions of a list separated by <c>|</c>, trimmed, without empty or repeated entries.</summary>
    public static IReadOnlyList<string> Split(string list) =>
        list.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(MarkdownText.Inline)
            .Select(q => q.Trim())
            .Where(q => q.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>The line to add to a section so that it also answers <paramref name="questions"/>.</summary>
    public static string Format(IEnumerable<string> questions) =>
        Marker + " " + string.Join(" | ", questions.Select(q => q.Replace('|', '/').Trim()).Where(q => q.Length > 0));
}
