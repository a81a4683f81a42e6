namespace QaBot.State.Redis;

/// <summary>How to reach Redis. Section <c>QaBot:State:Redis</c>.</summary>
public sealed class RedisStateOptions
{
    /// <summary>
    /// A StackExchange.Redis configuration string, e.g. <c>redis:6379,abortConnect=false</c> (a password goes in the
    /// environment variable <c>QaBot__State__Redis__Configuration</c>, not in appsettings.json).
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key QaBot writes, so that one Redis can serve several deployments. Default <c>qabot:</c>.</summary>
    public string KeyPrefix { get; set; } = "qabot:";

    /// <summary>
    /// How long one attempt to connect may take (default 2 s). Connecting happens in the background: no question waits
    /// for it (until the connection is made, questions are answered without context).
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Longest wait for each Redis command (default 250 ms). Past it, a question is answered without
    /// context and the rate limits fall back to this replica's buckets.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(250);
}
