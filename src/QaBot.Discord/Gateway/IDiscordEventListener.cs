using QaBot.Discord.Model;

namespace QaBot.Discord.Gateway;

/// <summary>What the gateway hands to the bot. Implementations return quickly: long work runs in the background.</summary>
public interface IDiscordEventListener
{
    /// <summary>A new session is ready: who the bot is.</summary>
    Task OnReadyAsync(DiscordReady ready, CancellationToken cancellationToken);

    /// <summary>A message was posted where the bot can see it (including its own).</summary>
    Task OnMessageCreatedAsync(DiscordMessage message, CancellationToken cancellationToken);

    /// <summary>A slash command or a button click; answer it within 3 seconds.</summary>
    Task OnInteractionCreatedAsync(DiscordInteraction interaction, CancellationToken cancellationToken);
}
