using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using QaBot.Answering.RateLimiting;
using QaBot.Answering.Safety;
using QaBot.Answering.Turns;
using QaBot.Knowledge;
using QaBot.Knowledge.Embeddings;

namespace QaBot.Answering.Tests.Turns;

/// <summary>The question turn's order, with fakes at every seam: triage first, then the gate, the limits, the slot, the answer.</summary>
public sealed class QuestionTurnTests
{
    private const string Crisis = "I want to kill myself";
    private const string Ordinary = "Can stem cell therapy help lupus?";

    private static readonly RateLimitDecision UserLimited = new(RateLimitOutcome.UserLimited, TimeSpan.FromSeconds(6), "You're asking quickly!");
    private static readonly SafetyVerdict SelfHarm = new(SafetyCategory.SelfHarm, "self-harm.test");

    private readonly List<string> calls = [];
    private readonly Mock<ISafetyTriage> triage = new(MockBehavior.Strict);
    private readonly Mock<IQuestionRateLimiter> limiter = new(MockBehavior.Strict);
    private readonly Mock<IAnswerService> answers = new(MockBehavior.Strict);
    private readonly AnsweringOptions options = new();
    private readonly FakeTimeProvider time = new();

    public QuestionTurnTests()
    {
        triage.Setup(t => t.Assess(It.IsAny<string>(), It.IsAny<float[]?>()))
            .Returns((string message, float[]? _) => Record("triage", message.Contains("kill", StringComparison.Ordinal) ? SelfHarm : null));
        answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => Record("answer", AnswerFor(q)));
    }

    [Fact]
    public async Task AskAsync_SafetyMessageFromAClientOverEveryLimit_AnsweredWithoutAskingAnyLimit()
    {
        var gate = new Mock<Func<TurnRefusal?>>(MockBehavior.Strict);
        var turn = Turn(); // the limiter is a strict mock with nothing set up: any call to it fails the test

        var result = await turn.AskAsync(new TurnRequest(Crisis) { Platform = "api", UserId = "u1", PlatformGate = gate.Object }, CancellationToken.None);

        Assert.True(result.Answered);
        Assert.Equal(AnswerKind.Safety, result.Answer.Kind);
        Assert.Equal(SafetyCategory.SelfHarm, result.Answer.Category);
        Assert.Equal(options.Reminder, result.Answer.Reminder);
        Assert.Equal(["triage", "answer"], calls);
        gate.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task AskAsync_AnswerServiceThrowsOnASafetyVerdict_TheTurnStillSendsTheSafetyReply()
    {
        triage.Setup(t => t.Assess(It.IsAny<string>(), It.IsAny<float[]?>())).Returns(new SafetyVerdict(SafetyCategory.SelfHarm, "test"));
        var broken = new Mock<IAnswerService>();
        broken.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("store down"));
        var turn = new QuestionTurn(broken.Object, triage.Object, limiter.Object, TestKnowledge.Bundled, Options.Create(options), time, NullLogger<QuestionTurn>.Instance);

        var result = await turn.AskAsync(new TurnRequest(Crisis) { Platform = "api", UserId = "u1" }, CancellationToken.None);

        Assert.Equal((AnswerKind.Safety, SafetyCategory.SelfHarm), (result.Answer?.Kind, result.Answer?.Category));
        Assert.Contains("988", result.Answer!.Text, StringComparison.Ordinal);
        Assert.Equal(options.Reminder, result.Answer.Reminder);
    }

    [Fact]
    public async Task AskAsync_OrdinaryQuestion_TriageThenGateThenLimitsThenSlotThenAnswer()
    {
        limiter.Setup(l => l.TryAcquire("discord", "u1")).Returns(() => Record("limits", RateLimitDecision.Allow));
        limiter.Setup(l => l.EnterAsync("discord", It.IsAny<CancellationToken>())).Returns(() => ValueTask.FromResult(Record("slot", Slot())));

        var result = await Turn().AskAsync(
            new TurnRequest(Ordinary) { Platform = "discord", UserId = "u1", PlatformGate = () => Record<TurnRefusal?>("gate", null) },
            CancellationToken.None);

        Assert.Equal(AnswerKind.Answered, result.Answer?.Kind);
        Assert.Equal(["triage", "gate", "limits", "slot", "answer"], calls);
    }

    [Fact]
    public async Task AskAsync_OrdinaryQuestionOverTheUserLimit_RefusedWithRetryAfterAndReminder()
    {
        limiter.Setup(l => l.TryAcquire("api", "10.0.0.1")).Returns(UserLimited);

        var result = await Turn().AskAsync(new TurnRequest(Ordinary) { Platform = "api", RateLimitKey = "10.0.0.1" }, CancellationToken.None);

        Assert.False(result.Answered);
        Assert.Equal(RateLimitOutcome.UserLimited, result.Refusal.Reason);
        Assert.Equal(6, result.Refusal.RetryAfterSeconds);
        Assert.Equal("You're asking quickly!", result.Refusal.Text);
        Assert.Equal(options.Reminder, result.Refusal.Reminder);
        Assert.DoesNotContain("answer", calls);
    }

    [Fact]
    public async Task AskAsync_PlatformGateRefuses_RefusalReturnedAndSharedLimitsNotCharged()
    {
        var cooldown = new TurnRefusal(RateLimitOutcome.UserLimited, TimeSpan.FromSeconds(3), "Please wait.", options.Reminder);

        var result = await Turn().AskAsync(new TurnRequest(Ordinary) { Platform = "discord", UserId = "u1", PlatformGate = () => cooldown }, CancellationToken.None);

        Assert.Same(cooldown, result.Refusal);
        limiter.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task AskAsync_EveryAnsweringSlotTaken_OrdinaryQuestionGetsBusy()
    {
        var busy = new RateLimitDecision(RateLimitOutcome.Busy, TimeSpan.FromSeconds(5), "I'm very busy right now.");
        limiter.Setup(l => l.TryAcquire("teams", "u1")).Returns(RateLimitDecision.Allow);
        limiter.Setup(l => l.EnterAsync("teams", It.IsAny<CancellationToken>())).Returns(() => ValueTask.FromResult(Slot(busy)));

        var result = await Turn().AskAsync(new TurnRequest(Ordinary) { Platform = "teams", UserId = "u1" }, CancellationToken.None);

        Assert.Equal(RateLimitOutcome.Busy, result.Refusal?.Reason);
        Assert.Equal("I'm very busy right now.", result.Refusal?.Text);
        Assert.DoesNotContain("answer", calls);
    }

    [Fact]
    public async Task AskAsync_TriageThrows_FailsClosedWithTheUrgentReply()
    {
        triage.Setup(t => t.Assess(It.IsAny<string>(), It.IsAny<float[]?>())).Throws(new InvalidOperationException("rules broken"));

        var result = await Turn().AskAsync(new TurnRequest(Ordinary) { Platform = "api", RateLimitKey = "10.0.0.1" }, CancellationToken.None);

        Assert.Equal(AnswerKind.Safety, result.Answer?.Kind);
        Assert.Equal(SafetyCategory.Emergency, result.Answer?.Category);
        var asked = (Question)answers.Invocations.Single().Arguments[0];
        Assert.Equal(QuestionTurn.TriageFailedRuleId, asked.Triage?.Verdict?.RuleId);
        limiter.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task AskAsync_TriageNeverReturns_FailsClosedAfterTheTimeout()
    {
        using var stuck = new ManualResetEventSlim();
        triage.Setup(t => t.Assess(It.IsAny<string>(), It.IsAny<float[]?>())).Returns(() =>
        {
            stuck.Wait(TimeSpan.FromSeconds(30));
            return null;
        });
        var turn = Turn();

        var pending = turn.AskAsync(new TurnRequest(Ordinary) { Platform = "api" }, CancellationToken.None);
        while (!pending.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(pending, Task.Delay(20));
        }

        stuck.Set();
        var result = await pending;
        Assert.Equal(SafetyCategory.Emergency, result.Answer?.Category);
        limiter.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task AskAsync_EmptyMessage_PoliteReplyWithReminderAndNoLimitCharged()
    {
        var result = await Turn().AskAsync(new TurnRequest(" \u200B\n ") { Platform = "api", RateLimitKey = "10.0.0.1" }, CancellationToken.None);

        Assert.Equal(AnswerKind.NoAnswer, result.Answer?.Kind);
        Assert.Equal(["answer"], calls); // no triage of nothing, no limits
        limiter.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task AskAsync_Unlimited_NeverAsksTheLimiter()
    {
        var result = await Turn().AskAsync(new TurnRequest(Ordinary) { Platform = "cli", Unlimited = true }, CancellationToken.None);

        Assert.Equal(AnswerKind.Answered, result.Answer?.Kind);
        limiter.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task AskAsync_WithEmbeddings_EncodesOnceAndHandsTheSameVectorToTriageAndRetrieval()
    {
        var encoder = new CountingEncoder();
        var knowledge = TestKnowledge.WithEncoder(
            [new Passage { Id = "lupus#help", Title = "Stem cell therapy and lupus", Section = "Can stem cell therapy help lupus?", Text = "Small studies of stem cells in severe lupus reported fewer flares and calmer disease for some people." }],
            encoder);
        float[]? triaged = null;
        triage.Setup(t => t.Assess(It.IsAny<string>(), It.IsAny<float[]?>())).Returns((string _, float[]? v) =>
        {
            triaged = v;
            return null;
        });
        var service = TestKnowledge.Service(knowledge, triage: triage.Object);
        var before = encoder.Queries;
        var turn = new QuestionTurn(service, triage.Object, limiter.Object, knowledge, Options.Create(options), time, NullLogger<QuestionTurn>.Instance);

        var result = await turn.AskAsync(new TurnRequest(Ordinary) { Platform = "cli", Unlimited = true }, CancellationToken.None);

        Assert.True(result.Answered);
        Assert.Equal(1, encoder.Queries - before);
        Assert.NotNull(triaged);
        Assert.Same(encoder.Last, triaged);
        triage.Verify(t => t.Assess(It.IsAny<string>(), It.IsAny<float[]?>()), Times.Once()); // the answer service did not triage again
    }

    private QuestionTurn Turn() =>
        new(answers.Object, triage.Object, limiter.Object, Mock.Of<IKnowledgeBase>(), Options.Create(options), time, NullLogger<QuestionTurn>.Instance);

    private T Record<T>(string call, T value)
    {
        lock (calls)
        {
            calls.Add(call);
        }

        return value;
    }

    private Answer AnswerFor(Question question)
    {
        if (TextCleaner.Clean(question.Text).Length == 0)
        {
            return new Answer { Kind = AnswerKind.NoAnswer, Text = options.EmptyQuestionText, Reminder = options.Reminder };
        }

        return question.Triage?.Verdict is { } verdict
            ? new Answer { Kind = AnswerKind.Safety, Category = verdict.Category, Text = "Please get help now.", Reminder = options.Reminder }
            : new Answer { Kind = AnswerKind.Answered, Text = "From the knowledge.", Reminder = options.Reminder };
    }

    private static AnswerSlot Slot(RateLimitDecision? decision = null) => new(decision ?? RateLimitDecision.Allow, null);

    private sealed class CountingEncoder : ITextEncoder
    {
        private readonly WordHashEncoder inner = new();
        private int queries;

        public int Queries => Volatile.Read(ref queries);

        public float[]? Last { get; private set; }

        public string ModelId => inner.ModelId;

        public int Dimensions => inner.Dimensions;

        public float[] EncodeQuery(string text)
        {
            Interlocked.Increment(ref queries);
            return Last = inner.EncodeQuery(text);
        }

        public float[] EncodePassage(string title, string section, string text) => inner.EncodePassage(title, section, text);

        public void Dispose() => inner.Dispose();
    }
}
