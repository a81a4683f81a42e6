using Microsoft.Extensions.Options;
using QaBot.Answering.Turns;

namespace QaBot.Discord.Bot;

/// <summary>
/// Discord's own per-user pause (<see cref="DiscordOptions.CooldownSeconds"/>), the platform gate of the question turn:
/// it runs after safety triage and before the limits every platform shares. A user turned away by either (the shared
/// limits' refusals are <see cref="Remember">remembered</see>) waits out the time they were told, and is told only once
/// per pause, on the injected clock.
/// </summary>
internal sealed class UserCooldown(IOptions<DiscordOptions> options, TimeProvider time)
{
    private const int PruneAbove = 10_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, (DateTimeOffset Until, bool Noted, string? Reply)> users = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="userId"/> may ask now; if so, their pause starts.</summary>
    public CooldownDecision Check(string userId)
    {
        var cooldown = TimeSpan.FromSeconds(options.Value.CooldownSeconds);
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (users.TryGetValue(userId, out var state) && now < state.Until)
            {
                users[userId] = state with { Noted = true };
                return new CooldownDecision(false, state.Until - now, Notify: !state.Noted, state.Reply);
            }

            if (users.Count > PruneAbove)
            {
                foreach (var expired in users.Where(u => u.Value.Until <= now).Select(u => u.Key).ToList())
                {
                    users.Remove(expired);
                }
            }

            if (cooldown > TimeSpan.Zero)
            {
                users[userId] = (now + cooldown, false, null);
            }
            else
            {
                users.Remove(userId);
            }

            return CooldownDecision.Allow;
        }
    }

    /// <summary>
    /// The shared limits refused <paramref name="userId"/> (they were told, with <paramref name="refusal"/>): later
    /// questions within the wait get no further note (user limit) or the same reply (global limit), once.
    /// </summary>
    public void Remember(string userId, TurnRefusal refusal)
    {
        var later = refusal.Reason == Answering.RateLimiting.RateLimitOutcome.GlobalLimited ? refusal.Text : null;
        lock (gate)
        {
            users[userId] = (time.GetUtcNow() + refusal.RetryAfter, true, later);
        }
    }
}
