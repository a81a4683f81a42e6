namespace QaBot.Discord;

/// <summary>Randomness for the first heartbeat, backoff and waits; replaceable so tests are deterministic.</summary>
internal class Jitter
{
    public static Jitter Shared { get; } = new();

    /// <summary>A number in [0, 1).</summary>
    public virtual double NextDouble() => Random.Shared.NextDouble();
}
