using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Answering.Composition;
using QaBot.Answering.Safety;
using QaBot.Answering.Turns;
using QaBot.Knowledge;

namespace QaBot.Answering;

/// <summary>
/// Answers questions: safety triage first (unless the question turn already triaged), then the knowledge
/// (<see cref="KnowledgeAnswerer"/>: small talk, honest limits, retrieval, a confidence check, citations and an answer
/// made of whole units of the cited passages). Logs outcomes and timings, never the question text.
/// </summary>
public sealed partial class AnswerService : IAnswerService
{
    private readonly IKnowledgeBase knowledge;
    private readonly KnowledgeAnswerer answerer;
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
        answerer = new KnowledgeAnswerer(knowledge, options.Value);
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
        return answerer.Answer(text, snapshot, vector, cancellationToken);
    }

    private Answer NoAnswer(string text) => new()
    {
        Kind = AnswerKind.NoAnswer,
        Text = text,
        Reminder = options.Reminder,
    };

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Answered a question on {Platform}: {Kind}, category {Category}, {Citations} citations, confidence {Confidence:F2}, {ElapsedMs:F1} ms")]
    private static partial void LogAnswered(ILogger logger, string platform, AnswerKind kind, SafetyCategory? category, int citations, double confidence, double elapsedMs);
}
