using Microsoft.Identity.Client;
using Microsoft.Rest;

namespace QaBot.Teams;

/// <summary>
/// Which turn errors mean that a reply could not be delivered (as opposed to our own code failing): the Bot Connector was
/// slow or refused the call, or the bot could not get its own token from Microsoft Entra ID (identity service
/// unreachable, a wrong or expired secret). The SDK reports a failed token as an <see cref="AggregateException"/> of the
/// attempts (<c>"Failed to acquire token for client credentials."</c>), each an MSAL or HTTP error.
/// </summary>
internal static class DeliveryFailures
{
    /// <summary>True when <paramref name="exception"/> is a delivery failure: another call in the same turn (an apology) would fail the same way.</summary>
    public static bool IsDelivery(Exception exception) =>
        exception is OperationCanceledException or HttpRequestException or RestException || IsTokenFailure(exception);

    /// <summary>True when the bot could not get its token.</summary>
    public static bool IsTokenFailure(Exception exception) => exception switch
    {
        MsalException => true,
        AggregateException { InnerExceptions.Count: > 0 } aggregate => aggregate.InnerExceptions.All(IsTokenAttemptFailure),
        _ => false,
    };

    /// <summary>A short description for the log: the kind and the exception types (never a message, which may hold a URL or tenant).</summary>
    public static string Describe(Exception exception) => exception switch
    {
        MsalServiceException msal => "could not get the bot's token: " + nameof(MsalServiceException) + " " + msal.ErrorCode,
        MsalException msal => "could not get the bot's token: " + msal.GetType().Name + " " + msal.ErrorCode,
        AggregateException aggregate when IsTokenFailure(aggregate) => Describe(aggregate.InnerExceptions[^1]),
        _ => "calling the Bot Connector failed or timed out: " + exception.GetType().Name,
    };

    private static bool IsTokenAttemptFailure(Exception exception) =>
        exception is MsalException or HttpRequestException or OperationCanceledException or TimeoutException
        || exception.GetType().Name == "ThrottleException"; // the SDK's own retry signal while another thread gets the token
}
