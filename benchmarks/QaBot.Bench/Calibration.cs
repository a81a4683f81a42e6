using QaBot.Knowledge;
using QaBot.Knowledge.Embeddings;
using QaBot.Knowledge.Search;

namespace QaBot.Bench;

/// <summary>
/// The no-answer calibration protocol: split the passages by title (focus) into two halves with a fixed seed, index
/// one half, then ask questions about both halves. A question about the indexed half should be answered with a
/// relevant passage among the top 3; a question about the other half should get no answer. For each threshold the
/// protocol reports both shares, for the dense confidence (cosine of the best fused hit) and the lexical one
/// (idf-weighted concept coverage of the best BM25 hit).
/// </summary>
public static class Calibration
{
    public sealed record Observation(bool Indexed, bool RelevantInTop3, double Confidence, double Margin = 0, double Coverage = 0, bool TitleInQuestion = false)
    {
        /// <summary>Idf-weighted share of the question's topic words found in the best hit's title and section.</summary>
        public double HeadingCoverage { get; init; }

        /// <summary>Cosine of the best hit minus that of the best hit with another title (how clearly one topic wins).</summary>
        public double TopicGap { get; init; }

        /// <summary>Highest idf among the question's topic words the best hit lacks (a named topic the knowledge misses).</summary>
        public double MissingIdf { get; init; }

        /// <summary>Idf-weighted share of the question's focus (topic words, not what is asked) in the best hit's title and section.</summary>
        public double FocusCoverage { get; init; }

        /// <summary>The question's id and the best hit's title, for reading the mistakes.</summary>
        public string? Id { get; init; }

        public string? TopTitle { get; init; }

        /// <summary>Cosine of the best hit with a title different from the best's.</summary>
        public double SecondTopicCosine { get; init; }
    }

    public sealed record Row(double Threshold, double AnsweredCorrectly, double FalseAnswers);

    public sealed record Split(IReadOnlyList<Passage> Indexed, IReadOnlyList<BenchQuestion> Inside, IReadOnlyList<BenchQuestion> Outside);

    /// <summary>
    /// Splits by focus: titles that differ only in case, accents, possessives or punctuation ("Huntington disease",
    /// "Huntington's Disease"; "cri-du-chat syndrome", "Cri du chat syndrome") are one focus and land in the same half.
    /// With <paramref name="exactTitles"/> every distinct title string is its own focus.
    /// </summary>
    public static Split SplitByTitle(IReadOnlyList<Passage> passages, IReadOnlyList<BenchQuestion> questions, int seed, int perHalf, bool exactTitles = false)
    {
        Func<string, string> key = exactTitles ? static t => t : FocusKey;
        var titles = passages.Select(p => key(p.Title)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(titles);
        var indexedTitles = titles.Take(titles.Length / 2).ToHashSet(StringComparer.Ordinal);
        var titleOf = passages.ToDictionary(p => p.Id, p => key(p.Title), StringComparer.Ordinal);
        var inside = new List<BenchQuestion>();
        var outside = new List<BenchQuestion>();
        foreach (var question in questions)
        {
            var relevantTitles = question.Relevant.Select(id => titleOf.GetValueOrDefault(id)).OfType<string>().ToList();
            if (relevantTitles.Count == 0)
            {
                continue;
            }

            if (relevantTitles.All(indexedTitles.Contains))
            {
                inside.Add(question);
            }
            else if (!relevantTitles.Any(indexedTitles.Contains))
            {
                outside.Add(question);
            }
        }

        var random = new Random(seed + 1);
        return new Split(
            passages.Where(p => indexedTitles.Contains(key(p.Title))).ToList(),
            inside.OrderBy(_ => random.Next()).Take(perHalf).ToList(),
            outside.OrderBy(_ => random.Next()).Take(perHalf).ToList());
    }

    /// <summary>A title reduced to its focus: lower case, no accents, no possessive 's, letters and digits only.</summary>
    public static string FocusKey(string title)
    {
        var folded = new System.Text.StringBuilder(title.Length);
        foreach (var c in (title + " ").Replace("'s ", " ", StringComparison.OrdinalIgnoreCase).Replace("\u2019s ", " ", StringComparison.OrdinalIgnoreCase).Normalize(System.Text.NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                folded.Append(char.ToLowerInvariant(c));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && folded.Length > 0 && folded[^1] != ' ')
            {
                folded.Append(' ');
            }
        }

        return folded.ToString().TrimEnd();
    }

    /// <summary>Runs every question against the indexed half; returns (dense, lexical) observations.</summary>
    /// <param name="retrieval">The retrieval settings production uses (<c>QaBot:Retrieval</c>).</param>
    public static (List<Observation> Dense, List<Observation> Lexical) Observe(Split split, ITextEncoder? encoder, string? cachePath, RetrievalOptions retrieval, CancellationToken cancellationToken)
    {
        using var lexical = LexicalIndex.Build(split.Indexed, options: retrieval.Lexical, cancellationToken: cancellationToken);
        Retriever? hybrid = null;
        if (encoder is not null)
        {
            var vectors = PassageVectors.Compute(split.Indexed, encoder, new VectorCache(cachePath, encoder.ModelId, encoder.Dimensions), 0, cancellationToken);
            hybrid = new Retriever(lexical, new DenseIndex(vectors.Vectors, encoder.Dimensions, vectors.Alternates), encoder, retrieval);
        }

        var excerpts = new PassageExcerpts(lexical.IndexAnalyzer);
        var dense = new List<Observation>();
        var lexicalObservations = new List<Observation>();
        foreach (var (question, indexed) in split.Inside.Select(q => (q, true)).Concat(split.Outside.Select(q => (q, false))))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var plan = lexical.Plan(question.Question);
            var relevant = question.Relevant.ToHashSet(StringComparer.Ordinal);

            var lexicalHits = lexical.Search(plan, 3);
            var coverage = lexicalHits.Count == 0 ? 0 : plan.Coverage(excerpts.PassageTerms(lexicalHits[0].Passage));
            lexicalObservations.Add(new Observation(indexed, lexicalHits.Any(h => relevant.Contains(h.Passage.Id)), coverage));

            if (hybrid is not null)
            {
                var hits = hybrid.Search(plan, 10);
                var top = hits.Count == 0 ? null : hits[0];
                var other = top is null ? null : hits.FirstOrDefault(h => h.Passage.Title != top.Passage.Title);
                var heading = top is null ? new HashSet<string>() : lexical.IndexAnalyzer.Terms(top.Passage.Title).Concat(lexical.IndexAnalyzer.Terms(top.Passage.Section)).ToHashSet(StringComparer.Ordinal);
                var topTerms = top is null ? new HashSet<string>() : excerpts.PassageTerms(top.Passage);
                var missing = 0.0;
                for (var i = 0; i < plan.Concepts.Count; i++)
                {
                    if (!plan.IsChatWord[i] && !plan.Concepts[i].IsCoveredBy(topTerms))
                    {
                        missing = Math.Max(missing, plan.Weights[i]);
                    }
                }

                hits = hits.Take(3).ToList();
                dense.Add(new Observation(
                    indexed,
                    hits.Any(h => relevant.Contains(h.Passage.Id)),
                    hits.Count == 0 ? 0 : hits[0].DenseScore ?? 0,
                    hits.Count == 0 ? 0 : (hits[0].DenseScore ?? 0) - (hits[0].DenseBaseline ?? 0),
                    hits.Count == 0 ? 0 : plan.Coverage(excerpts.PassageTerms(hits[0].Passage)),
                    hits.Count > 0 && ContainsSequence(lexical.IndexAnalyzer.Terms(question.Question), lexical.IndexAnalyzer.Terms(hits[0].Passage.Title)))
                {
                    HeadingCoverage = plan.Coverage(heading),
                    FocusCoverage = top is null ? 0 : excerpts.HeadingFocusCoverage(top.Passage, plan),
                    TopicGap = top is null ? 0 : (top.DenseScore ?? 0) - (other?.DenseScore ?? 0),
                    SecondTopicCosine = other?.DenseScore ?? 0,
                    MissingIdf = missing,
                    Id = question.Id,
                    TopTitle = top?.Passage.Title,
                });
            }
        }

        return (dense, lexicalObservations);
    }

    private static bool ContainsSequence(List<string> haystack, List<string> needle)
    {
        if (needle.Count == 0)
        {
            return false;
        }

        for (var i = 0; i + needle.Count <= haystack.Count; i++)
        {
            if (haystack.Skip(i).Take(needle.Count).SequenceEqual(needle, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The trade-off over margin thresholds, with the cosine threshold fixed.</summary>
    public static List<Row> MarginTable(IReadOnlyList<Observation> observations, double minCosine, double from, double to, double step) =>
        Table(observations.Select(o => o with { Confidence = o.Confidence >= minCosine ? o.Margin : double.NegativeInfinity }).ToList(), from, to, step);

    /// <summary>The trade-off over focus-coverage thresholds, with the cosine threshold fixed.</summary>
    public static List<Row> FocusTable(IReadOnlyList<Observation> observations, double minCosine, double from, double to, double step) =>
        Table(observations.Select(o => o with { Confidence = o.Confidence >= minCosine ? o.FocusCoverage : double.NegativeInfinity }).ToList(), from, to, step);

    /// <summary>Shares answered correctly (indexed half) and falsely (other half) by the answer service's decision rule.</summary>
    public static (double Answered, double FalseAnswers) Rule(IReadOnlyList<Observation> observations, Answering.AnsweringOptions options)
    {
        bool Answers(Observation o)
        {
            if (o.Confidence < options.MinSimilarity)
            {
                return false;
            }

            var namesTheTopic = o.FocusCoverage >= options.MinFocusCoverage;
            return options.Evidence == Answering.AnswerEvidence.Focus
                ? namesTheTopic
                : namesTheTopic || o.Confidence >= options.SureSimilarity || o.Margin >= options.MinSimilarityMargin || o.Coverage >= options.MinConfidence;
        }

        var inside = observations.Where(o => o.Indexed).ToList();
        var outside = observations.Where(o => !o.Indexed).ToList();
        return (
            inside.Count == 0 ? 0 : inside.Count(o => o.RelevantInTop3 && Answers(o)) / (double)inside.Count,
            outside.Count == 0 ? 0 : outside.Count(Answers) / (double)outside.Count);
    }

    public static List<Row> Table(IReadOnlyList<Observation> observations, double from, double to, double step)
    {
        var inside = observations.Where(o => o.Indexed).ToList();
        var outside = observations.Where(o => !o.Indexed).ToList();
        var rows = new List<Row>();
        for (var t = from; t <= to + 1e-9; t += step)
        {
            var threshold = Math.Round(t, 3);
            rows.Add(new Row(
                threshold,
                inside.Count == 0 ? 0 : Math.Round(inside.Count(o => o.Confidence >= threshold && o.RelevantInTop3) / (double)inside.Count, 4),
                outside.Count == 0 ? 0 : Math.Round(outside.Count(o => o.Confidence >= threshold) / (double)outside.Count, 4)));
        }

        return rows;
    }
}
