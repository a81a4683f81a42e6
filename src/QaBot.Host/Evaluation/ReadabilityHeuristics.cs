using System.Text.RegularExpressions;

namespace QaBot.Host.Evaluation;

/// <summary>
/// The evaluation's own readability check (replaceable through <see cref="IReadabilityCheck"/>): the reply is split into
/// sentences after its <c>[n]</c> markers are taken out, then
/// <list type="bullet">
/// <item>fragment: a sentence ending in ':' or ',' (a list header with the list missing), starting in lower case or
/// with a bullet, of fewer than three words (a lone "No." only when nothing follows), or a reply opening with words
/// that point at an earlier sentence ("Because of this,", "There they");</item>
/// <item>repeated: a sentence whose words are (nearly) those of an earlier one;</item>
/// <item>cut: an ellipsis, or a reply that does not end with a sentence end.</item>
/// </list>
/// </summary>
public sealed partial class ReadabilityHeuristics : IReadabilityCheck
{
    /// <summary>Share of common words (of the longer sentence) from which two sentences say the same thing.</summary>
    private const double RepeatOverlap = 0.8;

    private static readonly string[] DanglingOpeners =
    [
        "because of this", "because of that", "as a result of this", "this is why", "that is why", "there they",
        "these include", "this means", "that means", "for this reason", "in this case", "such as",
    ];

    [GeneratedRegex(@"\s*\[\d+\]")]
    private static partial Regex MarkerRegex();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordRegex();

    /// <summary>Any sentence end followed by space: unlike the passage splitter, a lower-case start is a new (broken) sentence.</summary>
    [GeneratedRegex(@"(?<=[.!?…])\s+")]
    private static partial Regex BoundaryRegex();

    private static readonly string[] Abbreviations = ["e.g.", "i.e.", "etc.", "vs.", "dr.", "approx.", "u.s."];

    public IReadOnlyList<ReadabilityProblem> Check(string answerText)
    {
        ArgumentNullException.ThrowIfNull(answerText);
        var problems = new List<ReadabilityProblem>();
        var text = MarkerRegex().Replace(answerText, "").Trim();
        if (text.Length == 0)
        {
            return problems;
        }

        var sentences = Split(text);
        var seen = new List<HashSet<string>>();
        var wholeLists = WholeListLines(text);
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            var words = Words(sentence);
            if (!wholeLists.Contains(sentence) && IsFragment(sentence, words, first: i == 0, last: i == sentences.Count - 1))
            {
                problems.Add(new ReadabilityProblem(ReadabilityProblem.Fragment, sentence));
            }

            var set = words.Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            if (set.Count >= 4 && seen.Any(earlier => Overlap(earlier, set) >= RepeatOverlap))
            {
                problems.Add(new ReadabilityProblem(ReadabilityProblem.Repeated, sentence));
            }

            seen.Add(set);
            if (sentence.Contains('…', StringComparison.Ordinal) || sentence.Contains("...", StringComparison.Ordinal))
            {
                problems.Add(new ReadabilityProblem(ReadabilityProblem.Cut, sentence));
            }
        }

        var end = text.TrimEnd('"', '\'', ')', ']', '”', '’', '*', ' ');
        var lastIsFragment = problems.Any(p => p.Kind == ReadabilityProblem.Fragment && ReferenceEquals(p.Sentence, sentences[^1]));
        if (end.Length > 0 && end[^1] is not ('.' or '!' or '?' or '…') && !lastIsFragment && !problems.Any(p => p.Kind == ReadabilityProblem.Cut))
        {
            problems.Add(new ReadabilityProblem(ReadabilityProblem.Cut, sentences[^1]));
        }

        return problems;
    }

    private static List<string> Split(string text)
    {
        var sentences = new List<string>();
        foreach (var paragraph in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var piece in BoundaryRegex().Split(paragraph))
            {
                if (piece.Length == 0)
                {
                    continue;
                }

                if (sentences.Count > 0 && Abbreviations.Any(a => sentences[^1].EndsWith(a, StringComparison.OrdinalIgnoreCase)))
                {
                    sentences[^1] += " " + piece;
                }
                else
                {
                    sentences.Add(piece);
                }
            }
        }

        return sentences;
    }

    private static bool IsFragment(string sentence, List<string> words, bool first, bool last)
    {
        if (sentence.EndsWith(':') || sentence.EndsWith(','))
        {
            return true;
        }

        if (sentence[0] is '-' or '*' or '•' || char.IsLower(sentence[0]))
        {
            return true;
        }

        if (words.Count < 3 && (last || !IsYesOrNo(words)))
        {
            return true; // "No." opening a direct answer is whole; "There they." or a lone "No." is not
        }

        return first && DanglingOpeners.Any(opener => sentence.StartsWith(opener, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A list kept whole with its header ("Warning signs include:" followed by its "- ..." items) is one readable unit:
    /// the header's last sentence and each item's first sentence, which are not fragments there.
    /// </summary>
    private static HashSet<string> WholeListLines(string text)
    {
        var whole = new HashSet<string>(StringComparer.Ordinal);
        var paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var j = 0; j + 1 < paragraphs.Length; j++)
        {
            if (!paragraphs[j].EndsWith(':') || !IsBullet(paragraphs[j + 1]))
            {
                continue;
            }

            whole.Add(BoundaryRegex().Split(paragraphs[j])[^1]);
            for (var k = j + 1; k < paragraphs.Length && IsBullet(paragraphs[k]); k++)
            {
                whole.Add(BoundaryRegex().Split(paragraphs[k])[0]);
            }
        }

        return whole;
    }

    private static bool IsBullet(string sentence) => sentence.Length > 0 && sentence[0] is '-' or '*' or '•';

    private static bool IsYesOrNo(List<string> words) =>
        words.Count == 1 && words[0].ToLowerInvariant() is "yes" or "no" or "sometimes" or "maybe" or "possibly";

    private static List<string> Words(string sentence) => WordRegex().Matches(sentence).Select(m => m.Value).ToList();

    private static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        var common = a.Count(b.Contains);
        return common / (double)Math.Max(a.Count, b.Count);
    }
}
