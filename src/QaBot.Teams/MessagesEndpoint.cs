using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace QaBot.Teams;

/// <summary>
/// <c>POST /api/messages</c>: reads a bounded body, checks the activity's shape, hands it to the adapter (which
/// authenticates it) and writes the result: 200 (or the invoke response), 400 for a malformed activity, 401 for a bad or
/// missing token, 403 in local mode for a caller not on this machine, 413 for an oversized body, 503 when authentication
/// is unavailable or the request took too long.
/// </summary>
internal sealed partial class MessagesEndpoint(
    TeamsBotAdapter adapter,
    TeamsBot bot,
    IOptions<TeamsOptions> options,
    ILogger<MessagesEndpoint> logger)
{
    private readonly TeamsOptions settings = options.Value;

    public async Task HandleAsync(HttpContext context)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(settings.RequestTimeout);
        try
        {
            await HandleCoreAsync(context, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            LogTimedOut(logger, settings.RequestTimeout.TotalSeconds);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    private async Task HandleCoreAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!settings.Authenticated && !LocalModeGuard.IsLocalCaller(context.Connection.RemoteIpAddress))
        {
            Reject(context, StatusCodes.Status403Forbidden, "local mode: the caller is not on this machine"); // nobody is authenticated in local mode
            return;
        }

        var limit = settings.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            Reject(context, StatusCodes.Status413PayloadTooLarge, "body too large");
            return;
        }

        var body = await ReadBoundedAsync(request.Body, limit, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            Reject(context, StatusCodes.Status413PayloadTooLarge, "body too large");
            return;
        }

        var activity = Parse(body);
        if (activity is null || !HasValidShape(activity))
        {
            Reject(context, StatusCodes.Status400BadRequest, "not a valid activity");
            return;
        }

        InvokeResponse? invokeResponse;
        try
        {
            invokeResponse = await adapter.ProcessAsync(request.Headers.Authorization.ToString(), activity, bot, cancellationToken).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException)
        {
            Reject(context, StatusCodes.Status401Unauthorized, "not authenticated");
            return;
        }
        catch (TeamsAuthenticationUnavailableException)
        {
            Reject(context, StatusCodes.Status503ServiceUnavailable, "authentication unavailable");
            return;
        }

        await HttpHelper.WriteResponseAsync(context.Response, invokeResponse).ConfigureAwait(false);
    }

    private void Reject(HttpContext context, int status, string reason)
    {
        LogRejected(logger, status, reason);
        context.Response.StatusCode = status;
    }

    private static Activity? Parse(byte[] body)
    {
        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(body), Encoding.UTF8)) { MaxDepth = 64 };
            return HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What the adapter needs to run a turn without throwing: a type, a conversation and an http(s) service URL.</summary>
    private static bool HasValidShape(Activity activity) =>
        !string.IsNullOrWhiteSpace(activity.Type)
        && !string.IsNullOrWhiteSpace(activity.Conversation?.Id)
        && Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
        && (serviceUrl.Scheme == Uri.UriSchemeHttps || serviceUrl.Scheme == Uri.UriSchemeHttp);

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 5020, Level = LogLevel.Warning, Message = "Teams request answered {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Error, Message = "Teams request timed out (request limit {TimeoutSeconds} s)")]
    private static partial void LogTimedOut(ILogger logger, double timeoutSeconds);
}
