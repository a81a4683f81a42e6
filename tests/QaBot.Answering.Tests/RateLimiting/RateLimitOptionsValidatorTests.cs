using QaBot.Answering.RateLimiting;

namespace QaBot.Answering.Tests.RateLimiting;

public sealed class RateLimitOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new RateLimitOptionsValidator().Validate(null, new RateLimitOptions()).Succeeded);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOneWithItsKey()
    {
        var options = new RateLimitOptions
        {
            PerUser = new TokenBucketOptions { TokenLimit = 0, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(1) },
            Global = new TokenBucketOptions { TokenLimit = 10, TokensPerPeriod = 20, ReplenishmentPeriod = TimeSpan.Zero },
            MaxConcurrentAnswers = -1,
            QueueTimeout = TimeSpan.Zero,
            UserLimitedText = "wait {1}",
        };

        var result = new RateLimitOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains("QaBot:RateLimits:PerUser:TokenLimit must be between 1 and 1000000.", failures);
        Assert.Contains("QaBot:RateLimits:Global:TokensPerPeriod must be at least 1 and at most TokenLimit.", failures);
        Assert.Contains(failures, f => f.StartsWith("QaBot:RateLimits:Global:ReplenishmentPeriod", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("QaBot:RateLimits:MaxConcurrentAnswers", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("QaBot:RateLimits:QueueTimeout", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("QaBot:RateLimits:UserLimitedText", StringComparison.Ordinal));
    }
}
