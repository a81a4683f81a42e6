using Microsoft.Extensions.Time.Testing;
using QaBot.Knowledge.Watching;

namespace QaBot.Knowledge.Tests;

public sealed class ReloadDebouncerTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task Signal_BurstOfChanges_OneReloadAfterTheQuietTime()
    {
        using var debouncer = new ReloadDebouncer(TimeSpan.FromMilliseconds(500), time);
        using var stop = new CancellationTokenSource();

        for (var i = 0; i < 5; i++)
        {
            debouncer.Signal();
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        time.Advance(TimeSpan.FromMilliseconds(399)); // 499 ms after the last change
        var due = debouncer.WaitAsync(stop.Token);
        Assert.False(due.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await due.WaitAsync(TimeSpan.FromSeconds(5));

        time.Advance(TimeSpan.FromMinutes(1));
        var second = debouncer.WaitAsync(stop.Token);
        Assert.False(second.IsCompleted); // the burst made one reload, not five
        await stop.CancelAsync();
    }

    [Fact]
    public async Task Signal_WhileAReloadRuns_MakesExactlyOneMoreReload()
    {
        using var debouncer = new ReloadDebouncer(TimeSpan.FromMilliseconds(500), time);
        using var stop = new CancellationTokenSource();
        debouncer.Signal();
        time.Advance(TimeSpan.FromMilliseconds(500));
        await debouncer.WaitAsync(stop.Token); // the reload starts

        debouncer.Signal();
        time.Advance(TimeSpan.FromMilliseconds(500));
        debouncer.Signal();
        time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.True(debouncer.WaitAsync(stop.Token).IsCompletedSuccessfully);
        Assert.False(debouncer.WaitAsync(stop.Token).IsCompleted);
        await stop.CancelAsync();
    }
}
