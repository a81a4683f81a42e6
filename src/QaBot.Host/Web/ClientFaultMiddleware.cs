using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using QaBot.Answering;

namespace QaBot.Host.Web;

/// <summary>
/// Turns a client's fault that surfaces as an exception while an endpoint reads the request (a malformed chunked body,
/// a chunk size that overflows, a body that arrives too slowly, a body cut short) into a 4xx with the error JSON and the
/// reminder, logged at Debug (a client's fault is not the server's error). A client that went away gets nothing (there
/// is nobody to answer). The body is read through <see cref="ClientBodyStream"/>. Everything else goes on to the exception-handler backstop (<see cref="ErrorBackstop"/>).
/// Nothing of the request is logged.
/// </summary>
internal sealed partial class ClientFaultMiddleware(
    RequestDelegate next,
    IOptions<AnsweringOptions> answering,
    WebMetrics metrics,
    ILogger<ClientFaultMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Request.Body = new ClientBodyStream(context.Request.Body);
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex)
        {
            var error = ex.GetType().Name;
            LogClientFault(logger, ex.StatusCode, error);
            metrics.RecordRejection((context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "other", ex.StatusCode);
            await WriteAsync(context, ex.StatusCode, Message(ex.StatusCode), answering.Value.Reminder);
        }
        catch (Exception ex) when (IsClientGone(ex, context))
        {
            var error = ex.GetType().Name;
            LogClientGone(logger, error);
            context.Abort();
        }
    }

    /// <summary>What the error body says for a status Kestrel gives a request it could not read.</summary>
    internal static string Message(int status) => status switch
    {
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly. Please send it again.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        _ => "The request body could not be read (it is malformed, e.g. a broken chunked encoding, or cut short). "
            + "Send it again as JSON, e.g. {\"question\": \"Can stem cell therapy help lupus?\"}.",
    };

    /// <summary>The error JSON, unless the response has started or the client is gone (then the connection is closed).</summary>
    internal static async Task WriteAsync(HttpContext context, int status, string message, string reminder)
    {
        if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
        {
            context.Abort();
            return;
        }

        context.Response.Clear();
        try
        {
            await Results.Json(new { error = message, reminder }, statusCode: status).ExecuteAsync(context);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            context.Abort(); // the client left while the error was written
        }
    }

    private static bool IsClientGone(Exception ex, HttpContext context) =>
        ex is ConnectionResetException
        || (ex is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "HTTP request refused with {Status}: the client's request could not be read ({Error})")]
    private static partial void LogClientFault(ILogger logger, int status, string error);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "HTTP request abandoned: the client went away ({Error})")]
    private static partial void LogClientGone(ILogger logger, string error);
}
