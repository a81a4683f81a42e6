using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Answering;
using QaBot.Discord.Bot;
using QaBot.Discord.Model;
using QaBot.Discord.Rest;
using QaBot.Moderation;

namespace QaBot.Discord.Moderation;

/// <summary>
/// The moderators' <c>/kb status|reload|gaps [days]|feedback [days]</c>: the caller's access is checked first
/// (<see cref="ModeratorCheck"/>; everyone else gets a polite ephemeral refusal), then the reply is deferred
/// (ephemeral) and the command's reply follows, rendered by <see cref="ModeratorMessages"/>, visible to the moderator only.
/// Logs the command and the access decision, never who asked.
/// </summary>
internal sealed partial class ModeratorInteractions(
    IModeratorCommands commands,
    ModeratorCheck check,
    IDiscordRestApi api,
    IOptions<AnsweringOptions> answeringOptions,
    ILogger<ModeratorInteractions> logger)
{
    internal const string NotModeratorText =
        "Sorry, `/kb` is only for this server's moderators. To ask a question about stem cell therapy, use `/ask`.";

    internal const string DirectMessageText =
        "`/kb` is for a server's moderators, so it works in the server, not in direct messages. To ask a question, use `/ask`.";

    internal const string FailedText = "Sorry, that command failed unexpectedly. The details are in QaBot's log.";

    private string Reminder => answeringOptions.Value.Reminder;

    /// <summary>The plan for a <c>/kb</c> interaction; <paramref name="applicationId"/> addresses the follow-up.</summary>
    public InteractionPlan Plan(DiscordInteraction interaction, string applicationId)
    {
        var access = check.Check(interaction);
        if (!ModeratorCheck.IsAllowed(access))
        {
            LogRefused(logger, access);
            var text = access == ModeratorAccess.DirectMessage ? DirectMessageText : NotModeratorText;
            return new InteractionPlan(new InteractionResponse
            {
                Type = InteractionResponseType.ChannelMessageWithSource,
                Data = AnswerMessageBuilder.Note(text, Reminder, ephemeral: true),
            });
        }

        var command = Read(interaction.Data);
        LogAccepted(logger, command.Action, access);
        return new InteractionPlan(
            new InteractionResponse
            {
                Type = InteractionResponseType.DeferredChannelMessageWithSource,
                Data = new MessageCreate { Flags = MessageFlags.Ephemeral },
            },
            async token =>
            {
                var reply = await RunAsync(command, token).ConfigureAwait(false);
                await api.CreateFollowupMessageAsync(applicationId, interaction.Token, ModeratorMessages.Render(reply, ephemeral: true), token).ConfigureAwait(false);
            });
    }

    /// <summary>The subcommand and its <c>days</c> option; Discord enforces the choices and the range, this does not rely on it.</summary>
    internal static ModeratorCommand Read(InteractionData? data)
    {
        var subcommand = data?.Options.FirstOrDefault(o => o.Type == ApplicationCommandOption.SubCommandType);
        var action = subcommand?.Name switch
        {
            "status" => ModeratorAction.Status,
            "reload" => ModeratorAction.Reload,
            "gaps" => ModeratorAction.Gaps,
            "feedback" => ModeratorAction.Feedback,
            _ => ModeratorAction.Help,
        };
        if (action == ModeratorAction.Help)
        {
            return new ModeratorCommand(ModeratorAction.Help, Problem: "Please choose one of the /kb subcommands.");
        }

        var days = subcommand!.Options.FirstOrDefault(o => o.Name == DiscordCommands.DaysOption)?.Value;
        int? value = days is { ValueKind: JsonValueKind.Number } number && number.TryGetInt32(out var parsed) ? parsed : null;
        return new ModeratorCommand(action, value);
    }

    private async Task<ModeratorReply> RunAsync(ModeratorCommand command, CancellationToken token)
    {
        try
        {
            return await commands.RunAsync(command, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, command.Action, ex.GetType().Name);
            return new ModeratorReply { Title = "Sorry", Lines = [FailedText], IsError = true, Reminder = Reminder };
        }
    }

    [LoggerMessage(EventId = 6601, Level = LogLevel.Information, Message = "Discord: /kb {Action} by a moderator ({Access})")]
    private static partial void LogAccepted(ILogger logger, ModeratorAction action, ModeratorAccess access);

    [LoggerMessage(EventId = 6602, Level = LogLevel.Information, Message = "Discord: /kb refused ({Access})")]
    private static partial void LogRefused(ILogger logger, ModeratorAccess access);

    [LoggerMessage(EventId = 6603, Level = LogLevel.Error, Message = "Discord: /kb {Action} failed ({Error}); the moderator was told")]
    private static partial void LogFailed(ILogger logger, ModeratorAction action, string error);
}
