using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Answering.RateLimiting;
using QaBot.Answering.Safety;
using QaBot.Knowledge;

namespace QaBot.Answering.Turns;

/// <summary>
/// <see cref="IQuestionTurn"/>: triage before every limit, then the shared limits, a slot and the answer. Safety replies,
/// like every other answer, are made by <see cref="IAnswerService"/> (so metrics and analytics see them), but with the
/// verdict and vector attached and outside every limit and slot. Logs outcomes, never the message.
/// </summary>
public sealed partial class QuestionTurn(
    IAnswerService answers,
    ISafetyTriage triage,
    IQuestionRateLimiter rateLimiter,
    IKnowledgeBase knowledge,
    IOptions<AnsweringOptions> options,
    TimeProvider time,
    ILogger<QuestionTurn> logger,
    IOptions<SafetyOptions>? safetyOptions = null) : IQuestionTurn
{
    /// <summary>The safety reply made here when the answer service fails on a safety verdict (it must still go out).</summary>
    private readonly SafetyReplies fallbackReplies = new(safetyOptions?.Value ?? new SafetyOptions());

    /// <summary>Triage and encoding read at most this many characters of a message.</summary>
    internal const int MaxTriageChars = 20_000;

    /// <summary>The rule id of the verdict given when triage could not decide (it threw or timed out).</summary>
    public const string TriageFailedRuleId = "triage-failed";

    /// <summary>Longest wait for triage before the message is treated as urgent.</summary>
    internal TimeSpan TriageTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The bounded prefix of a cleaned message that triage and the encoder read.</summary>
    internal static string Bounded(string text) => text.Length > MaxTriageChars ? text[..MaxTriageChars] : text;

    public async Task<TurnResult> AskAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var admission = await AdmitAsync(request, cancellationToken).ConfigureAwait(false);
        return admission.Result ?? await AnswerAsync(admission, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TurnAdmission> AdmitAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var question = new Question(request.Text ?? "") { Platform = request.Platform, UserId = request.UserId };

        // 1. Clean; an empty message gets the polite reminder at once.
        var text = Bounded(TextCleaner.Clean(request.Text ?? ""));
        if (text.Length == 0)
        {
            return await FinishedAsync(question with { Triage = new TriageOutcome(null, null) }, cancellationToken).ConfigureAwait(false);
        }

        // 2. Encode once; 3. triage first, outside every limit. A safety verdict is answered now.
        var vector = Encode(text);
        var verdict = await TriageAsync(text, vector, cancellationToken).ConfigureAwait(false);
        question = question with { Triage = new TriageOutcome(verdict, vector) };
        if (verdict is not null)
        {
            LogSafety(logger, request.Platform, verdict.Category, verdict.RuleId);
            return new TurnAdmission(TurnResult.Of(await SafetyAnswerAsync(question, verdict, cancellationToken).ConfigureAwait(false)));
        }

        if (request.Unlimited)
        {
            return new TurnAdmission(question, unlimited: true);
        }

        // 4. Only then the platform's own gate and the shared limits.
        if (request.PlatformGate?.Invoke() is { } gated)
        {
            return new TurnAdmission(TurnResult.Refused(gated));
        }

        var admitted = rateLimiter.TryAcquire(request.Platform, request.RateLimitKey ?? request.UserId);
        if (!admitted.Allowed)
        {
            LogRefused(logger, request.Platform, admitted.Outcome);
            return new TurnAdmission(TurnResult.Refused(Refusal(admitted)));
        }

        return new TurnAdmission(question, unlimited: false);
    }

    public async Task<TurnResult> AnswerAsync(TurnAdmission admission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admission);
        if (admission.Result is { } result)
        {
            return result;
        }

        var question = admission.Question!;
        if (admission.Unlimited)
        {
            return TurnResult.Of(await answers.AnswerAsync(question, cancellationToken).ConfigureAwait(false));
        }

        using var slot = await rateLimiter.EnterAsync(question.Platform, cancellationToken).ConfigureAwait(false);
        if (!slot.Acquired)
        {
            LogRefused(logger, question.Platform, slot.Decision.Outcome);
            return TurnResult.Refused(Refusal(slot.Decision));
        }

        // The length check and the answer itself: the answer service, with triage's outcome attached.
        return TurnResult.Of(await answers.AnswerAsync(question, cancellationToken).ConfigureAwait(false));
    }

    private async Task<TurnAdmission> FinishedAsync(Question question, CancellationToken cancellationToken) =>
        new(TurnResult.Of(await answers.AnswerAsync(question, cancellationToken).ConfigureAwait(false)));

    /// <summary>
    /// The safety reply, made by the answer service so that metrics and analytics see it; if that service fails, the
    /// reply is made here instead: nothing may stand between an urgent message and its reply.
    /// </summary>
    private async Task<Answer> SafetyAnswerAsync(Question question, SafetyVerdict verdict, CancellationToken cancellationToken)
    {
        try
        {
            return await answers.AnswerAsync(question, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSafetyAnswerFailed(logger, ex.GetType().Name);
            return fallbackReplies.Answer(verdict, options.Value.Reminder);
        }
    }

    private TurnRefusal Refusal(RateLimitDecision decision) =>
        new(decision.Outcome, decision.RetryAfter, decision.Reply, options.Value.Reminder);

    /// <summary>The knowledge snapshot's encoder; null when embeddings are off or the encoder fails (then rules alone triage).</summary>
    private float[]? Encode(string text)
    {
        try
        {
            return knowledge.Current.EncodeQuestion(text);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogEncodingFailed(logger, ex.GetType().Name);
            return null;
        }
    }

    /// <summary>Triage, bounded in time; an exception or a timeout fails closed: the message is treated as an emergency.</summary>
    private async Task<SafetyVerdict?> TriageAsync(string text, float[]? vector, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(() => triage.Assess(text, vector), cancellationToken)
                .WaitAsync(TriageTimeout, time, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogTriageFailed(logger, ex is TimeoutException ? "timeout" : ex.GetType().Name);
            return new SafetyVerdict(SafetyCategory.Emergency, TriageFailedRuleId);
        }
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Question turn on {Platform}: safety reply ({Category}, rule {RuleId}) before any limit")]
    private static partial void LogSafety(ILogger logger, string platform, SafetyCategory category, string ruleId);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Question turn on {Platform}: refused ({Outcome})")]
    private static partial void LogRefused(ILogger logger, string platform, RateLimitOutcome outcome);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Error, Message = "Question turn: safety triage failed ({Reason}); the message was treated as urgent")]
    private static partial void LogTriageFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Error, Message = "Question turn: the answer service failed on a safety verdict ({Error}); sent the safety reply made by the turn")]
    private static partial void LogSafetyAnswerFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Warning, Message = "Question turn: encoding the question failed ({Error}); triage by rules and lexical search only")]
    private static partial void LogEncodingFailed(ILogger logger, string error);
}
