using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using QaBot.Answering;
using QaBot.Answering.Conversations;
using QaBot.Answering.Safety;

namespace QaBot.State.Redis.Tests;

/// <summary>The Redis conversation store against a real redis-server started for each test on a free loopback port.</summary>
public sealed class RedisConversationStoreTests : IDisposable
{
    private readonly List<IDisposable> disposables = [];

    public void Dispose()
    {
        for (var i = disposables.Count - 1; i >= 0; i--)
        {
            disposables[i].Dispose();
        }
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        disposables.Add(disposable);
        return disposable;
    }

    private RedisServer Server() => Own(new RedisServer());

    private RedisState Replica(RedisServer server, Action<ConversationOptions>? conversations = null, string key = RedisState.Key) =>
        Own(new RedisState(server.Configuration, conversations: conversations, key: key));

    private static ConversationTurn Turn(string question, AnswerKind kind = AnswerKind.Answered, SafetyCategory? category = null) =>
        new(question, "About stem cell therapy for MS: " + question, ["ms-overview#1"], kind, category, DateTimeOffset.UtcNow);

    [RedisFact]
    public async Task TwoReplicas_OneRedis_KeepOneConversation()
    {
        var server = Server();
        var a = Replica(server);
        var b = Replica(server);
        var key = new ConversationKey("teams", "19:conversation-1", "aad-1");

        await a.Conversations.AppendAsync(key, Turn("can stem cells help multiple sclerosis?"), CancellationToken.None);
        var seenByB = await b.Conversations.GetTurnsAsync(key, CancellationToken.None);
        await b.Conversations.AppendAsync(key, Turn("is it safe though?", AnswerKind.Safety, SafetyCategory.PersonalMedicalAdvice), CancellationToken.None);
        var seenByA = await a.Conversations.GetTurnsAsync(key, CancellationToken.None);

        Assert.Equal(["can stem cells help multiple sclerosis?"], seenByB.Select(t => t.Question));
        Assert.Equal(["can stem cells help multiple sclerosis?", "is it safe though?"], seenByA.Select(t => t.Question));
        Assert.Equal("About stem cell therapy for MS: is it safe though?", seenByA[1].ResolvedQuestion);
        Assert.Equal((AnswerKind.Safety, SafetyCategory.PersonalMedicalAdvice), (seenByA[1].Kind, seenByA[1].SafetyCategory));
        Assert.Equal(["ms-overview#1"], seenByA[1].CitedIds);
    }

    [RedisFact]
    public async Task AppendAsync_MoreThanMaxTurns_KeepsOnlyTheNewest()
    {
        var replica = Replica(Server(), o => o.MaxTurns = 3);
        var key = new ConversationKey("discord", "channel-1", "42");

        for (var i = 1; i <= 5; i++)
        {
            await replica.Conversations.AppendAsync(key, Turn("question " + i), CancellationToken.None);
        }

        Assert.Equal(["question 3", "question 4", "question 5"], (await replica.Conversations.GetTurnsAsync(key, CancellationToken.None)).Select(t => t.Question));
    }

    [RedisFact]
    public async Task AppendAsync_ShortLifetime_EachTurnRestartsItAndTheConversationExpiresAfterIt()
    {
        var server = Server();
        using var raw = new RawRedis(server);
        var replica = Replica(server, o => o.Lifetime = TimeSpan.FromSeconds(2));
        var key = new ConversationKey("api", "session-1");

        await replica.Conversations.AppendAsync(key, Turn("first"), CancellationToken.None);
        var conversationKey = Assert.Single(raw.Keys());
        await Task.Delay(600);
        var before = raw.Database.KeyTimeToLive(conversationKey);
        await replica.Conversations.AppendAsync(key, Turn("second"), CancellationToken.None);
        var after = raw.Database.KeyTimeToLive(conversationKey);
        await Task.Delay(2300);

        Assert.InRange(before!.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1500));
        Assert.InRange(after!.Value, before.Value, TimeSpan.FromSeconds(2)); // slid back to the whole lifetime
        Assert.Empty(await replica.Conversations.GetTurnsAsync(key, CancellationToken.None));
        Assert.Empty(raw.Keys());
    }

    [RedisFact]
    public async Task ForgetUserAsync_UserOnTwoPlatforms_DeletesTheirConversationsOnlyAndCountsThem()
    {
        var server = Server();
        var a = Replica(server);
        var b = Replica(server);
        await a.Conversations.AppendAsync(new ConversationKey("discord", "channel-1", "42"), Turn("a"), CancellationToken.None);
        await a.Conversations.AppendAsync(new ConversationKey("discord", "dm-7", "42"), Turn("b"), CancellationToken.None);
        await b.Conversations.AppendAsync(new ConversationKey("teams", "conv-1", "42"), Turn("c"), CancellationToken.None);
        await b.Conversations.AppendAsync(new ConversationKey("discord", "channel-1", "43"), Turn("d"), CancellationToken.None);

        var teams = await b.Conversations.ForgetUserAsync("42", "teams", CancellationToken.None);
        var rest = await a.Conversations.ForgetUserAsync("42", null, CancellationToken.None);
        var again = await b.Conversations.ForgetUserAsync("42", null, CancellationToken.None);

        Assert.Equal((1, 2, 0), (teams, rest, again));
        Assert.Empty(await b.Conversations.GetTurnsAsync(new ConversationKey("discord", "channel-1", "42"), CancellationToken.None));
        Assert.Empty(await a.Conversations.GetTurnsAsync(new ConversationKey("teams", "conv-1", "42"), CancellationToken.None));
        Assert.Single(await a.Conversations.GetTurnsAsync(new ConversationKey("discord", "channel-1", "43"), CancellationToken.None));
    }

    [RedisFact]
    public async Task AppendAsync_StoredValuesAndKeys_HoldNoTextAndNoIdInPlain()
    {
        var server = Server();
        using var raw = new RawRedis(server);
        var replica = Replica(server);
        var key = new ConversationKey("discord", "channel-9876543", "user-1234567");

        await replica.Conversations.AppendAsync(key, Turn("my daughter has a lupus flare, what should we do"), CancellationToken.None);
        var stored = raw.Everything();

        Assert.NotEmpty(raw.Keys());
        Assert.DoesNotContain("daughter", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lupus", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ms-overview", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("9876543", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("1234567", stored, StringComparison.Ordinal);
        Assert.Single(await replica.Conversations.GetTurnsAsync(key, CancellationToken.None)); // still readable with the key
    }

    [RedisFact]
    public async Task GetTurnsAsync_ReplicaWithAnotherKey_SeesNothingAndDoesNotThrow()
    {
        var server = Server();
        var right = Replica(server);
        var other = Replica(server, key: "another-secret-another-secret-another-secret");
        var key = new ConversationKey("api", "session-1", "10.0.0.1");
        await right.Conversations.AppendAsync(key, Turn("hello"), CancellationToken.None);

        Assert.Empty(await other.Conversations.GetTurnsAsync(key, CancellationToken.None));
    }

    [RedisFact]
    public async Task RedisKilledMidRun_NothingHangsOneWarningNoContextAndHealthIsDegraded()
    {
        var server = Server();
        var replica = Replica(server);
        var health = new RedisStateHealthCheck(replica.Connection);
        var key = new ConversationKey("teams", "conv-1", "aad-1");
        await replica.Conversations.AppendAsync(key, Turn("before the outage"), CancellationToken.None);
        var healthyBefore = await health.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

        server.Kill();
        var clock = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var reads = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var started = clock.Elapsed;
            reads.Add((await replica.Conversations.GetTurnsAsync(key, CancellationToken.None)).Count);
            await replica.Conversations.AppendAsync(key, Turn("during the outage"), CancellationToken.None);
            slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, (clock.Elapsed - started).Ticks));
        }

        var forget = await Record.ExceptionAsync(() => replica.Conversations.ForgetUserAsync("aad-1", null, CancellationToken.None).AsTask());
        var degraded = await health.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

        Assert.Equal(HealthStatus.Healthy, healthyBefore.Status);
        Assert.All(reads, count => Assert.Equal(0, count));
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"a call during the outage took {slowest}"); // a bound against hanging, not a speed test
        Assert.IsType<ConversationStoreUnavailableException>(forget);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal(1, await Outages.LoggedAsync(replica.Logs));
        Assert.DoesNotContain(replica.Logs, line => line.Contains("outage", StringComparison.Ordinal) || line.Contains("aad-1", StringComparison.Ordinal));
    }

    [RedisFact]
    public async Task RedisBackAfterAnOutage_ContextIsKeptAgainAndTheReturnIsLogged()
    {
        var server = Server();
        var replica = Replica(server);
        var key = new ConversationKey("discord", "channel-1", "42");
        await replica.Conversations.AppendAsync(key, Turn("first"), CancellationToken.None);
        server.Kill();
        Assert.Empty(await replica.Conversations.GetTurnsAsync(key, CancellationToken.None));

        server.Start(); // empty: Redis keeps nothing on disk
        IReadOnlyList<ConversationTurn> turns = [];
        for (var i = 0; i < 100 && turns.Count == 0; i++)
        {
            await replica.Conversations.AppendAsync(key, Turn("after"), CancellationToken.None);
            turns = await replica.Conversations.GetTurnsAsync(key, CancellationToken.None);
            await Task.Delay(100);
        }

        Assert.Equal("after", turns[0].Question);
        Assert.Contains(replica.Logs, line => line.Contains("[7111]", StringComparison.Ordinal));
    }
}
