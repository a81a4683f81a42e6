namespace QaBot.Answering.RateLimiting;

/// <summary>
/// The one abuse policy every entry point shares (the HTTP API, Teams, Discord). Section <c>QaBot:RateLimits</c>.
/// Two token buckets, one per user and one for everyone, decide whether a question is taken at all; a concurrency limit
/// with a bounded queue decides when it is answered. Checked at start-up by <see cref="RateLimitOptionsValidator"/>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "QaBot:RateLimits";

    /// <summary>Apply the per-user and global token buckets. Default true. (The concurrency limit applies either way.)</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Each user (API: client IP; Teams: Entra object id; Discord: user id): bursts of 10, then one question every 6 s.</summary>
    public TokenBucketOptions PerUser { get; set; } = new() { TokenLimit = 10, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(6) };

    /// <summary>Everyone together: bursts of 200, then 50 questions a second.</summary>
    public TokenBucketOptions Global { get; set; } = new() { TokenLimit = 200, TokensPerPeriod = 50, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    /// <summary>Questions answered at the same time. Default 8 (answering is CPU-bound). 0: no limit.</summary>
    public int MaxConcurrentAnswers { get; set; } = 8;

    /// <summary>Questions that may wait for a free slot; beyond them the reply is "busy". Default 64.</summary>
    public int MaxQueuedAnswers { get; set; } = 64;

    /// <summary>Longest wait for a free slot before the reply is "busy". Default 10 s.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Reply to a user over their own limit; <c>{0}</c> is the wait in seconds.</summary>
    public string UserLimitedText { get; set; } =
        "You're asking quickly! Please wait {0} more second(s) before your next question, so that everyone gets a turn.";

    /// <summary>Reply when everyone together is over the global limit.</summary>
    public string GlobalLimitedText { get; set; } =
        "Lots of people are asking questions right now. Please try again in a minute.";

    /// <summary>Reply when every answering slot is taken and the queue is full (or the wait too long).</summary>
    public string BusyText { get; set; } =
        "I'm very busy right now and couldn't get to your question. Please try again in a moment.";
}
