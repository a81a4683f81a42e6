using System.Text;

namespace QaBot.Knowledge.Files;

/// <summary>
/// Splits a long section at paragraph boundaries (and, for a huge paragraph, at sentence boundaries; a sentence still
/// too long is cut at the last space that fits, and text without spaces at the limit), so no passage exceeds the limit.
/// </summary>
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
                pieces.AddRange(Pack(Sentences.Split(paragraph).SelectMany(sentence => Cut(sentence, maxChars)), maxChars, " "));
            }
        }

        return Pack(pieces, maxChars, "\n\n");
    }

    /// <summary>Pieces of at most <paramref name="maxChars"/>: cut at the last space that fits, or hard at the limit.</summary>
    internal static IEnumerable<string> Cut(string text, int maxChars)
    {
        var start = 0;
        while (text.Length - start > maxChars)
        {
            var space = text.LastIndexOf(' ', start + maxChars, maxChars);
            var end = space > start ? space : start + maxChars;
            if (end < text.Length && char.IsLowSurrogate(text[end]) && end - 1 > start)
            {
                end--; // never split a surrogate pair
            }

            yield return text[start..end].TrimEnd();
            start = end;
            while (start < text.Length && text[start] == ' ')
            {
                start++;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
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
