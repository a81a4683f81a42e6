namespace QaBot.State.Redis.Tests;

public sealed class StateOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_SucceedWithTheMemoryStore()
    {
        var defaults = new StateOptions();

        Assert.True(new StateOptionsValidator().Validate(null, defaults).Succeeded);
        Assert.Equal(StateOptions.MemoryStore, defaults.Store);
    }

    [Fact]
    public void Validate_RedisWithoutConfigurationShortKeyAndLongTimeout_ReportsEveryProblem()
    {
        var options = new StateOptions
        {
            Store = "redis",
            Key = "short",
            Redis = new RedisStateOptions { Configuration = " ", Timeout = TimeSpan.FromSeconds(30) },
        };

        var failures = new StateOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("QaBot:State:Redis:Configuration must be set", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("QaBot:State:Redis:Timeout", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("QaBot:State:Key must be at least 32", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownStore_SaysWhichAreKnown()
    {
        var result = new StateOptionsValidator().Validate(null, new StateOptions { Store = "Postgres" });

        Assert.Equal(["QaBot:State:Store must be Memory (one replica) or Redis (several replicas sharing one Redis)."], result.Failures);
    }

    [Fact]
    public void Validate_RedisConfigured_Succeeds()
    {
        var options = new StateOptions { Store = "Redis", Redis = new RedisStateOptions { Configuration = "redis:6379,abortConnect=false" } };

        Assert.True(new StateOptionsValidator().Validate(null, options).Succeeded);
    }
}
