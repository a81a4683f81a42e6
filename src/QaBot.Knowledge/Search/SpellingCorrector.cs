using System.Globalization;
using System.Text;

namespace QaBot.Knowledge.Search;

/// <summary>
/// Corrects misspelt words of a question against the words of the knowledge itself ("rhuematoid arthritis
/// treatmnt" becomes "rheumatoid arthritis treatment"). Only a word the knowledge has never seen is changed, only to a
/// word it has, at most one edit away (two for words of 8 letters or more; a swap of neighbours counts as one), the
/// closest and then the most common. Short words, words with digits and all-capital abbreviations are left alone.
/// Built once per index; thread-safe.
/// </summary>
public sealed class SpellingCorrector
{
    /// <summary>Words shorter than this are never corrected: too many real words are one edit apart.</summary>
    public const int MinWordLength = 5;

    /// <summary>From this length on, two edits are allowed.</summary>
    public const int TwoEditsFrom = 8;

    private readonly Dictionary<string, int> frequencies;
    private readonly Dictionary<(char First, int Length), (string Word, int Frequency)[]> buckets;

    private SpellingCorrector(Dictionary<string, int> frequencies)
    {
        this.frequencies = frequencies;
        buckets = frequencies
            .Where(pair => pair.Key.Length >= MinWordLength - 1)
            .GroupBy(pair => (pair.Key[0], pair.Key.Length))
            .ToDictionary(group => group.Key, group => group.Select(pair => (pair.Key, pair.Value)).OrderByDescending(pair => pair.Value).ToArray());
    }

    /// <summary>How many distinct words the knowledge has.</summary>
    public int VocabularySize => frequencies.Count;

    /// <summary>Collects the words of the passages (and any extra words, such as synonyms), with their passage counts.</summary>
    public static SpellingCorrector Build(IEnumerable<Passage> passages, IEnumerable<string>? extraWords = null)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var passage in passages)
        {
            seen.Clear();
            AddWords(passage.Title, seen, texts);
            AddWords(passage.Section, seen, texts);
            AddWords(passage.Text, seen, texts);
            foreach (var word in seen)
            {
                frequencies[word] = frequencies.GetValueOrDefault(word) + 1;
            }
        }

        foreach (var word in extraWords ?? [])
        {
            foreach (var (folded, _, _) in Words(word))
            {
                frequencies.TryAdd(folded, 1);
            }
        }

        return new SpellingCorrector(frequencies);
    }

    private static void AddWords(string text, HashSet<string> seen, Dictionary<string, string[]> cache)
    {
        // Sections ("Symptoms") and titles repeat across passages: fold each distinct text once.
        if (text.Length <= 80)
        {
            if (!cache.TryGetValue(text, out var words))
            {
                cache[text] = words = Words(text).Select(w => w.Folded).ToArray();
            }

            seen.UnionWith(words);
            return;
        }

        foreach (var (folded, _, _) in Words(text))
        {
            seen.Add(folded);
        }
    }

    /// <summary>The question with its misspelt words corrected; the same string instance when nothing changed.</summary>
    /// <param name="text">The question.</param>
    /// <param name="isKnown">
    /// Optional: true for a word the search already knows in another form (an inflection such as "affected" when the
    /// knowledge says "affects"), which is then left alone.
    /// </param>
    public string Correct(string text, Func<string, bool>? isKnown = null) => Correct(text, isKnown, out _);

    /// <summary>
    /// Most unknown words looked up per question: a question full of unknown words (gibberish, a pasted log) keeps the
    /// rest as typed instead of costing seconds.
    /// </summary>
    internal const int MaxWordsLookedUp = 24;

    /// <summary>Most candidate comparisons per question, whatever the vocabulary size (a huge knowledge base).</summary>
    internal const int MaxComparisons = 200_000;

    /// <summary>As <see cref="Correct(string, Func{string, bool}?)"/>, counting the candidate comparisons made.</summary>
    internal string Correct(string text, Func<string, bool>? isKnown, out int comparisons)
    {
        comparisons = 0;
        if (text.Length > 4000)
        {
            return text; // a pasted essay is searched as it is
        }

        StringBuilder? corrected = null;
        var copied = 0;
        var lookedUp = 0;
        foreach (var (folded, start, length) in Words(text))
        {
            if (length < MinWordLength || frequencies.ContainsKey(folded) || IsAbbreviation(text.AsSpan(start, length)))
            {
                continue;
            }

            if (++lookedUp > MaxWordsLookedUp || comparisons >= MaxComparisons)
            {
                break; // the time budget of one question: the remaining words stay as typed
            }

            var replacement = BestCandidate(folded, ref comparisons);
            if (replacement is null || (isKnown is not null && isKnown(folded)))
            {
                continue;
            }

            corrected ??= new StringBuilder(text.Length + 16);
            corrected.Append(text, copied, start - copied).Append(replacement);
            copied = start + length;
        }

        return corrected is null ? text : corrected.Append(text, copied, text.Length - copied).ToString();
    }

    private string? BestCandidate(string word, ref int comparisons)
    {
        var maxEdits = word.Length >= TwoEditsFrom ? 2 : 1;
        string? best = null;
        int bestDistance = int.MaxValue, bestFrequency = 0;
        for (var length = word.Length - maxEdits; length <= word.Length + maxEdits; length++)
        {
            if (!buckets.TryGetValue((word[0], length), out var candidates))
            {
                continue;
            }

            foreach (var (candidate, frequency) in candidates)
            {
                if (comparisons >= MaxComparisons)
                {
                    return bestDistance <= maxEdits ? best : null;
                }

                comparisons++;

                var distance = Distance(word, candidate, Math.Min(maxEdits, bestDistance));
                if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency))
                {
                    (best, bestDistance, bestFrequency) = (candidate, distance, frequency);
                }
            }
        }

        return bestDistance <= maxEdits ? best : null;
    }

    /// <summary>
    /// Optimal-string-alignment distance (insert, delete, substitute, swap neighbours), or <c>limit + 1</c> as soon as
    /// it must exceed <paramref name="limit"/>.
    /// </summary>
    internal static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs of letters (digits make a token an identifier, which is skipped whole), folded to lower-case ASCII.</summary>
    private static IEnumerable<(string Folded, int Start, int Length)> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var hasDigit = false;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark))
            {
                hasDigit |= char.IsDigit(text[i]);
                i++;
            }

            if (!hasDigit)
            {
                yield return (Fold(text.AsSpan(start, i - start)), start, i - start);
            }
        }
    }

    private static string Fold(ReadOnlySpan<char> word)
    {
        var ascii = true;
        foreach (var c in word)
        {
            ascii &= c < 128;
        }

        if (ascii)
        {
            return string.Create(word.Length, word.ToString(), static (span, source) => source.AsSpan().ToLowerInvariant(span));
        }

        var builder = new StringBuilder(word.Length);
        foreach (var c in word.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
