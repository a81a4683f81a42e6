using QaBot.Knowledge.Search;

namespace QaBot.Answering.Composition;

/// <summary>Groups a passage's scored sentences into whole units (see <see cref="AnswerUnit"/>).</summary>
internal static class PassageUnits
{
    public static List<AnswerUnit> Build(string passageText, IReadOnlyList<ScoredSentence> sentences)
    {
        var units = new List<AnswerUnit>();
        var i = 0;
        while (i < sentences.Count)
        {
            var sentence = sentences[i];
            if (SentenceCues.IsListHeader(sentence.Text) && EndsParagraph(passageText, sentence))
            {
                var end = i + 1;
                while (end < sentences.Count && IsListItem(passageText, sentences, end, first: end == i + 1))
                {
                    end++;
                }

                var items = sentences.Skip(i + 1).Take(end - i - 1).ToList();
                var text = items.Count == 0
                    ? sentence.Text
                    : sentence.Text + string.Concat(items.Select(item => "\n- " + SentenceCues.WithoutListMarker(item.Text)));
                units.Add(new AnswerUnit(text, units.Count, sentence.Order, sentences[end - 1].Order, sentences.Skip(i).Take(end - i).Max(s => s.Score))
                {
                    IsList = true,
                    IsFragment = items.Count == 0,
                    PointsBack = SentenceCues.PointsBack(sentence.Text),
                    IsCaveat = sentences.Skip(i).Take(end - i).Any(s => SentenceCues.IsCaveat(s.Text)),
                    WithoutLead = text,
                });
                i = end;
                continue;
            }

            if (SentenceCues.IsListItem(sentence.Text))
            {
                // A list item without its header is a fragment.
                units.Add(new AnswerUnit(sentence.Text, units.Count, sentence.Order, sentence.Order, sentence.Score) { IsFragment = true, WithoutLead = sentence.Text });
                i++;
                continue;
            }

            if (SentenceCues.IsLoneYesNo(sentence.Text) && i + 1 < sentences.Count
                && !SentenceCues.IsListItem(sentences[i + 1].Text) && !SentenceCues.IsListHeader(sentences[i + 1].Text))
            {
                var next = sentences[i + 1];
                units.Add(new AnswerUnit(Slice(passageText, sentence, next), units.Count, sentence.Order, next.Order, Math.Max(sentence.Score, next.Score))
                {
                    OpensWithYesNo = true,
                    IsCaveat = SentenceCues.IsCaveat(next.Text),
                    WithoutLead = next.Text,
                });
                i += 2;
                continue;
            }

            units.Add(new AnswerUnit(sentence.Text, units.Count, sentence.Order, sentence.Order, sentence.Score)
            {
                IsFragment = SentenceCues.IsLoneYesNo(sentence.Text) || !char.IsUpper(FirstLetter(sentence.Text)) && !char.IsDigit(FirstLetter(sentence.Text)),
                PointsBack = SentenceCues.PointsBack(sentence.Text),
                IsCaveat = SentenceCues.IsCaveat(sentence.Text),
                OpensWithYesNo = SentenceCues.OpensWithYesNo(sentence.Text),
                WithoutLead = SentenceCues.StripYesNoLead(sentence.Text),
            });
            i++;
        }

        return units;
    }

    /// <summary>
    /// Whether sentence <paramref name="index"/> is an item of the list above it. The knowledge loader keeps each list
    /// item as a paragraph of its own without its marker, so an item is a whole paragraph that continues the list: the
    /// first one, one after an item ending in ';' or ',', one starting in lower case, or a question after a question.
    /// </summary>
    private static bool IsListItem(string text, IReadOnlyList<ScoredSentence> sentences, int index, bool first)
    {
        var sentence = sentences[index];
        if (!StartsParagraph(text, sentence) || !EndsParagraph(text, sentence))
        {
            return SentenceCues.IsListItem(sentence.Text) && first;
        }

        if (first || SentenceCues.IsListItem(sentence.Text) || char.IsLower(FirstLetter(sentence.Text)))
        {
            return true;
        }

        var previous = sentences[index - 1].Text.TrimEnd();
        return previous.EndsWith(';') || previous.EndsWith(',') || (previous.EndsWith('?') && sentence.Text.TrimEnd().EndsWith('?'));
    }

    private static bool StartsParagraph(string text, ScoredSentence sentence) =>
        sentence.Start == 0 || text[sentence.Start - 1] == '\n' || text.LastIndexOf('\n', sentence.Start - 1) is var nl && text[(nl + 1)..sentence.Start].Trim().Length == 0;

    private static bool EndsParagraph(string text, ScoredSentence sentence)
    {
        var end = sentence.Start + sentence.Text.Length;
        if (end >= text.Length)
        {
            return true;
        }

        var next = text.IndexOf('\n', end);
        return next < 0 ? text[end..].Trim().Length == 0 : text[end..next].Trim().Length == 0;
    }

    private static char FirstLetter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return c;
            }
        }

        return 'A';
    }

    /// <summary>The passage text from the first sentence to the end of the last, paragraph breaks as single line breaks.</summary>
    private static string Slice(string text, ScoredSentence first, ScoredSentence last)
    {
        var end = Math.Min(text.Length, last.Start + last.Text.Length);
        if (first.Start >= end)
        {
            return first.Text;
        }

        var slice = text[first.Start..end];
        while (slice.Contains("\n\n", StringComparison.Ordinal))
        {
            slice = slice.Replace("\n\n", "\n", StringComparison.Ordinal);
        }

        return slice.Replace("\r", "", StringComparison.Ordinal).Trim();
    }
}
