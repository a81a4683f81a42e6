using System.Globalization;
using System.Text;
using QaBot.Analytics.Privacy;

namespace QaBot.Analytics.Reports;

/// <summary>
/// The grouping key of a question in the gap report: lowercase, accents folded ("lúpus" = "lupus"), apostrophes dropped
/// ("what's" = "whats") and other punctuation removed, common words of questions removed ("what", "is", "whats", "can",
/// "i", ...), a light English stemming ("cells" = "cell", "treated" = "treating" = "treat", "causes" = "caused"), and the
/// remaining distinct words in alphabetical order, so that "What is Lupus", "what is lupus?" and "whats lupus" all become
/// <c>lupus</c>, and "can stem cells help lupus" and "lupus: do stem cells help?" become <c>cell help lupus stem</c>.
/// Word order rarely changes the meaning of such short questions, and the report is a reading aid for moderators, not
/// an answer. "Not" and "no" are kept, since they change the question; redaction placeholders are left out, so that
/// "what is lupus? mail me at [email]" groups with "what is lupus".
/// </summary>
public static class QuestionNormalizer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "also", "am", "an", "and", "any", "anyone", "anybody", "are", "aren", "as", "at", "be", "been",
        "being", "but", "by", "can", "cant", "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing", "dont", "for",
        "from", "get", "got", "had", "has", "have", "having", "he", "hello", "her", "hey", "hi", "him", "his", "how", "hows",
        "i", "id", "if", "im", "in", "into", "is", "isnt", "it", "its", "ive", "just", "know", "let", "lets", "may", "me",
        "might", "much", "my", "of", "on", "or", "our", "please", "pls", "really", "she", "should", "so", "some", "tell",
        "than", "thank", "thanks", "that", "thats", "the", "their", "them", "then", "there", "theres", "these", "they",
        "this", "those", "to", "too", "u", "us", "very", "was", "we", "were", "what", "whats", "when", "whens", "where",
        "wheres", "which", "who", "whos", "whom", "why", "whys", "will", "with", "would", "wouldnt", "you", "your",
    };

    private static readonly string[] Placeholders =
        [TextRedactor.Email, TextRedactor.Phone, TextRedactor.Number, TextRedactor.Date, TextRedactor.Query];

    /// <summary>The grouping key; empty for text with no words. Redaction placeholders (<c>[email]</c>, ...) do not count.</summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var placeholder in Placeholders)
        {
            text = text.Replace(placeholder, " ", StringComparison.Ordinal);
        }

        var words = Words(text);
        var kept = words.Where(w => !StopWords.Contains(w)).Select(Stem).ToList();
        if (kept.Count == 0)
        {
            kept = words.Select(Stem).ToList(); // "what is it?": keep something to group by
        }

        return string.Join(' ', kept.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    private static List<string> Words(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c is '\'' or '’' or '`' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>A light suffix stripper (plural, -ing, -ed, final e, doubled consonant); enough to group, not a dictionary.</summary>
    internal static string Stem(string word)
    {
        if (word.Length <= 3 || !word.All(char.IsLetter))
        {
            return word;
        }

        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5)
        {
            w = w[..^3];
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^2];
        }

        if (w.EndsWith('e') && w.Length > 4)
        {
            w = w[..^1];
        }

        if (w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z') && !"aeiou".Contains(w[^1], StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        return w;
    }
}
