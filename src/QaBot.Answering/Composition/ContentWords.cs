namespace QaBot.Answering.Composition;

/// <summary>
/// The content words of a text (lower case, crude plural folding, no function words): what two sentences must share
/// to say the same thing in other words ("a clearly better quality of life" and "quality of life got much better").
/// </summary>
internal static class ContentWords
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "into", "about",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "can", "could", "may",
        "might", "will", "would", "should", "shall", "must", "that", "this", "these", "those", "it", "its", "they", "them",
        "their", "there", "which", "who", "whom", "what", "when", "where", "why", "how", "so", "than", "then", "also", "not",
        "no", "yes", "very", "much", "more", "most", "some", "any", "each", "every", "other", "such", "one", "own", "same",
        "he", "she", "his", "her", "we", "our", "you", "your", "i", "my", "me", "if", "because", "while", "after", "before",
        "said", "say", "says", "reported", "report", "had", "get", "got", "along", "afterwards", "clearly", "many", "lot",
    };

    public static HashSet<string> Of(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in NearDuplicates.Fingerprint(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Stop.Contains(raw) || raw.Length < 2)
            {
                continue;
            }

            words.Add(Fold(raw));
        }

        return words;
    }

    /// <summary>Share (0..1) of <paramref name="sentence"/>'s content words that <paramref name="known"/> already holds.</summary>
    public static double CoveredShare(IReadOnlySet<string> sentence, IReadOnlySet<string> known) =>
        sentence.Count == 0 ? 1 : sentence.Count(known.Contains) / (double)sentence.Count;

    /// <summary>True when two sentences say the same thing: near-identical text, or most content words of the shorter in the longer.</summary>
    public static bool SaySameThing(string a, string b)
    {
        if (NearDuplicates.AreNear(NearDuplicates.Fingerprint(a), NearDuplicates.Fingerprint(b)))
        {
            return true;
        }

        var x = Of(a);
        var y = Of(b);
        var (small, large) = x.Count <= y.Count ? (x, y) : (y, x);
        return small.Count >= 4 && CoveredShare(small, large) >= 0.8;
    }

    private static string Fold(string word) =>
        word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : word;
}
