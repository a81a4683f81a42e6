using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using QaBot.Moderation;
using QaBot.Teams.Cards;

namespace QaBot.Teams.Moderation;

/// <summary>
/// Posts moderator notices to the conversation of <see cref="TeamsOptions.ModeratorChannel"/> as a proactive message
/// through the bot's adapter (so it is authenticated and, in local mode, loopback-only like every reply).
/// </summary>
internal sealed class TeamsModeratorChannel(TeamsBotAdapter adapter, ModeratorCards cards, IOptions<TeamsOptions> options) : IModeratorChannel
{
    public string Platform => "teams";

    public async Task PostAsync(ModeratorReply message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var target = settings.ModeratorChannel;
        var appId = settings.MicrosoftAppId ?? "";
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = target.ServiceUrl,
            Conversation = new ConversationAccount(id: target.ConversationId, tenantId: target.TenantId),
            Bot = new ChannelAccount(id: "28:" + appId),
        };
        var activity = cards.Render(message);
        await adapter.ContinueConversationAsync(
            appId,
            reference,
            (turnContext, token) => turnContext.SendActivityAsync(activity, token),
            cancellationToken).ConfigureAwait(false);
    }
}
