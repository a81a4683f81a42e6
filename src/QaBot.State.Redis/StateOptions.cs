namespace QaBot.State.Redis;

/// <summary>
/// Where state shared by the replicas lives (conversation context and the rate limits' token buckets). Section
/// <c>QaBot:State</c>. Checked at start-up by <see cref="StateOptionsValidator"/>, which reports every problem in one message.
/// </summary>
public sealed class StateOptions
{
    public const string SectionName = "QaBot:State";

    public const string MemoryStore = "Memory";

    public const string RedisStore = "Redis";

    /// <summary><c>Memory</c> (default: this process only, nothing to install) or <c>Redis</c> (shared by every replica).</summary>
    public string Store { get; set; } = MemoryStore;

    /// <summary>The Redis settings, used when <see cref="Store"/> is <c>Redis</c>.</summary>
    public RedisStateOptions Redis { get; set; } = new();

    /// <summary>
    /// The secret (at least 32 characters) that encrypts the conversations kept in Redis and keys them by HMACs of the
    /// ids. Every replica needs the same one: set it with the environment variable <c>QaBot__State__Key</c> (a Kubernetes
    /// secret), never in appsettings.json. When none is set, a random key is generated once in <see cref="KeyFile"/>.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>The generated key's file when <see cref="Key"/> is not set (default <c>.qabot/state.key</c>, owner-only).</summary>
    public string KeyFile { get; set; } = ".qabot/state.key";

    internal bool UsesRedis => string.Equals(Store, RedisStore, StringComparison.OrdinalIgnoreCase);
}
