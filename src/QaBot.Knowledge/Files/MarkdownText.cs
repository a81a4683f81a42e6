using System.Text;
using System.Text.RegularExpressions;

namespace QaBot.Knowledge.Files;

/// <summary>Turns the Markdown of a section into the plain text that is indexed and quoted.</summary>
internal static partial class MarkdownText
{
    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex ImageRegex();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex LinkRegex();

    [GeneratedRegex(@"(\*\*|__)(.+?)\1")]
    private static partial Regex StrongRegex();

    [GeneratedRegex(@"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])")]
    private static partial Regex EmphasisRegex();

    [GeneratedRegex(@"`([^`]*)`")]
    private static partial Regex CodeRegex();

    [GeneratedRegex(@"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")]
    private static partial Regex ListMarkerRegex();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"^\s{0,3}>\s?")]
    private static partial Regex QuoteRegex();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex SpacesRegex();

    /// <summary>Plain text of one Markdown line (inline markup removed).</summary>
    public static string Inline(string line)
    {
        var text = ImageRegex().Replace(line, "$1");
        text = LinkRegex().Replace(text, "$1");
        text = StrongRegex().Replace(text, "$2");
        text = EmphasisRegex().Replace(text, "$1");
        text = CodeRegex().Replace(text, "$1");
        text = text.Replace("<br>", " ", StringComparison.OrdinalIgnoreCase);
        return SpacesRegex().Replace(text, " ").Trim();
    }

    /// <summary>
    /// Converts body lines to paragraphs of plain text. List items and sub-headings become paragraphs of their own,
    /// so that splitting and sentence selection see them as units.
    /// </summary>
    public static List<string> Paragraphs(IEnumerable<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();

        void Flush()
        {
            if (current.Length > 0)
            {
                paragraphs.Add(current.ToString().Trim());
                current.Clear();
            }
        }

        foreach (var raw in lines)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                Flush();
                continue;
            }

            var line = QuoteRegex().Replace(raw, "");
            var heading = HeadingRegex().Match(line);
            if (heading.Success)
            {
                Flush();
                var title = Inline(heading.Groups[1].Value);
                if (title.Length > 0)
                {
                    paragraphs.Add(EndWithPunctuation(title));
                }

                continue;
            }

            if (ListMarkerRegex().IsMatch(line))
            {
                Flush();
                current.Append(EndWithPunctuation(Inline(ListMarkerRegex().Replace(line, ""))));
                continue;
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(Inline(line));
        }

        Flush();
        paragraphs.RemoveAll(p => p.Length == 0);
        return paragraphs;
    }

    private static string EndWithPunctuation(string text) =>
        text.Length == 0 || ".!?:;".Contains(text[^1], StringComparison.Ordinal) ? text : text + ".";
}
