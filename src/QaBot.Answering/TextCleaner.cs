using System.Text;

namespace QaBot.Answering;

/// <summary>Makes chat text safe to process: no control or zero-width characters, normalised, trimmed.</summary>
public static class TextCleaner
{
    public static string Clean(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        string normalized;
        try
        {
            normalized = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            normalized = text; // invalid UTF-16 (lone surrogates): keep what we have, the filter below drops them
        }

        var builder = new StringBuilder(normalized.Length);
        var lastWasSpace = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            if (char.IsSurrogate(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\uFFFD')
            {
                continue;
            }

            builder.Append(c);
            lastWasSpace = false;
        }

        return builder.ToString().Trim();
    }

    /// <summary>Cuts text at a word boundary to at most <paramref name="maxChars"/> characters, ending with "…".</summary>
    public static string Shorten(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', Math.Max(0, maxChars - 2));
        if (cut < maxChars / 2)
        {
            cut = maxChars - 1;
        }

        return text[..cut].TrimEnd(' ', ',', ';', ':') + "…";
    }
}
