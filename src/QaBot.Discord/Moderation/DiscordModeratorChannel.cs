using Microsoft.Extensions.Options;
using QaBot.Discord.Rest;
using QaBot.Moderation;

namespace QaBot.Discord.Moderation;

/// <summary>Posts moderator notices to <see cref="DiscordOptions.ModeratorChannelId"/> through the REST API.</summary>
internal sealed class DiscordModeratorChannel(IDiscordRestApi api, IOptions<DiscordOptions> options) : IModeratorChannel
{
    public string Platform => "discord";

    public async Task PostAsync(ModeratorReply message, CancellationToken cancellationToken)
    {
        var channelId = options.Value.ModeratorChannelId;
        if (string.IsNullOrEmpty(channelId))
        {
            return;
        }

        await api.CreateMessageAsync(channelId, ModeratorMessages.Render(message, ephemeral: false), cancellationToken).ConfigureAwait(false);
    }
}
