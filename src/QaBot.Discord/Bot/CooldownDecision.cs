namespace QaBot.Discord.Bot;

/// <summary>Whether a user may ask now; if not, how long to wait and whether to tell them (once per cooldown).</summary>
internal sealed record CooldownDecision(bool Allowed, TimeSpan Remaining, bool Notify)
{
    public static CooldownDecision Allow { get; } = new(true, TimeSpan.Zero, false);
}
