namespace QaBot.Discord.Bot;

/// <summary>
/// Whether a user may ask now; if not, how long to wait, whether to tell them (once per pause), and what to say: the
/// shared rate limits' reply, or null for the cooldown note.
/// </summary>
internal sealed record CooldownDecision(bool Allowed, TimeSpan Remaining, bool Notify, string? Reply = null)
{
    public static CooldownDecision Allow { get; } = new(true, TimeSpan.Zero, false);
}
