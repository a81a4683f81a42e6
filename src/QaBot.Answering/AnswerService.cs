using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Answering.Safety;
using QaBot.Answering.Turns;
using QaBot.Knowledge;
using QaBot.Knowledge.Search;

namespace QaBot.Answering;

/// <summary>
/// Answers questions: safety triage first (unless the question turn already triaged), then retrieval, a confidence check, citations and a short answer made
/// only of sentences from the cited passages. Logs outcomes and timings, never the question text.
/// </summary>
public sealed partial class AnswerService : IAnswerService
{
    private readonly IKnowledgeBase knowledge;
    private readonly ISafetyTriage triage;
    private readonly AnsweringOptions options;
    private readonly SafetyReplies safetyReplies;
    private readonly AnsweringMetrics metrics;
    private readonly ILogger<AnswerService> logger;

    public AnswerService(
        IKnowledgeBase knowledge,
        ISafetyTriage triage,
        IOptions<AnsweringOptions> options,
        IOptions<SafetyOptions> safetyOptions,
        AnsweringMetrics metrics,
        ILogger<AnswerService> logger)
    {
        this.knowledge = knowledge;
        this.triage = triage;
        this.options = options.Value;
        safetyReplies = new SafetyReplies(safetyOptions.Value);
        this.metrics = metrics;
        this.logger = logger;
    }

    public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        var answer = Answer(question.Text ?? "", question.Triage, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics.Record(question.Platform, answer, elapsed);
        LogAnswered(logger, question.Platform, answer.Kind, answer.Category, answer.Citations.Count, answer.Confidence, elapsed.TotalMilliseconds);
        return Task.FromResult(answer);
    }

    /// <param name="triaged">From the question turn: triage's verdict and the question's vector, so that neither is
    /// computed again. Null (a direct caller): this service triages and encodes itself, in the same order.</param>
    private Answer Answer(string raw, TriageOutcome? triaged, CancellationToken cancellationToken)
    {
        var text = TextCleaner.Clean(raw);
        if (text.Length == 0)
        {
            return NoAnswer(options.EmptyQuestionText);
        }

        // Safety comes before everything else, even before the length check: a long message about self-harm
        // still gets the urgent-help reply. Triage reads at most a bounded prefix.
        var snapshot = triaged is null ? knowledge.Current : null;
        var vector = triaged is null ? snapshot!.EncodeQuestion(QuestionTurn.Bounded(text)) : triaged.QuestionVector;
        var verdict = triaged is null ? triage.Assess(QuestionTurn.Bounded(text), vector) : triaged.Verdict;
        if (verdict is not null)
        {
            return safetyReplies.Answer(verdict, options.Reminder);
        }

        if (text.Length > options.MaxQuestionChars)
        {
            return NoAnswer(string.Format(CultureInfo.InvariantCulture, options.TooLongText, options.MaxQuestionChars));
        }

        cancellationToken.ThrowIfCancellationRequested();
        snapshot ??= knowledge.Current;
        var plan = snapshot.Plan(text);
        if (plan.IsEmpty)
        {
            return NoAnswer(options.NoAnswerText);
        }

        var hits = snapshot.Search(plan, vector, options.Candidates);
        var chosen = ChooseCitations(snapshot, plan, hits);
        if (chosen.Count == 0)
        {
            return NoAnswer(options.NoAnswerText, hits.Count == 0 ? 0 : Confidence(snapshot, plan, hits[0]));
        }

        // Each cited passage's sentences are scored once, for its quote and for the answer text.
        var sentences = chosen.Select(c => snapshot.Excerpts.Sentences(c.Hit.Passage, plan)).ToList();
        var citations = chosen.Select((c, i) => new Citation
        {
            N = i + 1,
            Id = c.Hit.Passage.Id,
            Title = c.Hit.Passage.Title,
            Section = c.Hit.Passage.Section,
            Source = c.Hit.Passage.Source,
            Url = c.Hit.Passage.Url,
            File = c.Hit.Passage.File,
            Quote = snapshot.Excerpts.Quote(c.Hit.Passage, plan, sentences[i], options.MaxQuoteChars),
            Score = c.Hit.Score,
        }).ToList();

        return new Answer
        {
            Kind = AnswerKind.Answered,
            Text = ComposeText(sentences),
            Citations = citations,
            Reminder = options.Reminder,
            Confidence = chosen[0].Confidence,
        };
    }

    private Answer NoAnswer(string text, double confidence = 0) => new()
    {
        Kind = AnswerKind.NoAnswer,
        Text = text,
        Reminder = options.Reminder,
        Confidence = confidence,
    };

    private sealed record Chosen(SearchHit Hit, double Confidence);

    private List<Chosen> ChooseCitations(KnowledgeSnapshot snapshot, QueryPlan plan, IReadOnlyList<SearchHit> hits)
    {
        var chosen = new List<Chosen>();
        var seenTexts = new List<string>();
        foreach (var hit in hits)
        {
            if (chosen.Count >= options.MaxCitations)
            {
                break;
            }

            var confidence = Confidence(snapshot, plan, hit);
            double floor;
            if (hit.DenseScore is not null)
            {
                floor = chosen.Count == 0 ? options.MinSimilarity : Math.Max(options.MinSimilarity, chosen[0].Confidence - options.CitationSimilarityMargin);
            }
            else
            {
                floor = chosen.Count == 0 ? options.MinConfidence : Math.Max(options.MinConfidence, chosen[0].Confidence * options.RelativeCitationConfidence);
            }

            if (confidence < floor || (chosen.Count == 0 && !StandsOut(snapshot, plan, hit)))
            {
                if (chosen.Count == 0)
                {
                    break; // the best passage is not good enough: no answer
                }

                continue;
            }

            var fingerprint = NearDuplicates.Fingerprint(hit.Passage.Text);
            if (seenTexts.Any(seen => NearDuplicates.AreNear(seen, fingerprint)))
            {
                continue;
            }

            seenTexts.Add(fingerprint);
            chosen.Add(new Chosen(hit, confidence));
        }

        return chosen;
    }

    /// <summary>
    /// Confidence that a passage answers the question. With embeddings: the cosine similarity of question and passage
    /// (a better signal than any BM25 score). Lexically: the idf-weighted share of the question's concepts that the
    /// passage contains (title, section and text). Both are compared with calibrated thresholds.
    /// </summary>
    private static double Confidence(KnowledgeSnapshot snapshot, QueryPlan plan, SearchHit hit) =>
        hit.DenseScore ?? plan.Coverage(snapshot.Excerpts.PassageTerms(hit.Passage));

    /// <summary>
    /// With embeddings, a similar passage is not enough: a knowledge base about one topic is "similar" to every question
    /// on that topic ("is stem cell therapy covered by insurance?"). The best passage must also stand out from the
    /// knowledge's background for this question (its cosine minus the mean cosine of the dense candidates), or contain
    /// the question's own words (lexical coverage), or be so similar that there is no doubt.
    /// </summary>
    private bool StandsOut(KnowledgeSnapshot snapshot, QueryPlan plan, SearchHit hit)
    {
        if (hit.DenseScore is not { } cosine || hit.DenseBaseline is not { } baseline)
        {
            return true;
        }

        var namesTheTopic = snapshot.Excerpts.HeadingFocusCoverage(hit.Passage, plan) >= options.MinFocusCoverage;
        return options.Evidence switch
        {
            AnswerEvidence.Focus => namesTheTopic,
            _ => namesTheTopic
                || cosine >= options.SureSimilarity
                || cosine - baseline >= options.MinSimilarityMargin
                || plan.Coverage(snapshot.Excerpts.PassageTerms(hit.Passage)) >= options.MinConfidence,
        };
    }

    /// <param name="sentencesOfCitations">The scored sentences of each cited passage, in citation order.</param>
    private string ComposeText(List<List<ScoredSentence>> sentencesOfCitations)
    {
        var picked = new List<(int N, ScoredSentence Sentence)>();
        for (var i = 0; i < sentencesOfCitations.Count; i++)
        {
            var sentences = sentencesOfCitations[i]
                .Where(s => s.Text.Length >= 20 && s.Text.Count(c => c == ' ') >= 4) // whole sentences, not list fragments
                .OrderByDescending(s => s.Score)
                .ThenBy(s => s.Order)
                .ToList();
            var take = i == 0 ? 2 : 1;
            foreach (var sentence in sentences.Where(s => s.Score > 0 || i == 0).Take(take))
            {
                if (!picked.Any(p => NearDuplicates.AreNear(NearDuplicates.Fingerprint(p.Sentence.Text), NearDuplicates.Fingerprint(sentence.Text))))
                {
                    picked.Add((i + 1, sentence));
                }
            }
        }

        // Keep each passage's sentences in their original order, passages in citation order.
        picked.Sort((a, b) => a.N != b.N ? a.N.CompareTo(b.N) : a.Sentence.Order.CompareTo(b.Sentence.Order));
        var builder = new StringBuilder();
        foreach (var (n, sentence) in picked)
        {
            var marker = $" [{n}]";
            var piece = sentence.Text;
            var room = options.MaxAnswerChars - builder.Length - marker.Length - (builder.Length > 0 ? 1 : 0);
            if (piece.Length > room)
            {
                if (builder.Length > 0)
                {
                    continue;
                }

                piece = TextCleaner.Shorten(piece, Math.Max(40, room));
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(piece).Append(marker);
        }

        return builder.ToString();
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Answered a question on {Platform}: {Kind}, category {Category}, {Citations} citations, confidence {Confidence:F2}, {ElapsedMs:F1} ms")]
    private static partial void LogAnswered(ILogger logger, string platform, AnswerKind kind, SafetyCategory? category, int citations, double confidence, double elapsedMs);
}
