using Microsoft.Extensions.Options;

namespace QaBot.Discord.Bot;

/// <summary>A per-user pause between questions (<see cref="DiscordOptions.CooldownSeconds"/>), on the injected clock.</summary>
internal sealed class UserCooldown(IOptions<DiscordOptions> options, TimeProvider time)
{
    private const int PruneAbove = 10_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, (DateTimeOffset Until, bool Noted)> users = new(StringComparer.Ordinal);

    public CooldownDecision Check(string userId)
    {
        var cooldown = TimeSpan.FromSeconds(options.Value.CooldownSeconds);
        if (cooldown <= TimeSpan.Zero)
        {
            return CooldownDecision.Allow;
        }

        var now = time.GetUtcNow();
        lock (gate)
        {
            if (users.TryGetValue(userId, out var state) && now < state.Until)
            {
                users[userId] = (state.Until, true);
                return new CooldownDecision(false, state.Until - now, Notify: !state.Noted);
            }

            if (users.Count > PruneAbove)
            {
                foreach (var expired in users.Where(u => u.Value.Until <= now).Select(u => u.Key).ToList())
                {
                    users.Remove(expired);
                }
            }

            users[userId] = (now + cooldown, false);
            return CooldownDecision.Allow;
        }
    }
}
