using QaBot.Answering.RateLimiting;
using StackExchange.Redis;

namespace QaBot.State.Redis;

/// <summary>
/// <see cref="ITokenBucketStore"/> in Redis, so that every replica draws from the same buckets: one atomic Lua script per
/// take with the same arithmetic as the in-process bucket (whole periods refill, a full bucket banks no time), keyed
/// <c>{prefix}rl:{hmac of the bucket id}</c> and expiring once the bucket would be full again. Time is Redis's own
/// (<c>TIME</c>), so the replicas' clocks do not matter; a test may inject its clock instead. When Redis cannot be
/// reached, the take goes to buckets in this process (each replica then applies the limits on its own).
/// </summary>
internal sealed class RedisTokenBucketStore : ITokenBucketStore, IDisposable
{
    /// <summary>KEYS[1] bucket; ARGV: limit, tokens per period, period (µs), now (µs, or "" for Redis TIME). Returns {taken, retry µs}.</summary>
    private const string Script = """
        local limit = tonumber(ARGV[1])
        local per = tonumber(ARGV[2])
        local period = tonumber(ARGV[3])
        local now = tonumber(ARGV[4])
        if now == nil then
          local t = redis.call('TIME')
          now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        end
        local state = redis.call('HMGET', KEYS[1], 't', 'l')
        local tokens = tonumber(state[1])
        local last = tonumber(state[2])
        if tokens == nil or last == nil then
          tokens = limit
          last = now
        end
        if tokens >= limit then
          last = now
        else
          local periods = math.floor((now - last) / period)
          if periods > 0 then
            tokens = math.min(limit, tokens + periods * per)
            last = last + periods * period
            if tokens >= limit then
              last = now
            end
          end
        end
        local taken = 0
        local retry = 0
        if tokens >= 1 then
          tokens = tokens - 1
          taken = 1
        else
          local needed = math.ceil((1 - tokens) / per)
          retry = needed * period - (now - last)
          if retry < 1 then retry = 1 end
        end
        redis.call('HSET', KEYS[1], 't', tokens, 'l', string.format('%.0f', last))
        local refill = math.ceil((limit - tokens) / per) + 1
        redis.call('PEXPIRE', KEYS[1], math.ceil(refill * period / 1000))
        return {taken, retry}
        """;

    private readonly RedisConnection connection;
    private readonly StateKeyProvider keys;
    private readonly TimeProvider time;
    private readonly InMemoryTokenBucketStore fallback;

    public RedisTokenBucketStore(RedisConnection connection, StateKeyProvider keys, TimeProvider time)
    {
        this.connection = connection;
        this.keys = keys;
        this.time = time;
        fallback = new InMemoryTokenBucketStore(time);
    }

    public TokenBucketTake Take(string bucketId, TokenBucketOptions bucket)
    {
        ArgumentNullException.ThrowIfNull(bucketId);
        ArgumentNullException.ThrowIfNull(bucket);
        if (connection.TryGetDatabase() is not { } db)
        {
            return fallback.Take(bucketId, bucket);
        }

        var key = connection.KeyPrefix + "rl:" + (bucketId == QuestionRateLimiter.GlobalBucket ? bucketId : keys.Hasher.Hash("bucket\n" + bucketId));
        var periodMicros = Math.Max(1, (long)(bucket.ReplenishmentPeriod.TotalMilliseconds * 1000));
        RedisValue now = ReferenceEquals(time, TimeProvider.System) ? RedisValue.EmptyString : time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        try
        {
            var result = (RedisResult[])db.ScriptEvaluate(Script, [key], [bucket.TokenLimit, bucket.TokensPerPeriod, periodMicros, now])!;
            connection.ReportSuccess();
            return (long)result[0] == 1
                ? TokenBucketTake.Taken
                : new TokenBucketTake(false, TimeSpan.FromMilliseconds((long)result[1] / 1000.0));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            connection.ReportFailure(ex);
            return fallback.Take(bucketId, bucket);
        }
    }

    public void Dispose() => fallback.Dispose();
}
