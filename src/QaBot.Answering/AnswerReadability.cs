using System.Text.RegularExpressions;
using QaBot.Answering.Composition;

namespace QaBot.Answering;

/// <summary>
/// Checks that an answer reads as whole, honest text: no fragments, no repeated sentences, no cut text; and whether a
/// question needs a caveat and an answer carries one. Used by the tests and by <c>qabot eval</c>, with the same cues
/// the composer uses.
/// </summary>
public static partial class AnswerReadability
{
    [GeneratedRegex(@"\s*\[\d+\]")]
    private static partial Regex MarkerRegex();

    /// <summary>The problems of an answer's text; none for safety replies (written by us, not composed).</summary>
    public static IReadOnlyList<ReadabilityProblem> Check(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Kind == AnswerKind.Safety ? [] : Check(answer.Text);
    }

    /// <summary>The problems of an answer text with <c>[n]</c> markers (each marker closes a piece from one passage).</summary>
    public static IReadOnlyList<ReadabilityProblem> Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<ReadabilityProblem>();
        var all = new List<string>();
        foreach (var piece in MarkerRegex().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            CheckPiece(piece, problems, all);
        }

        for (var i = 0; i < all.Count; i++)
        {
            for (var j = i + 1; j < all.Count; j++)
            {
                if (ContentWords.SaySameThing(all[i], all[j]))
                {
                    problems.Add(new(ReadabilityProblemKind.Repeated, all[j], "says the same as: " + all[i]));
                }
            }
        }

        var end = MarkerRegex().Replace(text, "").TrimEnd();
        if (end.Length > 0 && (end.EndsWith('…') || end.EndsWith("...", StringComparison.Ordinal) || !EndsLikeASentence(end)))
        {
            problems.Add(new(ReadabilityProblemKind.Cut, LastWords(end), "the text does not end with a whole sentence"));
        }

        return problems;
    }

    /// <summary>True when a question asks whether it works, cures, is approved, is safe or is better (its answer must keep the caveat).</summary>
    public static bool NeedsCaveat(string question) => QuestionShape.AsksWhetherItWorks(question ?? "");

    /// <summary>True when a text carries a caveat sentence (not approved, experimental, risks, results vary, more research...).</summary>
    public static bool HasCaveat(string text) => SentenceCues.IsCaveat(text ?? "");

    private static void CheckPiece(string piece, List<ReadabilityProblem> problems, List<string> all)
    {
        var lines = piece.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = true;
        string? lastSentence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (SentenceCues.IsListItem(line))
            {
                all.Add(line);
                lastSentence = null;
                continue;
            }

            foreach (var sentence in QaBot.Knowledge.Sentences.Split(line))
            {
                all.Add(sentence);
                var letter = sentence.FirstOrDefault(char.IsLetterOrDigit);
                if (char.IsLower(letter))
                {
                    problems.Add(new(ReadabilityProblemKind.Fragment, sentence, "starts in lower case"));
                }
                else if (first && SentenceCues.PointsBack(sentence))
                {
                    problems.Add(new(ReadabilityProblemKind.Fragment, sentence, "opens a piece but points back at a sentence that is not there"));
                }

                if (!EndsLikeASentence(sentence) && !SentenceCues.IsListHeader(sentence))
                {
                    problems.Add(new(ReadabilityProblemKind.Cut, sentence, "a sentence without end punctuation"));
                }

                first = false;
                lastSentence = sentence;
            }

            if (SentenceCues.IsListHeader(line) && (i + 1 >= lines.Length || !SentenceCues.IsListItem(lines[i + 1])))
            {
                problems.Add(new(ReadabilityProblemKind.Fragment, line, "a list header without its list"));
            }
        }

        if (lastSentence is not null && SentenceCues.IsLoneYesNo(lastSentence))
        {
            problems.Add(new(ReadabilityProblemKind.Fragment, lastSentence, "a lone yes or no"));
        }
    }

    private static bool EndsLikeASentence(string text)
    {
        var trimmed = text.TrimEnd('"', '\'', ')', ']', '”', '’', ' ');
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' && !trimmed.EndsWith("...", StringComparison.Ordinal);
    }

    private static string LastWords(string text) => text.Length <= 60 ? text : text[^60..];
}
