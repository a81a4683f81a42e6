using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace QaBot.Discord.Rest;

/// <summary>
/// Discord's REST rate limits: per-route buckets learned from <c>X-RateLimit-Bucket</c>, <c>-Remaining</c> and
/// <c>-Reset-After</c>, and the global limit of a 429 with <c>global: true</c>. Requests wait rather than fail.
/// </summary>
internal sealed class DiscordRateLimiter(TimeProvider time, DiscordMetrics metrics) : IDisposable
{
    private readonly ConcurrentDictionary<string, string> bucketHashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> buckets = new(StringComparer.Ordinal);
    private readonly Lock globalGate = new();
    private DateTimeOffset globalUntil = DateTimeOffset.MinValue;

    /// <summary>Waits until a request on the route may go; dispose the lease once its response has been read.</summary>
    public async Task<IDisposable> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        var bucket = BucketOf(route);
        await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var waited = TimeSpan.Zero;
            var global = false;
            while (true)
            {
                var now = time.GetUtcNow();
                var wait = WaitTime(bucket, now);
                if (wait <= TimeSpan.Zero)
                {
                    break;
                }

                global |= GlobalWait(now) >= wait;
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                waited += wait;
            }

            if (waited > TimeSpan.Zero)
            {
                metrics.RecordRateLimitWait(waited, global);
            }

            if (bucket.Remaining is > 0)
            {
                bucket.Remaining--;
            }

            return new Lease(bucket);
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    /// <summary>How long a request on the route would wait now (for logs and tests).</summary>
    public TimeSpan WaitTime(DiscordRoute route) => WaitTime(BucketOf(route), time.GetUtcNow());

    /// <summary>Learns the bucket's state from a response's headers.</summary>
    public void Update(DiscordRoute route, HttpResponseHeaders headers)
    {
        if (Header(headers, "X-RateLimit-Bucket") is { Length: > 0 } hash)
        {
            bucketHashes[route.Method.Method + " " + route.Template] = hash;
        }

        if (Header(headers, "X-RateLimit-Remaining") is { } remainingText
            && int.TryParse(remainingText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            && Header(headers, "X-RateLimit-Reset-After") is { } resetText
            && double.TryParse(resetText, NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
        {
            var bucket = BucketOf(route);
            bucket.Remaining = remaining;
            bucket.ResetAt = time.GetUtcNow() + TimeSpan.FromSeconds(resetAfter);
        }
    }

    /// <summary>A 429: the route's bucket (or, when global, every request) waits <paramref name="retryAfter"/>.</summary>
    public void RateLimited(DiscordRoute route, TimeSpan retryAfter, bool global)
    {
        metrics.RecordRateLimited(global);
        var until = time.GetUtcNow() + retryAfter;
        if (global)
        {
            lock (globalGate)
            {
                if (until > globalUntil)
                {
                    globalUntil = until;
                }
            }

            return;
        }

        var bucket = BucketOf(route);
        bucket.Remaining = 0;
        bucket.ResetAt = until > bucket.ResetAt ? until : bucket.ResetAt;
    }

    public void Dispose()
    {
        foreach (var bucket in buckets.Values)
        {
            bucket.Dispose();
        }
    }

    private TimeSpan GlobalWait(DateTimeOffset now)
    {
        lock (globalGate)
        {
            return globalUntil - now;
        }
    }

    private TimeSpan WaitTime(RateLimitBucket bucket, DateTimeOffset now)
    {
        var wait = GlobalWait(now);
        if (bucket.Remaining is <= 0)
        {
            var reset = bucket.ResetAt - now;
            if (reset <= TimeSpan.Zero)
            {
                bucket.Remaining = null; // the window is over: unknown again until the next response tells
            }
            else if (reset > wait)
            {
                wait = reset;
            }
        }

        return wait;
    }

    private RateLimitBucket BucketOf(DiscordRoute route)
    {
        var key = bucketHashes.TryGetValue(route.Method.Method + " " + route.Template, out var hash)
            ? hash + ":" + route.MajorParameter
            : route.Method.Method + " " + route.Template + ":" + route.MajorParameter;
        return buckets.GetOrAdd(key, _ => new RateLimitBucket());
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed class Lease(RateLimitBucket bucket) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                bucket.Gate.Release();
            }
        }
    }
}
