using System.Text;

namespace QaBot.Knowledge.Search;

/// <summary>A sentence of a passage with how well it matches the question.</summary>
public sealed record ScoredSentence(string Text, int Start, double Score, int Order);

/// <summary>
/// Picks the sentences of a passage that answer a question and quotes passages with the question's words in
/// Markdown bold. Matching uses the index's own analysis, so "treatments" in a passage matches "treatment".
/// </summary>
public sealed class PassageExcerpts(QaBotAnalyzer analyzer)
{
    /// <summary>The analysed terms of a passage's title, section, text and alternate questions.</summary>
    public IReadOnlySet<string> PassageTerms(Passage passage)
    {
        var terms = new HashSet<string>(analyzer.Terms(passage.Text), StringComparer.Ordinal);
        terms.UnionWith(analyzer.Terms(passage.Title));
        terms.UnionWith(analyzer.Terms(passage.Section));
        foreach (var question in passage.AlsoAsked)
        {
            terms.UnionWith(analyzer.Terms(question));
        }

        return terms;
    }

    /// <summary>
    /// How much of the question's topic (<see cref="QueryPlan.FocusCoverage"/>) the passage's heading names: its title
    /// with its section, or its title with one of its alternate questions (<see cref="Passage.AlsoAsked"/>), whichever
    /// covers more. A matched alternate question counts like the heading.
    /// </summary>
    public double HeadingFocusCoverage(Passage passage, QueryPlan plan)
    {
        var best = plan.FocusCoverage(HeadingTerms(passage));
        if (passage.AlsoAsked.Count == 0 || best >= 1)
        {
            return best;
        }

        var title = analyzer.Terms(passage.Title);
        foreach (var question in passage.AlsoAsked)
        {
            var terms = new HashSet<string>(title, StringComparer.Ordinal);
            terms.UnionWith(analyzer.Terms(question));
            best = Math.Max(best, plan.FocusCoverage(terms));
        }

        return best;
    }

    /// <summary>Analysed terms of the passage's title and section: what the passage is about.</summary>
    public IReadOnlySet<string> HeadingTerms(Passage passage)
    {
        var terms = new HashSet<string>(analyzer.Terms(passage.Title), StringComparer.Ordinal);
        terms.UnionWith(analyzer.Terms(passage.Section));
        return terms;
    }

    /// <summary>The passage's sentences, each scored by the idf-weighted share of question concepts it contains.</summary>
    public List<ScoredSentence> Sentences(Passage passage, QueryPlan plan)
    {
        var result = new List<ScoredSentence>();
        var position = 0;
        var order = 0;
        foreach (var sentence in QaBot.Knowledge.Sentences.Split(passage.Text))
        {
            var start = passage.Text.IndexOf(sentence, position, StringComparison.Ordinal);
            if (start < 0)
            {
                start = position;
            }

            position = Math.Min(passage.Text.Length, start + sentence.Length);
            var terms = new HashSet<string>(analyzer.Terms(sentence), StringComparer.Ordinal);
            result.Add(new ScoredSentence(sentence, start, plan.Coverage(terms), order++));
        }

        return result;
    }

    /// <summary>
    /// A quote of at most <paramref name="maxChars"/> characters of passage text (not counting the bold markers),
    /// starting at the sentence that best matches the question, with matched words in <c>**bold**</c>.
    /// </summary>
    public string Quote(Passage passage, QueryPlan plan, int maxChars) => Quote(passage, plan, Sentences(passage, plan), maxChars);

    /// <summary>The same, with the passage's sentences already scored by <see cref="Sentences"/>.</summary>
    public string Quote(Passage passage, QueryPlan plan, IReadOnlyList<ScoredSentence> sentences, int maxChars) =>
        Quote(passage, plan, sentences, maxChars, skip: null);

    /// <summary>
    /// The same, leaving out the sentences whose <see cref="ScoredSentence.Order"/> is in <paramref name="skip"/> (those
    /// the answer text already says): the quote is the best-matching run of the other sentences, or empty when none is left.
    /// </summary>
    public string Quote(Passage passage, QueryPlan plan, IReadOnlyList<ScoredSentence> sentences, int maxChars, IReadOnlySet<int>? skip)
    {
        var text = passage.Text;
        var kept = skip is null ? sentences : sentences.Where(s => !skip.Contains(s.Order)).ToList();
        if (skip is not null && kept.Count == 0)
        {
            return "";
        }

        var best = kept.Count == 0 ? null : kept.OrderByDescending(s => s.Score).ThenBy(s => s.Order).First();
        var start = best is null ? 0 : best.Score <= 0 && skip is null ? 0 : best.Score <= 0 ? kept[0].Start : best.Start;
        var end = start;
        foreach (var sentence in sentences.Where(s => s.Start >= start))
        {
            var sentenceEnd = sentence.Start + sentence.Text.Length;
            if (sentenceEnd - start > maxChars || skip?.Contains(sentence.Order) == true)
            {
                break;
            }

            end = sentenceEnd;
        }

        if (end == start)
        {
            // The best sentence alone is too long: cut it at a word boundary.
            end = Math.Min(text.Length, start + maxChars);
            if (end < text.Length)
            {
                var space = text.LastIndexOf(' ', end - 1, Math.Max(1, end - start));
                if (space > start + (maxChars / 2))
                {
                    end = space;
                }
            }
        }

        return Bold(text, start, end, plan.Terms, prefix: start > 0 ? "… " : "", suffix: end < text.Length ? " …" : "");
    }

    private string Bold(string text, int start, int end, IReadOnlySet<string> terms, string prefix, string suffix)
    {
        var builder = new StringBuilder(prefix, (end - start) + 64);
        var cursor = start;
        var slice = text[start..end];
        foreach (var (term, tokenStart, tokenEnd) in analyzer.TermsWithOffsets(slice))
        {
            if (!terms.Contains(term))
            {
                continue;
            }

            var absoluteStart = start + tokenStart;
            var absoluteEnd = start + tokenEnd;
            if (absoluteStart < cursor)
            {
                continue;
            }

            builder.Append(Escape(text[cursor..absoluteStart]));
            builder.Append("**").Append(Escape(text[absoluteStart..absoluteEnd])).Append("**");
            cursor = absoluteEnd;
        }

        builder.Append(Escape(text[cursor..end])).Append(suffix);
        return builder.ToString();
    }

    /// <summary>Keeps stray asterisks in passage text from turning into Markdown; paragraph breaks become spaces.</summary>
    private static string Escape(string text) =>
        text.Replace("*", "\\*", StringComparison.Ordinal).Replace("\n\n", " ", StringComparison.Ordinal).Replace('\n', ' ');
}
