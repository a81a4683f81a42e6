using System.Runtime.ExceptionServices;
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

    public TeamsBotAdapter(TeamsAuthentication authentication, IOptions<TeamsOptions> options, ILoggerFactory loggerFactory)
        : base(authentication, loggerFactory.CreateLogger("Microsoft.Bot.Builder.CloudAdapter"))
    {
        logger = loggerFactory.CreateLogger<TeamsBotAdapter>();
        outgoingTimeout = options.Value.OutgoingTimeout;
        OnTurnError = HandleTurnErrorAsync;
    }

    /// <summary>Authenticates the activity and runs one turn of <paramref name="bot"/>; the invoke response, if any.</summary>
    public Task<InvokeResponse> ProcessAsync(string authHeader, Activity activity, IBot bot, CancellationToken cancellationToken) =>
        ProcessActivityAsync(authHeader, activity, bot.OnTurnAsync, cancellationToken);

    private async Task HandleTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            LogTurnCancelled(logger, turnContext.Activity.Type);
            ExceptionDispatchInfo.Capture(exception).Throw(); // the endpoint answers 503; nothing more to send
        }

        LogTurnFailed(logger, turnContext.Activity.Type, exception);
        if (turnContext.Activity.Type != ActivityTypes.Message || turnContext.Responded)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(outgoingTimeout);
            await turnContext.SendActivityAsync(MessageFactory.Text(ApologyText), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogApologyFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Error, Message = "Teams turn failed on a {ActivityType} activity")]
    private static partial void LogTurnFailed(ILogger logger, string activityType, Exception exception);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Teams turn cancelled (timeout or client gone) on a {ActivityType} activity")]
    private static partial void LogTurnCancelled(ILogger logger, string activityType);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "Could not send the apology after a failed turn: {Error}")]
    private static partial void LogApologyFailed(ILogger logger, string error);
}
