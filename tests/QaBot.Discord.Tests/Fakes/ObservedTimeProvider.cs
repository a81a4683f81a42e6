using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace QaBot.Discord.Tests.Fakes;

/// <summary>
/// The bot's clock in the tests: a <see cref="FakeTimeProvider"/> that also records every timer created on it (every
/// <c>Task.Delay</c> and timed cancellation), so that a test can wait until a delay exists before it moves the clock,
/// and can see whether that delay has fired. <see cref="FakeTimeProvider.Advance"/> runs due callbacks on the calling
/// thread, so "not fired" right after an advance is a fact, not a guess after a sleep.
/// </summary>
public sealed class ObservedTimeProvider(FakeTimeProvider inner) : TimeProvider
{
    private readonly ConcurrentQueue<ObservedTimer> timers = new();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public IReadOnlyList<ObservedTimer> Timers => [.. timers];

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var observed = new ObservedTimer(dueTime, inner.GetUtcNow());
        timers.Enqueue(observed);
        return inner.CreateTimer(
            s =>
            {
                observed.MarkFired();
                callback(s);
            },
            state,
            dueTime,
            period);
    }

    /// <summary>Waits (at most <see cref="FakeGatewayConnection.Timeout"/> of real time) until the
    /// <paramref name="count"/>th timer due after <paramref name="due"/> has been created, and returns it.</summary>
    public async Task<ObservedTimer> WaitForTimerAsync(TimeSpan due, int count = 1)
    {
        var deadline = DateTime.UtcNow + FakeGatewayConnection.Timeout;
        while (true)
        {
            var matching = timers.Where(t => t.Due == due).ToList();
            if (matching.Count >= count)
            {
                return matching[count - 1];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No timer due after {due} was created; timers: " + string.Join(", ", timers.Select(t => t.Due)));
            }

            await Task.Delay(10);
        }
    }
}
