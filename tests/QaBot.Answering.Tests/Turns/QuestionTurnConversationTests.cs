using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using QaBot.Answering.Conversations;
using QaBot.Answering.RateLimiting;
using QaBot.Answering.Safety;
using QaBot.Answering.Turns;

namespace QaBot.Answering.Tests.Turns;

/// <summary>
/// The question turn in a conversation, on the bundled knowledge with the real answer service, real rules-only triage and the
/// in-memory conversation store: follow-ups resolved before retrieval, new topics and off-topic messages left alone, safety
/// carried over, clarifying replies, and a failing store.
/// </summary>
public sealed class QuestionTurnConversationTests
{
    private const string MsStudies = "conditions/multiple-sclerosis#what-have-studies-of-hsct-for-multiple-sclerosis-found";
    private const string LupusHelp = "conditions/lupus#can-stem-cell-therapy-help-lupus-sle";

    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-12-08T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly FakeLogger<QuestionTurn> logger = new();
    private readonly AnsweringOptions options = new();
    private readonly InMemoryConversationStore store;
    private readonly ConversationKey key = new("web", "session-1", "user-1");

    public QuestionTurnConversationTests()
    {
        store = new InMemoryConversationStore(Options.Create(new ConversationOptions()), time);
    }

    [Fact]
    public async Task AskAsync_FollowUpWithoutATopic_ResolvedWithThePreviousTopicAndSaysWhichTopic()
    {
        var turn = Turn();
        await AskAsync(turn, "Can stem cells help multiple sclerosis?");

        var answer = await AskAsync(turn, "what have the studies found so far?");

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Contains("multiple sclerosis", answer.ResolvedQuestion, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("About stem cell therapy for MS: ", answer.Text, StringComparison.Ordinal);
        Assert.Contains(MsStudies, answer.Citations.Take(3).Select(c => c.Id));
    }

    [Fact]
    public async Task AskAsync_WhatAboutAnotherCondition_AsksThePreviousQuestionAboutIt()
    {
        var turn = Turn();
        await AskAsync(turn, "Can stem cell therapy help multiple sclerosis?");

        var answer = await AskAsync(turn, "and what about lupus?");

        Assert.Equal("Can stem cell therapy help lupus?", answer.ResolvedQuestion);
        Assert.Contains(LupusHelp, answer.Citations.Take(3).Select(c => c.Id));
    }

    [Fact]
    public async Task AskAsync_SelfContainedQuestion_StartsANewTopicWithoutInheriting()
    {
        var turn = Turn();
        await AskAsync(turn, "Can stem cell therapy help multiple sclerosis?");

        var answer = await AskAsync(turn, "What is a clinical trial?");

        Assert.Null(answer.ResolvedQuestion);
        Assert.DoesNotContain("About ", answer.Text, StringComparison.Ordinal);
        Assert.Equal("clinical-trials#what-is-a-clinical-trial", answer.Citations[0].Id);
    }

    [Fact]
    public async Task AskAsync_OffTopicFollowUp_StillRefusedAndInheritsNothing()
    {
        var turn = Turn();
        await AskAsync(turn, "Can stem cell therapy help multiple sclerosis?");

        var answer = await AskAsync(turn, "who won the football last night");

        Assert.Equal(AnswerKind.NoAnswer, answer.Kind);
        Assert.Null(answer.ResolvedQuestion);
    }

    [Fact]
    public async Task AskAsync_AnsweredTurn_RemembersQuestionResolvedQuestionCitedIdsAndKind()
    {
        var turn = Turn();
        await AskAsync(turn, "Can stem cells help multiple sclerosis?");
        var answer = await AskAsync(turn, "is it approved by the FDA?");

        var turns = await store.GetTurnsAsync(key, CancellationToken.None);

        Assert.Equal(2, turns.Count);
        Assert.Equal("is it approved by the FDA?", turns[1].Question);
        Assert.Equal(answer.ResolvedQuestion, turns[1].ResolvedQuestion);
        Assert.Equal(answer.Citations.Select(c => c.Id), turns[1].CitedIds);
        Assert.Equal(AnswerKind.Answered, turns[1].Kind);
    }

    [Fact]
    public async Task AskAsync_OtherConversation_HasNoContext()
    {
        var turn = Turn();
        await AskAsync(turn, "Can stem cells help multiple sclerosis?");

        var answer = await AskAsync(turn, "what have the studies found so far?", new ConversationKey("web", "session-2", "user-1"));

        Assert.Null(answer.ResolvedQuestion);
    }

    [Fact]
    public async Task AskAsync_WithoutAConversation_AnswersAsWrittenAndNeverTouchesTheStore()
    {
        var strict = new Mock<IConversationStore>(MockBehavior.Strict);
        var turn = Turn(strict.Object);

        var result = await turn.AskAsync(new TurnRequest("is it painful?") { Platform = "cli", Unlimited = true }, CancellationToken.None);

        Assert.NotEqual(AnswerKind.Clarify, result.Answer!.Kind);
        Assert.Null(result.Answer.ResolvedQuestion);
        strict.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task AskAsync_UrgentReplyThenWhatShouldIDo_KeepsTheUrgentHelpReply()
    {
        var turn = Turn();
        var first = await AskAsync(turn, "my husband has crushing chest pain and can't breathe");
        Assert.Equal(SafetyCategory.Emergency, first.Category);

        var second = await AskAsync(turn, "what should I do");
        var third = await AskAsync(turn, "he's getting worse");

        Assert.Equal((AnswerKind.Safety, SafetyCategory.Emergency), (second.Kind, second.Category));
        Assert.Equal((AnswerKind.Safety, SafetyCategory.Emergency), (third.Kind, third.Category));
    }

    [Fact]
    public async Task AskAsync_NewEmergencyAfterASelfHarmReply_GetsTheEmergencyReply()
    {
        var turn = Turn();
        await AskAsync(turn, "I want to kill myself");

        var emergency = await AskAsync(turn, "I have crushing chest pain and can't breathe");

        Assert.Equal((AnswerKind.Safety, SafetyCategory.Emergency), (emergency.Kind, emergency.Category));
    }

    [Fact]
    public async Task AskAsync_UrgentReplyLongAgo_NextMessageIsTriagedAlone()
    {
        var turn = Turn();
        await AskAsync(turn, "my husband has crushing chest pain and can't breathe");
        time.Advance(TimeSpan.FromMinutes(11));

        var later = await AskAsync(turn, "he's getting worse");

        Assert.NotEqual(SafetyCategory.Emergency, later.Category);
    }

    [Fact]
    public async Task AskAsync_SelfContainedQuestionAfterAnUrgentReply_IsAnswered()
    {
        var turn = Turn();
        await AskAsync(turn, "my husband has crushing chest pain and can't breathe");

        var answer = await AskAsync(turn, "What is HSCT?");

        Assert.Equal(AnswerKind.Answered, answer.Kind);
    }

    [Fact]
    public async Task AskAsync_AmbiguousQuestionWithNoContext_ClarifiesWithChoicesInsteadOfGuessing()
    {
        var turn = Turn();

        var answer = await AskAsync(turn, "is it painful?");

        Assert.Equal(AnswerKind.Clarify, answer.Kind);
        Assert.InRange(answer.Choices.Count, 2, QuestionTurn.MaxChoices);
        Assert.Empty(answer.Citations);
        Assert.Equal(options.Reminder, answer.Reminder);
        Assert.All(answer.Choices, c => Assert.DoesNotContain(" it ", " " + c.Question + " ", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(answer.Choices.Count, answer.Choices.Select(c => c.Question).Distinct().Count());
    }

    [Fact]
    public async Task AskAsync_ChoiceOfAClarifyingReply_IsAnsweredInTheSameConversation()
    {
        var turn = Turn();
        var clarify = await AskAsync(turn, "how long does it take to recover from it?");
        var hsct = Assert.Single(clarify.Choices, c => c.Question.Contains("HSCT", StringComparison.Ordinal));

        var answer = await AskAsync(turn, hsct.Question);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Contains("hsct#how-long-does-recovery-from-hsct-take", answer.Citations.Take(3).Select(c => c.Id));
    }

    [Fact]
    public async Task AskAsync_StoreThrows_AnswersWithoutContextAndWarnsOnce()
    {
        var broken = new Mock<IConversationStore>();
        broken.Setup(s => s.GetTurnsAsync(It.IsAny<ConversationKey>(), It.IsAny<CancellationToken>())).Throws(new InvalidOperationException("down"));
        broken.Setup(s => s.AppendAsync(It.IsAny<ConversationKey>(), It.IsAny<ConversationTurn>(), It.IsAny<CancellationToken>())).Throws(new InvalidOperationException("down"));
        var turn = Turn(broken.Object);

        var first = await AskAsync(turn, "Can stem cells help multiple sclerosis?");
        var second = await AskAsync(turn, "what have the studies found so far?");

        Assert.Equal(AnswerKind.Answered, first.Kind);
        Assert.Null(second.ResolvedQuestion);
        var warnings = logger.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Warning).ToList();
        var warning = Assert.Single(warnings);
        Assert.DoesNotContain("multiple sclerosis", warning.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AskAsync_StoreNeverAnswers_AnswersAfterTheStoreTimeout()
    {
        var hanging = new Mock<IConversationStore>();
        hanging.Setup(s => s.GetTurnsAsync(It.IsAny<ConversationKey>(), It.IsAny<CancellationToken>()))
            .Returns(new ValueTask<IReadOnlyList<ConversationTurn>>(new TaskCompletionSource<IReadOnlyList<ConversationTurn>>().Task));
        hanging.Setup(s => s.AppendAsync(It.IsAny<ConversationKey>(), It.IsAny<ConversationTurn>(), It.IsAny<CancellationToken>()))
            .Returns(new ValueTask(new TaskCompletionSource().Task));
        var turn = new QuestionTurn(
            TestKnowledge.Service(TestKnowledge.Bundled), Triage(), Mock.Of<IQuestionRateLimiter>(MockBehavior.Strict), TestKnowledge.Bundled,
            Options.Create(options), TimeProvider.System, logger, conversations: hanging.Object)
        { StoreTimeout = TimeSpan.FromMilliseconds(50) };

        var answer = await AskAsync(turn, "Can stem cells help multiple sclerosis?").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(AnswerKind.Answered, answer.Kind);
    }

    private static SafetyTriage Triage() => new(Options.Create(new SafetyOptions()));

    private QuestionTurn Turn(IConversationStore? conversations = null)
    {
        var triage = Triage();
        return new QuestionTurn(
            TestKnowledge.Service(TestKnowledge.Bundled, options, triage), triage, Mock.Of<IQuestionRateLimiter>(MockBehavior.Strict), TestKnowledge.Bundled,
            Options.Create(options), time, logger, conversations: conversations ?? store);
    }

    private async Task<Answer> AskAsync(QuestionTurn turn, string text, ConversationKey? conversation = null)
    {
        var result = await turn.AskAsync(new TurnRequest(text) { Platform = "web", Unlimited = true, Conversation = conversation ?? key }, CancellationToken.None);
        return result.Answer!;
    }
}
