using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Logging;
using QaBot.Answering;
using QaBot.Answering.Feedback;
using QaBot.Answering.RateLimiting;
using QaBot.Answering.Turns;
using QaBot.Moderation;
using QaBot.Teams.Cards;
using QaBot.Teams.Moderation;

namespace QaBot.Teams;

/// <summary>
/// QaBot in Teams: answers 1:1 messages, and channel or group-chat messages that @mention it (in the same reply chain);
/// welcomes when it is added to a conversation; handles <c>help</c> and the moderators' <c>kb ...</c> commands; records feedback clicks and redraws the card in place.
/// Questions go through the question turn (<see cref="IQuestionTurn"/>): safety triage first, then the shared rate limits
/// (per Entra object id, or the channel's user id) and an answering slot; a refused user gets a short notice with the reminder.
/// Logs what happened, never what was written or by whom.
/// </summary>
internal sealed partial class TeamsBot(
    IQuestionTurn turn,
    IFeedbackSink feedback,
    AnsweringMetrics metrics,
    TeamsCards cards,
    TeamsModerators moderators,
    TimeProvider time,
    ILogger<TeamsBot> logger) : TeamsActivityHandler
{
    public const string Platform = "teams";
    private const string DefaultBotName = "QaBot";
    private const string RefusedHeading = "One moment, please";

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Value is not null && string.IsNullOrWhiteSpace(activity.Text))
        {
            await OnSubmittedAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }

        var scope = ConversationScopes.Of(activity);
        if (scope != ConversationScope.Personal && !TeamsMessageText.MentionsBot(activity))
        {
            LogIgnored(logger, scope, "not mentioned");
            return;
        }

        var started = time.GetTimestamp();
        var question = TeamsMessageText.Question(activity);
        var help = TeamsMessageText.IsHelp(question);
        var command = help ? null : ModeratorCommand.TryParse(question, out var parsed) ? parsed : null;
        if (help || command is not null)
        {
            // Commands and help are not questions: not limited. "kb ..." is run or refused, never answered as a question.
            await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken).ConfigureAwait(false);
            if (command is not null)
            {
                await moderators.HandleAsync(turnContext, command, cancellationToken).ConfigureAwait(false);
                return;
            }

            await turnContext.SendActivityAsync(cards.Help(scope == ConversationScope.Personal, BotName(activity)), cancellationToken).ConfigureAwait(false);
            LogHelp(logger, scope);
            return;
        }

        // The question turn: a safety reply comes at once, before any limit; refusals get a short notice.
        var admission = await turn.AdmitAsync(new TurnRequest(question) { Platform = Platform, UserId = UserId(activity), Conversation = TeamsConversation.Key(activity) }, cancellationToken).ConfigureAwait(false);
        var result = admission.Result;
        if (result is null)
        {
            await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken).ConfigureAwait(false);
            result = await turn.AnswerAsync(admission, cancellationToken).ConfigureAwait(false);
        }

        if (!result.Answered)
        {
            await turnContext.SendActivityAsync(cards.Notice(RefusedHeading, result.Refusal.Text), cancellationToken).ConfigureAwait(false);
            LogRefused(logger, scope, result.Refusal.Reason);
            return;
        }

        // The slot is free again before the reply goes out: sending waits on the Bot Connector, not on our CPU.
        await turnContext.SendActivityAsync(cards.Answer(result.Answer, question), cancellationToken).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(started);
        LogReplied(logger, scope, result.Answer.Kind, elapsed.TotalMilliseconds);
    }

    /// <summary>Teams' own members-added dispatch looks up every new member; QaBot only needs to know whether it was added.</summary>
    protected override async Task OnTeamsMembersAddedDispatchAsync(IList<ChannelAccount> membersAdded, TeamInfo teamInfo, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        if (botId is not null && membersAdded.Any(m => m.Id == botId))
        {
            await WelcomeAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Other channels (the Emulator): welcome the people who join the conversation.</summary>
    protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        WelcomeAsync(turnContext, cancellationToken);

    /// <summary>A click on an <c>Action.Execute</c> feedback button: recorded, and the card redrawn by the invoke response.</summary>
    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        if (invokeValue.Action.Verb != FeedbackData.Verb || !FeedbackData.TryRead(invokeValue.Action.Data, out var click))
        {
            var scope = ConversationScopes.Of(turnContext.Activity);
            LogIgnored(logger, scope, "unknown card action");
            return new AdaptiveCardInvokeResponse
            {
                StatusCode = 400,
                Type = "application/vnd.microsoft.error",
                Value = new Error { Code = "BadRequest", Message = "Unknown card action." },
            };
        }

        await RecordAsync(turnContext.Activity, click, cancellationToken).ConfigureAwait(false);
        return new AdaptiveCardInvokeResponse
        {
            StatusCode = 200,
            Type = TeamsCards.ContentType,
            Value = cards.AcknowledgedCard(click),
        };
    }

    /// <summary>A card's <c>Action.Submit</c> (clients without <c>Action.Execute</c>): recorded, and the card updated in place.</summary>
    private async Task OnSubmittedAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!FeedbackData.TryRead(activity.Value, out var click))
        {
            var scope = ConversationScopes.Of(activity);
            LogIgnored(logger, scope, "unknown submitted data");
            return;
        }

        await RecordAsync(activity, click, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            var update = cards.Acknowledged(click);
            update.Id = activity.ReplyToId;
            await turnContext.UpdateActivityAsync(update, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RecordAsync(IActivity activity, FeedbackClick click, CancellationToken cancellationToken)
    {
        metrics.RecordFeedback(Platform, click.Helpful);
        await feedback.RecordAsync(
            new FeedbackEntry
            {
                Platform = Platform,
                UserId = UserId(activity),
                Helpful = click.Helpful,
                Kind = click.Content.Kind,
                Question = click.Helpful ? null : click.Question,
                PassageIds = click.Content.Citations.Select(c => c.Id).ToList(),
                At = time.GetUtcNow(),
            },
            cancellationToken).ConfigureAwait(false);
        var scope = ConversationScopes.Of(activity);
        LogFeedback(logger, scope, click.Helpful);
    }

    private async Task WelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var scope = ConversationScopes.Of(turnContext.Activity);
        await turnContext.SendActivityAsync(cards.Welcome(scope == ConversationScope.Personal, BotName(turnContext.Activity)), cancellationToken).ConfigureAwait(false);
        LogWelcomed(logger, scope);
    }

    private static string BotName(IActivity activity) =>
        activity.Recipient?.Name is { Length: > 0 and <= 50 } name ? name : DefaultBotName;

    /// <summary>The stable Entra object id when Teams sends it, else the channel's user id. Never logged.</summary>
    private static string? UserId(IActivity activity) => activity.From?.AadObjectId ?? activity.From?.Id;

    [LoggerMessage(EventId = 5040, Level = LogLevel.Information, Message = "Teams {Scope} message answered: {Kind} in {ElapsedMs:F0} ms")]
    private static partial void LogReplied(ILogger logger, ConversationScope scope, AnswerKind kind, double elapsedMs);

    [LoggerMessage(EventId = 5041, Level = LogLevel.Information, Message = "Teams {Scope} help shown")]
    private static partial void LogHelp(ILogger logger, ConversationScope scope);

    [LoggerMessage(EventId = 5042, Level = LogLevel.Information, Message = "Teams welcome sent to a {Scope} conversation")]
    private static partial void LogWelcomed(ILogger logger, ConversationScope scope);

    [LoggerMessage(EventId = 5043, Level = LogLevel.Information, Message = "Teams {Scope} feedback recorded: helpful={Helpful}")]
    private static partial void LogFeedback(ILogger logger, ConversationScope scope, bool helpful);

    [LoggerMessage(EventId = 5045, Level = LogLevel.Information, Message = "Teams {Scope} question refused by the rate limits: {Outcome}")]
    private static partial void LogRefused(ILogger logger, ConversationScope scope, RateLimitOutcome outcome);

    [LoggerMessage(EventId = 5044, Level = LogLevel.Debug, Message = "Teams {Scope} activity ignored: {Reason}")]
    private static partial void LogIgnored(ILogger logger, ConversationScope scope, string reason);
}
