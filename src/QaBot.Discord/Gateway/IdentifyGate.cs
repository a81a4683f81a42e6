using QaBot.Discord.Model;

namespace QaBot.Discord.Gateway;

/// <summary>
/// Discord's identify limits: <c>max_concurrency</c> identifies per 5 seconds (shard <c>i</c> uses key
/// <c>i % max_concurrency</c>), and no more than <c>session_start_limit.remaining</c> until its reset.
/// </summary>
internal sealed class IdentifyGate(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<int, DateTimeOffset> lastIdentify = [];
    private int maxConcurrency = 1;
    private int? remaining;
    private DateTimeOffset resetAt;

    public void Update(SessionStartLimit? limit)
    {
        if (limit is null)
        {
            return;
        }

        gate.Wait();
        try
        {
            maxConcurrency = Math.Max(1, limit.MaxConcurrency);
            remaining = limit.Remaining;
            resetAt = time.GetUtcNow() + TimeSpan.FromMilliseconds(limit.ResetAfter);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Waits until shard <paramref name="shardId"/> may identify; returns how long it waited.</summary>
    public async Task<TimeSpan> WaitAsync(int shardId, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = time.GetUtcNow();
            if (remaining is <= 0 && resetAt > started)
            {
                await Task.Delay(resetAt - started, time, cancellationToken).ConfigureAwait(false);
                remaining = null;
            }

            var key = shardId % maxConcurrency;
            if (lastIdentify.TryGetValue(key, out var last))
            {
                var wait = last + Window - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                }
            }

            var now = time.GetUtcNow();
            lastIdentify[key] = now;
            if (remaining is > 0)
            {
                remaining--;
            }

            return now - started;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
