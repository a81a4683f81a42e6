using Microsoft.Extensions.Time.Testing;
using QaBot.Discord.Gateway;
using QaBot.Discord.Model;
using QaBot.Discord.Tests.Fakes;

namespace QaBot.Discord.Tests;

/// <summary>Discord's identify limits: max_concurrency per 5 seconds, and the session start limit.</summary>
public sealed class IdentifyGateTests
{
    private readonly FakeTimeProvider time = new();
    private readonly ObservedTimeProvider clock;

    public IdentifyGateTests()
    {
        clock = new ObservedTimeProvider(time);
    }

    [Fact]
    public async Task Wait_SameRateLimitKey_SecondIdentifyWaitsFiveSeconds()
    {
        using var gate = new IdentifyGate(clock);
        await gate.WaitAsync(0, CancellationToken.None);

        var second = gate.WaitAsync(0, CancellationToken.None);
        var wait = await clock.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(wait.Fired);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal(TimeSpan.FromSeconds(5), await second.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Wait_ShardsOnDifferentKeys_IdentifyTogether()
    {
        using var gate = new IdentifyGate(clock);
        gate.Update(new SessionStartLimit { Total = 1000, Remaining = 1000, ResetAfter = 1000, MaxConcurrency = 2 });

        await gate.WaitAsync(0, CancellationToken.None);
        var waited = await gate.WaitAsync(1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)); // key 1 % 2 = 1

        Assert.Equal(TimeSpan.Zero, waited);
    }

    [Fact]
    public async Task Wait_NoSessionStartsLeft_WaitsForTheReset()
    {
        using var gate = new IdentifyGate(clock);
        gate.Update(new SessionStartLimit { Total = 1000, Remaining = 0, ResetAfter = 60_000, MaxConcurrency = 1 });

        var identify = gate.WaitAsync(0, CancellationToken.None);
        var wait = await clock.WaitForTimerAsync(TimeSpan.FromMinutes(1));
        Assert.False(wait.Fired);
        Assert.False(identify.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.FromMinutes(1), await identify.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
