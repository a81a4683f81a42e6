using System.Text;

namespace QaBot.Answering;

/// <summary>Detects identical or near-identical texts (MedQuAD has byte-identical copies from different sources).</summary>
internal static class NearDuplicates
{
    /// <summary>Lower-case letters and digits only, single-spaced.</summary>
    public static string Fingerprint(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space && builder.Length > 0)
            {
                builder.Append(' ');
                space = true;
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>True when two fingerprints are equal or share at least 85% of their word trigrams.</summary>
    public static bool AreNear(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var x = Trigrams(a);
        var y = Trigrams(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return false;
        }

        var common = x.Count(y.Contains);
        return common / (double)Math.Min(x.Count, y.Count) >= 0.85 && common / (double)Math.Max(x.Count, y.Count) >= 0.6;
    }

    private static HashSet<string> Trigrams(string fingerprint)
    {
        var words = fingerprint.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 2 < words.Length; i++)
        {
            set.Add(string.Concat(words[i], " ", words[i + 1], " ", words[i + 2]));
        }

        if (words.Length is > 0 and < 3)
        {
            set.Add(string.Join(' ', words));
        }

        return set;
    }
}
