using System.Text.RegularExpressions;

namespace QaBot.Knowledge;

/// <summary>A small, predictable sentence splitter for English passage text.</summary>
public static partial class Sentences
{
    // A sentence ends at . ! ? (optionally followed by quotes or brackets) before whitespace and an upper-case
    // letter, digit, quote or list dash; common abbreviations are not sentence ends.
    [GeneratedRegex(@"(?<=[.!?][""')\]]?)\s+(?=[\p{Lu}\d""'(\-•])")]
    private static partial Regex BoundaryRegex();

    private static readonly string[] Abbreviations = ["e.g.", "i.e.", "dr.", "mr.", "mrs.", "ms.", "vs.", "etc.", "u.s.", "st.", "no.", "approx."];

    public static List<string> Split(string text)
    {
        var result = new List<string>();
        foreach (var paragraph in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = BoundaryRegex().Split(paragraph);
            var pending = "";
            foreach (var part in parts)
            {
                var candidate = pending.Length == 0 ? part : pending + " " + part;
                if (EndsWithAbbreviation(candidate))
                {
                    pending = candidate;
                    continue;
                }

                if (candidate.Trim().Length > 0)
                {
                    result.Add(candidate.Trim());
                }

                pending = "";
            }

            if (pending.Trim().Length > 0)
            {
                result.Add(pending.Trim());
            }
        }

        return result;
    }

    private static bool EndsWithAbbreviation(string text)
    {
        foreach (var abbreviation in Abbreviations)
        {
            if (text.EndsWith(abbreviation, StringComparison.OrdinalIgnoreCase)
                && (text.Length == abbreviation.Length || !char.IsLetter(text[^(abbreviation.Length + 1)])))
            {
                return true;
            }
        }

        return false;
    }
}
