using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QaBot.Answering.RateLimiting;

namespace QaBot.Answering.Tests.RateLimiting;

public sealed class QuestionRateLimiterTests : IDisposable
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly TestMeterFactory meters = new();
    private readonly AnsweringMetrics metrics;

    public QuestionRateLimiterTests() => metrics = new AnsweringMetrics(meters);
    private readonly List<IDisposable> disposables = [];

    public void Dispose()
    {
        foreach (var disposable in disposables)
        {
            disposable.Dispose();
        }

        metrics.Dispose();
        meters.Dispose();
    }

    private QuestionRateLimiter Limiter(Action<RateLimitOptions>? configure = null)
    {
        var options = new RateLimitOptions
        {
            PerUser = new TokenBucketOptions { TokenLimit = 3, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(10) },
            Global = new TokenBucketOptions { TokenLimit = 100, TokensPerPeriod = 100, ReplenishmentPeriod = TimeSpan.FromSeconds(1) },
            MaxConcurrentAnswers = 2,
            MaxQueuedAnswers = 1,
            QueueTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        var limiter = new QuestionRateLimiter(Options.Create(options), time, metrics);
        disposables.Add(limiter);
        return limiter;
    }

    [Fact]
    public void TryAcquire_UserOverTheirBurst_IsLimitedWithTheWaitForTheNextToken()
    {
        var limiter = Limiter();
        time.Advance(TimeSpan.FromSeconds(4));

        var allowed = Enumerable.Range(0, 3).Select(_ => limiter.TryAcquire("api", "10.0.0.1").Allowed).ToList();
        time.Advance(TimeSpan.FromSeconds(3));
        var limited = limiter.TryAcquire("api", "10.0.0.1");

        Assert.All(allowed, Assert.True);
        Assert.Equal(RateLimitOutcome.UserLimited, limited.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.RetryAfter); // the first token comes back 10 s after the bucket was last full
        Assert.Equal(7, limited.RetryAfterSeconds);
        Assert.Contains("wait 7 more second", limited.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void TryAcquire_AfterAReplenishmentPeriod_AllowsOneMoreQuestionPerPeriod()
    {
        var limiter = Limiter();
        for (var i = 0; i < 3; i++)
        {
            limiter.TryAcquire("teams", "aad-1");
        }

        time.Advance(TimeSpan.FromSeconds(10));
        var first = limiter.TryAcquire("teams", "aad-1");
        var second = limiter.TryAcquire("teams", "aad-1");
        time.Advance(TimeSpan.FromSeconds(25)); // two more periods: two tokens, not three
        var afterTwoPeriods = Enumerable.Range(0, 3).Select(_ => limiter.TryAcquire("teams", "aad-1").Allowed).ToList();

        Assert.True(first.Allowed);
        Assert.Equal(RateLimitOutcome.UserLimited, second.Outcome);
        Assert.Equal([true, true, false], afterTwoPeriods);
    }

    [Fact]
    public void TryAcquire_OneUserLimited_OtherUsersAndPlatformsAreNot()
    {
        var limiter = Limiter();
        for (var i = 0; i < 3; i++)
        {
            limiter.TryAcquire("discord", "42");
        }

        Assert.False(limiter.TryAcquire("discord", "42").Allowed);
        Assert.True(limiter.TryAcquire("discord", "43").Allowed);
        Assert.True(limiter.TryAcquire("teams", "42").Allowed);
    }

    [Fact]
    public void TryAcquire_GlobalBucketEmpty_TurnsEveryoneAwayWithTheGlobalReply()
    {
        var limiter = Limiter(o => o.Global = new TokenBucketOptions { TokenLimit = 4, TokensPerPeriod = 2, ReplenishmentPeriod = TimeSpan.FromSeconds(1) });

        var results = Enumerable.Range(0, 5).Select(i => limiter.TryAcquire("api", "user-" + i)).ToList();
        time.Advance(TimeSpan.FromSeconds(1));
        var afterOneSecond = limiter.TryAcquire("api", "user-9");

        Assert.Equal(4, results.Count(r => r.Allowed));
        Assert.Equal(RateLimitOutcome.GlobalLimited, results[4].Outcome);
        Assert.Equal(new RateLimitOptions().GlobalLimitedText, results[4].Reply);
        Assert.True(afterOneSecond.Allowed);
    }

    [Fact]
    public void TryAcquire_NoUserKey_OnlyTheGlobalBucketApplies()
    {
        var limiter = Limiter();

        Assert.All(Enumerable.Range(0, 10).Select(_ => limiter.TryAcquire("api", null)), d => Assert.True(d.Allowed));
    }

    [Fact]
    public void TryAcquire_Disabled_AlwaysAllows()
    {
        var limiter = Limiter(o => o.Enabled = false);

        Assert.All(Enumerable.Range(0, 10).Select(_ => limiter.TryAcquire("api", "10.0.0.1")), d => Assert.True(d.Allowed));
    }

    [Fact]
    public async Task EnterAsync_SlotsTakenAndQueueFull_IsBusyAtOnce()
    {
        var limiter = Limiter();
        using var first = await limiter.EnterAsync("api", CancellationToken.None);
        using var second = await limiter.EnterAsync("api", CancellationToken.None);
        var queued = limiter.EnterAsync("api", CancellationToken.None).AsTask();

        using var overflow = await limiter.EnterAsync("api", CancellationToken.None);

        Assert.True(first.Acquired && second.Acquired);
        Assert.False(queued.IsCompleted);
        Assert.Equal(RateLimitOutcome.Busy, overflow.Decision.Outcome);
        Assert.Equal(new RateLimitOptions().BusyText, overflow.Decision.Reply);
        first.Dispose();
        using var late = await queued.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(late.Acquired); // a freed slot goes to the question waiting for it
    }

    [Fact]
    public async Task EnterAsync_QueuedLongerThanTheQueueTimeout_IsBusy()
    {
        var limiter = Limiter();
        using var first = await limiter.EnterAsync("teams", CancellationToken.None);
        using var second = await limiter.EnterAsync("teams", CancellationToken.None);

        var queued = limiter.EnterAsync("teams", CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(9));
        var stillWaiting = !queued.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));
        using var slot = await queued.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(stillWaiting);
        Assert.Equal(RateLimitOutcome.Busy, slot.Decision.Outcome);
    }

    [Fact]
    public async Task EnterAsync_NoConcurrencyLimit_AlwaysEnters()
    {
        var limiter = Limiter(o => o.MaxConcurrentAnswers = 0);

        var slots = new List<AnswerSlot>();
        for (var i = 0; i < 20; i++)
        {
            slots.Add(await limiter.EnterAsync("api", CancellationToken.None));
        }

        Assert.All(slots, s => Assert.True(s.Acquired));
    }

    [Fact]
    public async Task Rejections_AreCountedByPlatformAndReasonOnly()
    {
        using var collector = new MetricCollector<long>(meters, AnsweringMetrics.MeterName, "qabot.rate_limit.rejections");
        var limiter = Limiter(o => o.MaxQueuedAnswers = 0);
        for (var i = 0; i < 4; i++)
        {
            limiter.TryAcquire("discord", "123456789");
        }

        using var a = await limiter.EnterAsync("api", CancellationToken.None);
        using var b = await limiter.EnterAsync("api", CancellationToken.None);
        using var busy = await limiter.EnterAsync("api", CancellationToken.None);

        var measurements = collector.GetMeasurementSnapshot();
        Assert.Contains(measurements, m => m.Tags["platform"] as string == "discord" && m.Tags["reason"] as string == "user");
        Assert.Contains(measurements, m => m.Tags["platform"] as string == "api" && m.Tags["reason"] as string == "busy");
        Assert.All(measurements, m => Assert.Equal(["platform", "reason"], m.Tags.Keys.Order()));
    }
}
