using System.Text;

namespace QaBot.Knowledge.Files;

/// <summary>Splits a long section at paragraph boundaries (and, for a huge paragraph, at sentence boundaries).</summary>
internal static class PassageSplitter
{
    public static List<string> Split(IReadOnlyList<string> paragraphs, int maxChars)
    {
        var pieces = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Length <= maxChars)
            {
                pieces.Add(paragraph);
            }
            else
            {
                pieces.AddRange(Pack(Sentences.Split(paragraph), maxChars, " "));
            }
        }

        return Pack(pieces, maxChars, "\n\n");
    }

    private static List<string> Pack(IEnumerable<string> units, int maxChars, string separator)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var unit in units)
        {
            if (current.Length > 0 && current.Length + separator.Length + unit.Length > maxChars)
            {
                chunks.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append(separator);
            }

            current.Append(unit);
        }

        if (current.Length > 0)
        {
            chunks.Add(current.ToString());
        }

        return chunks;
    }
}
