namespace QaBot.Discord.Tests;

/// <summary>Always the same "random" number, so heartbeats, backoffs and waits fall at known times.</summary>
internal sealed class FixedJitter(double value) : Jitter
{
    public override double NextDouble() => value;
}
