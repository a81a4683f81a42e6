using Microsoft.Extensions.Options;
using QaBot.Answering.RateLimiting;

namespace QaBot.Discord.Bot;

/// <summary>
/// Admission of a Discord question: first Discord's own per-user pause (<see cref="DiscordOptions.CooldownSeconds"/>),
/// then the limits every platform shares (<see cref="IQuestionRateLimiter"/>). A user turned away by either waits out
/// the time they were told, and is told only once per pause, on the injected clock.
/// </summary>
internal sealed class UserCooldown(IOptions<DiscordOptions> options, IQuestionRateLimiter rateLimiter, TimeProvider time)
{
    private const int PruneAbove = 10_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, (DateTimeOffset Until, bool Noted, string? Reply)> users = new(StringComparer.Ordinal);

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

            var shared = rateLimiter.TryAcquire(DiscordBot.Platform, userId);
            if (!shared.Allowed)
            {
                // Later questions within the wait get the cooldown note (user limit) or the same reply (global limit).
                var later = shared.Outcome == RateLimitOutcome.GlobalLimited ? shared.Reply : null;
                users[userId] = (now + shared.RetryAfter, true, later);
                return new CooldownDecision(false, shared.RetryAfter, Notify: true, shared.Reply);
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
}
