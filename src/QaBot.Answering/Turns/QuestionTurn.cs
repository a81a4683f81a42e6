using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Answering.Composition;
using QaBot.Answering.Conversations;
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
    IOptions<SafetyOptions>? safetyOptions = null,
    IConversationStore? conversations = null) : IQuestionTurn
{
    /// <summary>The text of a clarifying reply (its choices follow it as buttons or links).</summary>
    public const string ClarifyText =
        "I want to make sure I answer the right question. Which of these do you mean? You can also ask again, naming the treatment or condition.";

    /// <summary>How much more confident the answer about the broader topic must be to be preferred.</summary>
    internal const double BroaderMargin = 0.0;

    /// <summary>Most choices on a clarifying reply.</summary>
    internal const int MaxChoices = 3;

    /// <summary>The rule id of a safety verdict carried over from an earlier message of the conversation.</summary>
    public const string CarryOverRuleId = "conversation-carry-over";

    /// <summary>The topics a clarifying reply may offer, in the order preferred on a tie.</summary>
    private static readonly TopicSubject[] ClarifySubjects =
        [TopicSubject.StemCellTherapy, TopicSubject.Hsct, TopicSubject.Mscs, TopicSubject.Clinics, TopicSubject.ClinicalTrials];

    /// <summary>1 while the conversation store is failing (its warning is logged once per outage).</summary>
    private int storeFailing;

    /// <summary>The safety reply made here when the answer service fails on a safety verdict (it must still go out).</summary>
    private readonly SafetyReplies fallbackReplies = new(safetyOptions?.Value ?? new SafetyOptions());

    /// <summary>Triage and encoding read at most this many characters of a message.</summary>
    internal const int MaxTriageChars = 20_000;

    /// <summary>The rule id of the verdict given when triage could not decide (it threw or timed out).</summary>
    public const string TriageFailedRuleId = "triage-failed";

    /// <summary>Longest wait for triage before the message is treated as urgent.</summary>
    internal TimeSpan TriageTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait for the conversation store; beyond it the question is answered without context.</summary>
    internal TimeSpan StoreTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long after an urgent safety reply the conversation's next messages are triaged together with it.</summary>
    internal TimeSpan SafetyCarryOver { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How many of the conversation's newest turns are looked at for an urgent safety reply to carry over.</summary>
    internal const int SafetyCarryOverTurns = 3;

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

        // The conversation's recent turns (none without a conversation, or when the store is down). A message right after an
        // urgent safety reply that names no topic of its own ("what should I do", "he's getting worse") is triaged together
        // with the message that got it, and keeps the urgent-help reply.
        var key = request.Conversation;
        var context = key is null ? [] : await ReadTurnsAsync(key, cancellationToken).ConfigureAwait(false);
        var triagedText = text;
        if (UrgentTurnToCarry(text, context) is { } urgent)
        {
            // This message's own urgent verdict comes first (a new emergency after a self-harm reply is an emergency); else
            // triaged together with the urgent message; else the urgent category carried over (a bare "what should I do"
            // is not a request for personal advice here).
            triagedText = urgent.ResolvedQuestion + "\n" + text;
            if (verdict is not { Category: SafetyCategory.Emergency or SafetyCategory.SelfHarm })
            {
                var together = await TriageAsync(Bounded(triagedText), null, cancellationToken).ConfigureAwait(false);
                verdict = together is { Category: SafetyCategory.Emergency or SafetyCategory.SelfHarm }
                    ? together
                    : new SafetyVerdict(urgent.SafetyCategory!.Value, CarryOverRuleId);
            }
        }

        question = question with { Triage = new TriageOutcome(verdict, vector) };
        if (verdict is not null)
        {
            LogSafety(logger, request.Platform, verdict.Category, verdict.RuleId);
            var safety = await SafetyAnswerAsync(question, verdict, cancellationToken).ConfigureAwait(false);
            await RememberAsync(key, text, triagedText, safety, cancellationToken).ConfigureAwait(false);
            return new TurnAdmission(TurnResult.Of(safety));
        }

        if (request.Unlimited)
        {
            return new TurnAdmission(question, unlimited: true) { Conversation = key, Text = text, Context = context };
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

        return new TurnAdmission(question, unlimited: false) { Conversation = key, Text = text, Context = context };
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
            return TurnResult.Of(await AnswerInContextAsync(admission, question, cancellationToken).ConfigureAwait(false));
        }

        using var slot = await rateLimiter.EnterAsync(question.Platform, cancellationToken).ConfigureAwait(false);
        if (!slot.Acquired)
        {
            LogRefused(logger, question.Platform, slot.Decision.Outcome);
            return TurnResult.Refused(Refusal(slot.Decision));
        }

        // The length check and the answer itself: the answer service, with triage's outcome attached.
        return TurnResult.Of(await AnswerInContextAsync(admission, question, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The answer, in the conversation's context: a follow-up is answered as resolved with the previous topic (and says which
    /// topic it took), an ambiguous question with no context gets a clarifying reply, anything else is answered as written;
    /// then the turn is remembered.
    /// </summary>
    private async Task<Answer> AnswerInContextAsync(TurnAdmission admission, Question question, CancellationToken cancellationToken)
    {
        if (admission.Conversation is not { } key)
        {
            return await answers.AnswerAsync(question, cancellationToken).ConfigureAwait(false);
        }

        var followUp = FollowUpResolver.Resolve(admission.Text, admission.Context);
        Answer answer;
        switch (followUp.Kind)
        {
            case FollowUpKind.Ambiguous:
                answer = Clarify(admission.Text);
                break;
            case FollowUpKind.Resolved:
                (answer, followUp) = await AnswerFollowUpAsync(question, followUp, cancellationToken).ConfigureAwait(false);
                break;
            default:
                answer = await answers.AnswerAsync(question, cancellationToken).ConfigureAwait(false);
                break;
        }

        await RememberAsync(key, admission.Text, followUp.Question, answer, cancellationToken).ConfigureAwait(false);
        return answer;
    }

    /// <summary>
    /// A follow-up, answered as resolved with the whole previous topic and, when that topic has a condition the message did
    /// not name, also with its subject alone ("is it safe?" after MS: MS's own risks, or the general safety section); the
    /// more confident answer is given, saying which topic it took.
    /// </summary>
    private async Task<(Answer Answer, FollowUp FollowUp)> AnswerFollowUpAsync(Question question, FollowUp followUp, CancellationToken cancellationToken)
    {
        var best = await AskResolvedAsync(question, followUp, cancellationToken).ConfigureAwait(false);
        if (FollowUpResolver.Broader(followUp) is { } broader)
        {
            var other = await AskResolvedAsync(question, broader, cancellationToken).ConfigureAwait(false);
            if (other.Kind == AnswerKind.Answered && (best.Kind != AnswerKind.Answered || other.Confidence > best.Confidence + BroaderMargin))
            {
                best = other;
                followUp = broader;
            }
        }

        var answer = best with
        {
            ResolvedQuestion = followUp.Question,
            Text = best.Kind == AnswerKind.Answered ? "About " + followUp.Topic!.Label + ": " + best.Text : best.Text,
        };
        return (answer, followUp);
    }

    private async Task<Answer> AskResolvedAsync(Question question, FollowUp followUp, CancellationToken cancellationToken)
    {
        var resolved = Bounded(followUp.Question);
        var asked = question with { Text = resolved, Triage = new TriageOutcome(null, Encode(resolved)) };
        return await answers.AnswerAsync(asked, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A clarifying reply: the likeliest topics the question may be about, each with the question asked about it.</summary>
    private Answer Clarify(string text)
    {
        var snapshot = knowledge.Current;
        var ranked = new List<(AnswerChoice Choice, string Top, double Score, int Order)>();
        for (var i = 0; i < ClarifySubjects.Length; i++)
        {
            var subject = ClarifySubjects[i];
            var asked = FollowUpResolver.ReplacePronouns(text, TopicTerms.SubjectPhrase(subject));
            var hits = snapshot.Search(snapshot.Plan(asked), null, 1);
            var choice = new AnswerChoice(ChoiceLabel(subject), Capitalized(asked));
            ranked.Add((choice, hits.Count > 0 ? hits[0].Passage.Id : "", hits.Count > 0 ? hits[0].Score : 0, i));
        }

        var choices = ranked.OrderByDescending(r => r.Score).ThenBy(r => r.Order)
            .DistinctBy(r => r.Top.Length == 0 ? "#" + r.Order : r.Top)
            .Take(MaxChoices)
            .Select(r => r.Choice)
            .ToList();
        return new Answer
        {
            Kind = AnswerKind.Clarify,
            Text = ClarifyText,
            Choices = choices,
            Reminder = options.Value.Reminder,
        };
    }

    private static string ChoiceLabel(TopicSubject subject) => subject switch
    {
        TopicSubject.Hsct => "HSCT (a stem cell transplant)",
        TopicSubject.Mscs => "Mesenchymal stem cells (MSCs)",
        TopicSubject.Clinics => "Stem cell clinics",
        TopicSubject.ClinicalTrials => "A clinical trial",
        _ => "Stem cell therapy in general",
    };

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>
    /// The newest urgent (emergency or self-harm) safety turn among the last few, if recent and if this message names no topic
    /// of its own and is not thanks or a goodbye; null otherwise.
    /// </summary>
    private ConversationTurn? UrgentTurnToCarry(string text, IReadOnlyList<ConversationTurn> context)
    {
        if (context.Count == 0 || !TopicTerms.Find(text).IsEmpty || SmallTalk.Classify(text) is SmallTalkKind.Thanks or SmallTalkKind.Goodbye)
        {
            return null;
        }

        var now = time.GetUtcNow();
        return context.TakeLast(SafetyCarryOverTurns).LastOrDefault(t =>
            t.Kind == AnswerKind.Safety
            && t.SafetyCategory is SafetyCategory.Emergency or SafetyCategory.SelfHarm
            && now - t.At <= SafetyCarryOver);
    }

    /// <summary>The conversation's turns; none when the store fails or is slow (logged once per outage, never the text).</summary>
    private async Task<IReadOnlyList<ConversationTurn>> ReadTurnsAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        if (conversations is null)
        {
            return [];
        }

        try
        {
            var turns = await conversations.GetTurnsAsync(key, cancellationToken).AsTask()
                .WaitAsync(StoreTimeout, time, cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref storeFailing, 0);
            return turns;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            StoreFailed(ex);
            return [];
        }
    }

    /// <summary>Remembers the turn (not a refusal, never the reply text); a failing store is logged once and skipped.</summary>
    private async Task RememberAsync(ConversationKey? key, string text, string resolved, Answer answer, CancellationToken cancellationToken)
    {
        if (key is null || conversations is null)
        {
            return;
        }

        var turn = new ConversationTurn(text, resolved, answer.Citations.Select(c => c.Id).ToArray(), answer.Kind, answer.Category, time.GetUtcNow());
        try
        {
            await conversations.AppendAsync(key, turn, cancellationToken).AsTask()
                .WaitAsync(StoreTimeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            StoreFailed(ex);
        }
    }

    private void StoreFailed(Exception ex)
    {
        if (Interlocked.Exchange(ref storeFailing, 1) == 0)
        {
            LogStoreFailed(logger, ex is TimeoutException ? "timeout" : ex.GetType().Name);
        }
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

    [LoggerMessage(EventId = 2306, Level = LogLevel.Warning, Message = "Question turn: the conversation store failed ({Error}); answering without conversation context until it works again")]
    private static partial void LogStoreFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Warning, Message = "Question turn: encoding the question failed ({Error}); triage by rules and lexical search only")]
    private static partial void LogEncodingFailed(ILogger logger, string error);
}
