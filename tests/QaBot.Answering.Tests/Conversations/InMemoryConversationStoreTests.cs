using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QaBot.Answering.Conversations;
using QaBot.Answering.Safety;

namespace QaBot.Answering.Tests.Conversations;

public sealed class InMemoryConversationStoreTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    private InMemoryConversationStore Store(Action<ConversationOptions>? configure = null)
    {
        var options = new ConversationOptions();
        configure?.Invoke(options);
        return new InMemoryConversationStore(Options.Create(options), time);
    }

    private ConversationTurn Turn(string question, AnswerKind kind = AnswerKind.Answered, SafetyCategory? category = null) =>
        new(question, question + " (resolved)", ["ms-overview#1", "ms-trials#2"], kind, category, time.GetUtcNow());

    [Fact]
    public async Task GetTurnsAsync_AfterAppends_ReturnsThemOldestFirstWithEveryField()
    {
        var store = Store();
        var key = new ConversationKey("discord", "channel-1", "user-1");
        await store.AppendAsync(key, Turn("can stem cells help MS?"), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await store.AppendAsync(key, Turn("what should I do", AnswerKind.Safety, SafetyCategory.Emergency), CancellationToken.None);

        var turns = await store.GetTurnsAsync(key, CancellationToken.None);

        Assert.Equal(["can stem cells help MS?", "what should I do"], turns.Select(t => t.Question));
        Assert.Equal("what should I do (resolved)", turns[1].ResolvedQuestion);
        Assert.Equal(["ms-overview#1", "ms-trials#2"], turns[0].CitedIds);
        Assert.Equal((AnswerKind.Safety, SafetyCategory.Emergency), (turns[1].Kind, turns[1].SafetyCategory));
    }

    [Fact]
    public async Task AppendAsync_MoreThanMaxTurns_KeepsOnlyTheNewest()
    {
        var store = Store(o => o.MaxTurns = 3);
        var key = new ConversationKey("teams", "conv-1", "aad-1");
        for (var i = 1; i <= 5; i++)
        {
            await store.AppendAsync(key, Turn("question " + i), CancellationToken.None);
        }

        var turns = await store.GetTurnsAsync(key, CancellationToken.None);

        Assert.Equal(["question 3", "question 4", "question 5"], turns.Select(t => t.Question));
    }

    [Fact]
    public async Task GetTurnsAsync_LifetimeAfterTheLastTurn_IsEmptyButEachTurnRestartsTheLifetime()
    {
        var store = Store(o => o.Lifetime = TimeSpan.FromMinutes(15));
        var key = new ConversationKey("api", "session-1");
        await store.AppendAsync(key, Turn("first"), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(14));
        await store.AppendAsync(key, Turn("second"), CancellationToken.None); // slides the lifetime
        time.Advance(TimeSpan.FromMinutes(14));
        var stillThere = await store.GetTurnsAsync(key, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));

        var afterLifetime = await store.GetTurnsAsync(key, CancellationToken.None);

        Assert.Equal(["first", "second"], stillThere.Select(t => t.Question));
        Assert.Empty(afterLifetime);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task GetTurnsAsync_SameConversationOtherUserOrPlatform_SeesNothing()
    {
        var store = Store();
        await store.AppendAsync(new ConversationKey("discord", "channel-1", "user-1"), Turn("mine"), CancellationToken.None);

        Assert.Empty(await store.GetTurnsAsync(new ConversationKey("discord", "channel-1", "user-2"), CancellationToken.None));
        Assert.Empty(await store.GetTurnsAsync(new ConversationKey("teams", "channel-1", "user-1"), CancellationToken.None));
        Assert.Single(await store.GetTurnsAsync(new ConversationKey("Discord", "channel-1", "user-1"), CancellationToken.None));
    }

    [Fact]
    public async Task AppendAsync_MoreConversationsThanTheCap_DropsTheLeastRecentlyUsed()
    {
        var store = Store(o => o.MaxConversations = 3);
        for (var i = 0; i < 3; i++)
        {
            await store.AppendAsync(new ConversationKey("api", "s" + i), Turn("q" + i), CancellationToken.None);
        }

        await store.AppendAsync(new ConversationKey("api", "s0"), Turn("q0 again"), CancellationToken.None); // s1 is now the oldest
        await store.AppendAsync(new ConversationKey("api", "s3"), Turn("q3"), CancellationToken.None);

        Assert.Equal(3, store.Count);
        Assert.Empty(await store.GetTurnsAsync(new ConversationKey("api", "s1"), CancellationToken.None));
        Assert.Equal(2, (await store.GetTurnsAsync(new ConversationKey("api", "s0"), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AppendAsync_ExpiredConversations_AreSweptBeforeLiveOnesAreDropped()
    {
        var store = Store(o => (o.MaxConversations, o.Lifetime) = (2, TimeSpan.FromMinutes(15)));
        await store.AppendAsync(new ConversationKey("api", "old"), Turn("old"), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(10));
        await store.AppendAsync(new ConversationKey("api", "live"), Turn("live"), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(6)); // "old" expired, "live" not

        await store.AppendAsync(new ConversationKey("api", "new"), Turn("new"), CancellationToken.None);

        Assert.Equal(2, store.Count);
        Assert.Single(await store.GetTurnsAsync(new ConversationKey("api", "live"), CancellationToken.None));
    }

    [Fact]
    public async Task AppendAsync_LongQuestion_IsCutToMaxTurnChars()
    {
        var store = Store(o => o.MaxTurnChars = 100);
        var key = new ConversationKey("api", "s");

        await store.AppendAsync(key, Turn(new string('a', 500)), CancellationToken.None);

        var turn = Assert.Single(await store.GetTurnsAsync(key, CancellationToken.None));
        Assert.Equal(100, turn.Question.Length);
        Assert.Equal(100, turn.ResolvedQuestion.Length);
    }

    [Fact]
    public async Task ForgetUserAsync_UserOnTwoPlatforms_DeletesTheirConversationsOnlyAndCountsThem()
    {
        var store = Store();
        await store.AppendAsync(new ConversationKey("discord", "channel-1", "42"), Turn("a"), CancellationToken.None);
        await store.AppendAsync(new ConversationKey("discord", "dm-7", "42"), Turn("b"), CancellationToken.None);
        await store.AppendAsync(new ConversationKey("teams", "conv-1", "42"), Turn("c"), CancellationToken.None);
        await store.AppendAsync(new ConversationKey("discord", "channel-1", "43"), Turn("d"), CancellationToken.None);

        var teams = await store.ForgetUserAsync("42", "teams", CancellationToken.None);
        var rest = await store.ForgetUserAsync("42", null, CancellationToken.None);
        var again = await store.ForgetUserAsync("42", null, CancellationToken.None);

        Assert.Equal((1, 2, 0), (teams, rest, again));
        Assert.Empty(await store.GetTurnsAsync(new ConversationKey("discord", "channel-1", "42"), CancellationToken.None));
        Assert.Single(await store.GetTurnsAsync(new ConversationKey("discord", "channel-1", "43"), CancellationToken.None));
    }
}
