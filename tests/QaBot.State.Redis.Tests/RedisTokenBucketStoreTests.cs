using System.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QaBot.Answering;
using QaBot.Answering.RateLimiting;

namespace QaBot.State.Redis.Tests;

/// <summary>The rate limits' token buckets in Redis, shared by two "replicas", against a real redis-server.</summary>
public sealed class RedisTokenBucketStoreTests : IDisposable
{
    private readonly List<IDisposable> disposables = [];
    private readonly TestMeterFactory meters = new();

    public void Dispose()
    {
        for (var i = disposables.Count - 1; i >= 0; i--)
        {
            disposables[i].Dispose();
        }

        meters.Dispose();
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        disposables.Add(disposable);
        return disposable;
    }

    private static RateLimitOptions Limits(int perUser = 3, int perUserPeriodSeconds = 10, int global = 100) => new()
    {
        PerUser = new TokenBucketOptions { TokenLimit = perUser, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(perUserPeriodSeconds) },
        Global = new TokenBucketOptions { TokenLimit = global, TokensPerPeriod = global, ReplenishmentPeriod = TimeSpan.FromSeconds(1) },
        MaxConcurrentAnswers = 2,
    };

    /// <summary>A QuestionRateLimiter of one replica, with its own connection to the shared Redis.</summary>
    private (QuestionRateLimiter Limiter, RedisState State) Replica(RedisServer server, RateLimitOptions limits, TimeProvider? time = null)
    {
        var state = Own(new RedisState(server.Configuration, time));
        var metrics = Own(new AnsweringMetrics(meters));
        var limiter = Own(new QuestionRateLimiter(Options.Create(limits), time ?? TimeProvider.System, metrics, state.Buckets));
        return (limiter, state);
    }

    [RedisFact]
    public void TryAcquire_TwoReplicasOneRedis_OneUsersLimitAppliesOnceNotPerReplica()
    {
        var server = Own(new RedisServer());
        var (a, _) = Replica(server, Limits(perUser: 3, perUserPeriodSeconds: 60));
        var (b, _) = Replica(server, Limits(perUser: 3, perUserPeriodSeconds: 60));

        var alternating = Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? a : b).TryAcquire("api", "10.0.0.1")).ToList();
        var otherUser = b.TryAcquire("api", "10.0.0.2");

        Assert.Equal([true, true, true, false, false, false], alternating.Select(d => d.Allowed));
        Assert.All(alternating.Skip(3), d => Assert.Equal(RateLimitOutcome.UserLimited, d.Outcome));
        Assert.True(otherUser.Allowed);
    }

    [RedisFact]
    public void TryAcquire_TwoReplicasOneRedis_ShareTheGlobalBucket()
    {
        var server = Own(new RedisServer());
        var (a, _) = Replica(server, Limits(perUser: 100, global: 4));
        var (b, _) = Replica(server, Limits(perUser: 100, global: 4));

        var results = Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? a : b).TryAcquire("teams", "user-" + i)).ToList();

        Assert.Equal(4, results.Count(r => r.Allowed));
        Assert.Equal(RateLimitOutcome.GlobalLimited, results[4].Outcome);
    }

    [RedisFact]
    public void TryAcquire_InjectedClock_SameArithmeticAsTheInProcessBucket()
    {
        var server = Own(new RedisServer());
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var (limiter, _) = Replica(server, Limits(), time);
        time.Advance(TimeSpan.FromSeconds(4));

        var burst = Enumerable.Range(0, 3).Select(_ => limiter.TryAcquire("api", "10.0.0.1").Allowed).ToList();
        time.Advance(TimeSpan.FromSeconds(3));
        var limited = limiter.TryAcquire("api", "10.0.0.1");
        time.Advance(TimeSpan.FromSeconds(7));
        var first = limiter.TryAcquire("api", "10.0.0.1");
        var second = limiter.TryAcquire("api", "10.0.0.1");
        time.Advance(TimeSpan.FromSeconds(25)); // two more periods: two tokens, not three
        var afterTwoPeriods = Enumerable.Range(0, 3).Select(_ => limiter.TryAcquire("api", "10.0.0.1").Allowed).ToList();

        Assert.All(burst, Assert.True);
        Assert.Equal(RateLimitOutcome.UserLimited, limited.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.RetryAfter);
        Assert.Contains("wait 7 more second", limited.Reply, StringComparison.Ordinal);
        Assert.True(first.Allowed);
        Assert.Equal(RateLimitOutcome.UserLimited, second.Outcome);
        Assert.Equal([true, true, false], afterTwoPeriods);
    }

    [RedisFact]
    public void Take_BucketKey_ExpiresOnceFullAgainAndNamesNoUser()
    {
        var server = Own(new RedisServer());
        using var raw = new RawRedis(server);
        var (limiter, _) = Replica(server, Limits(perUser: 3, perUserPeriodSeconds: 10));

        limiter.TryAcquire("discord", "123456789");
        var userKey = Assert.Single(raw.Keys(), k => k != "qabot:rl:global");
        var ttl = raw.Database.KeyTimeToLive(userKey);

        Assert.DoesNotContain("123456789", raw.Everything(), StringComparison.Ordinal);
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20)); // one token to refill, plus a period
    }

    [RedisFact]
    public async Task TryAcquire_RedisKilled_FallsBackToThisReplicasBucketsWithoutHanging()
    {
        var server = Own(new RedisServer());
        var (limiter, state) = Replica(server, Limits(perUser: 3, perUserPeriodSeconds: 60));
        Assert.True(limiter.TryAcquire("api", "10.0.0.1").Allowed);

        server.Kill();
        var clock = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 5; i++)
        {
            var started = clock.Elapsed;
            decisions.Add(limiter.TryAcquire("api", "10.0.0.1"));
            slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, (clock.Elapsed - started).Ticks));
        }

        // The local bucket starts full: three more questions, then the user is limited by this replica alone.
        Assert.Equal([true, true, true, false, false], decisions.Select(d => d.Allowed));
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"a take during the outage took {slowest}"); // a bound against hanging
        Assert.Equal(1, await Outages.LoggedAsync(state.Logs));
    }
}
