using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Answering;
using QaBot.Moderation;
using QaBot.Teams.Cards;

namespace QaBot.Teams.Moderation;

/// <summary>
/// The moderators' text commands in Teams (<c>kb status</c>, <c>kb reload</c>, <c>kb gaps 14</c>, <c>kb feedback</c>,
/// <c>kb help</c>): run for the people listed in <see cref="TeamsOptions.ModeratorAadObjectIds"/>, politely refused for
/// everyone else (and never answered as a question). The sender's object id comes from the activity, which the Bot
/// Framework token authenticates. Logs the command and the decision, never who asked.
/// </summary>
internal sealed partial class TeamsModerators(
    IModeratorCommands commands,
    ModeratorCards cards,
    IOptions<TeamsOptions> options,
    IOptions<AnsweringOptions> answering,
    ILogger<TeamsModerators> logger)
{
    internal const string RefusalTitle = "Only for moderators";

    internal const string RefusalText =
        "Sorry, the **kb** commands are only for QaBot's moderators. To ask a question about stem cell therapy, just type it.";

    internal const string FailedText = "Sorry, that command failed unexpectedly. The details are in QaBot's log.";

    /// <summary>True when the sender's Microsoft Entra object id is a configured moderator's.</summary>
    public bool IsModerator(IActivity activity) =>
        Guid.TryParse(activity.From?.AadObjectId, out var sender)
        && options.Value.ModeratorAadObjectIds.Any(id => Guid.TryParse(id, out var moderator) && moderator == sender);

    /// <summary>Runs <paramref name="command"/> for a moderator, or refuses; either way one card is sent.</summary>
    public async Task HandleAsync(ITurnContext turnContext, ModeratorCommand command, CancellationToken cancellationToken)
    {
        var scope = ConversationScopes.Of(turnContext.Activity);
        ModeratorReply reply;
        if (!IsModerator(turnContext.Activity))
        {
            LogRefused(logger, scope, command.Action);
            reply = new ModeratorReply { Title = RefusalTitle, Lines = [RefusalText], Reminder = answering.Value.Reminder };
        }
        else
        {
            LogAccepted(logger, scope, command.Action);
            reply = await RunAsync(command, cancellationToken).ConfigureAwait(false);
        }

        await turnContext.SendActivityAsync(cards.Render(reply), cancellationToken).ConfigureAwait(false);
    }

    private async Task<ModeratorReply> RunAsync(ModeratorCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await commands.RunAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, command.Action, ex.GetType().Name);
            return new ModeratorReply { Title = "Sorry", Lines = [FailedText], IsError = true, Reminder = answering.Value.Reminder };
        }
    }

    [LoggerMessage(EventId = 5060, Level = LogLevel.Information, Message = "Teams {Scope} moderator command kb {Action} run")]
    private static partial void LogAccepted(ILogger logger, ConversationScope scope, ModeratorAction action);

    [LoggerMessage(EventId = 5061, Level = LogLevel.Information, Message = "Teams {Scope} moderator command kb {Action} refused: not a moderator")]
    private static partial void LogRefused(ILogger logger, ConversationScope scope, ModeratorAction action);

    [LoggerMessage(EventId = 5062, Level = LogLevel.Error, Message = "Teams moderator command kb {Action} failed ({Error}); the moderator was told")]
    private static partial void LogFailed(ILogger logger, ModeratorAction action, string error);
}
