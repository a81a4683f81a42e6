using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QaBot.Teams;

/// <summary>
/// The Bot Framework adapter: authenticates each activity (through <see cref="TeamsAuthentication"/>), runs the turn,
/// and owns the turn error handler. One constructor, so the container can build it.
/// </summary>
internal sealed partial class TeamsBotAdapter : CloudAdapter
{
    private const string ApologyText = "Sorry, something went wrong on my side while answering. Please try again in a moment.";

    private readonly ILogger<TeamsBotAdapter> logger;
    private readonly TimeSpan outgoingTimeout;
    private readonly string apology;

    public TeamsBotAdapter(TeamsAuthentication authentication, IOptions<TeamsOptions> options, IOptions<QaBot.Answering.AnsweringOptions> answering, ILoggerFactory loggerFactory)
        : base(authentication, loggerFactory.CreateLogger("Microsoft.Bot.Builder.CloudAdapter"))
    {
        // Like every reply, the apology carries the healthcare-provider reminder.
        apology = ApologyText + "\n\n" + answering.Value.Reminder;
        logger = loggerFactory.CreateLogger<TeamsBotAdapter>();
        outgoingTimeout = options.Value.OutgoingTimeout;
        OnTurnError = HandleTurnErrorAsync;
    }

    /// <summary>Authenticates the activity and runs one turn of <paramref name="bot"/>; the invoke response, if any.</summary>
    public Task<InvokeResponse> ProcessAsync(string authHeader, Activity activity, IBot bot, CancellationToken cancellationToken) =>
        ProcessActivityAsync(authHeader, activity, bot.OnTurnAsync, cancellationToken);

    /// <summary>
    /// A failed turn is logged (kind, no message text). A delivery failure (the Bot Connector slow or failing, or no token
    /// for the bot: <see cref="DeliveryFailures"/>) is one line without a stack trace, and nothing more is tried in the
    /// turn: another call, or another token request for an apology, would fail the same way. Only when our own code failed
    /// on a message does the user get a short apology.
    /// </summary>
    private async Task HandleTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        if (DeliveryFailures.IsDelivery(exception))
        {
            LogDeliveryFailed(logger, turnContext.Activity.Type, DeliveryFailures.Describe(exception));
            return;
        }

        LogTurnFailed(logger, turnContext.Activity.Type, "unexpected error", exception);
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(outgoingTimeout);
            await turnContext.SendActivityAsync(MessageFactory.Text(apology), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogApologyFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Error, Message = "Teams turn failed on a {ActivityType} activity: {Kind}")]
    private static partial void LogTurnFailed(ILogger logger, string activityType, string kind, Exception exception);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Error, Message = "Teams reply not delivered on a {ActivityType} activity: {Kind}")]
    private static partial void LogDeliveryFailed(ILogger logger, string activityType, string kind);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "Could not send the apology after a failed turn: {Error}")]
    private static partial void LogApologyFailed(ILogger logger, string error);
}
