using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using QaBot.Answering;
using QaBot.Answering.RateLimiting;

namespace QaBot.Host.Web;

/// <summary>
/// <c>POST /api/ask</c>: <c>{"question": "..."}</c> in, the answer JSON out. In order, so that refusals cost little: a
/// body that is not declared as JSON gets 415, a declared body over the limit 413 before anything is read, a client over the rate limits 429 with
/// <c>Retry-After</c>, a body that turns out too large 413 and a malformed one 400; when every answering slot is taken
/// and the queue is full, 503 with <c>Retry-After</c>. Every error body carries a message and the reminder.
/// </summary>
internal static class AskEndpoint
{
    public const string Route = "/api/ask";
    public const string Platform = "api";

    /// <summary>The 415 message of the JSON endpoints.</summary>
    public const string NotJson = "Send the request as JSON with the header Content-Type: application/json, e.g. {\"question\": \"Can stem cell therapy help lupus?\"}.";

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        IAnswerService answers,
        IQuestionRateLimiter rateLimiter,
        WebMetrics metrics,
        IOptions<WebOptions> options,
        IOptions<AnsweringOptions> answering,
        CancellationToken cancellationToken)
    {
        var reminder = answering.Value.Reminder;
        var limit = options.Value.MaxAskBodyBytes;
        var tooLarge = $"The request body is larger than {limit} bytes.";
        if (!context.Request.HasJsonContentType())
        {
            return Error(metrics, StatusCodes.Status415UnsupportedMediaType, NotJson, reminder);
        }

        if (context.Request.ContentLength > limit)
        {
            return Error(metrics, StatusCodes.Status413PayloadTooLarge, tooLarge, reminder);
        }

        var admission = rateLimiter.TryAcquire(Platform, ClientKey.Of(context.Connection.RemoteIpAddress));
        if (!admission.Allowed)
        {
            return Refused(context, metrics, StatusCodes.Status429TooManyRequests, admission, reminder);
        }

        byte[] body;
        try
        {
            body = await ReadBoundedAsync(context.Request.Body, limit, cancellationToken);
        }
        catch (BodyTooLargeException)
        {
            return Error(metrics, StatusCodes.Status413PayloadTooLarge, tooLarge, reminder);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Error(metrics, StatusCodes.Status413PayloadTooLarge, tooLarge, reminder);
        }

        string? question;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("question", out var value)
                || value.ValueKind != JsonValueKind.String)
            {
                return Error(metrics, StatusCodes.Status400BadRequest, "Send a JSON object with a \"question\" string, e.g. {\"question\": \"Can stem cell therapy help lupus?\"}.", reminder);
            }

            question = value.GetString();
        }
        catch (JsonException ex)
        {
            return Error(metrics, StatusCodes.Status400BadRequest, $"The request body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}). Send {{\"question\": \"...\"}}.", reminder);
        }

        using var slot = await rateLimiter.EnterAsync(Platform, cancellationToken);
        if (!slot.Acquired)
        {
            return Refused(context, metrics, StatusCodes.Status503ServiceUnavailable, slot.Decision, reminder);
        }

        var answer = await answers.AnswerAsync(new Question(question ?? "") { Platform = Platform }, cancellationToken);
        return Results.Json(AnswerJson.ToDto(answer), AnswerJson.Options);
    }

    private static IResult Error(WebMetrics metrics, int status, string message, string reminder)
    {
        metrics.RecordRejection(Route, status);
        return Results.Json(new { error = message, reminder }, statusCode: status);
    }

    private static IResult Refused(HttpContext context, WebMetrics metrics, int status, RateLimitDecision decision, string reminder)
    {
        metrics.RecordRejection(Route, status);
        context.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Results.Json(new { error = decision.Reply, reminder, retry_after_seconds = decision.RetryAfterSeconds }, statusCode: status);
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new BodyTooLargeException();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private sealed class BodyTooLargeException : Exception;
}
