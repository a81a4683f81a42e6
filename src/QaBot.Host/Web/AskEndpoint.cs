using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using QaBot.Answering;
using QaBot.Answering.Conversations;
using QaBot.Answering.RateLimiting;
using QaBot.Answering.Turns;

namespace QaBot.Host.Web;

/// <summary>
/// <c>POST /api/ask</c>: <c>{"question": "...", "conversation_id": "..."}</c> in (the id optional: one is made when absent), the
/// answer JSON with its <c>conversation_id</c> out: the next question sent with it is answered in that conversation. A body not declared as JSON gets 415, a
/// declared body over the limit 413 before anything is read, a body that turns out too large 413 and a malformed one
/// (not JSON, invalid UTF-8, a lone surrogate escape) 400; then the question turn (<see cref="IQuestionTurn"/>): a safety reply comes before every limit; a client over the
/// rate limits gets 429 with <c>Retry-After</c>, and when every answering slot is taken and the queue is full, 503 with
/// <c>Retry-After</c>. Every error body carries a message and the reminder.
/// </summary>
internal static class AskEndpoint
{
    public const string Route = "/api/ask";
    public const string Platform = "api";

    /// <summary>The 415 message of the JSON endpoints.</summary>
    public const string NotJson = "Send the request as JSON with the header Content-Type: application/json, e.g. {\"question\": \"Can stem cell therapy help lupus?\"}.";

    /// <summary>The 400 message of a JSON string that is not text (invalid UTF-8, a lone surrogate escape).</summary>
    public const string NotText = "The request body is not valid text: it has invalid UTF-8 or an unpaired surrogate escape such as \\ud800. Send {\"question\": \"...\"} in UTF-8.";

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        IQuestionTurn turn,
        AskGate gate,
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
        string? conversationId = null;
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
            if (document.RootElement.TryGetProperty("conversation_id", out var conversation) && conversation.ValueKind != JsonValueKind.Null)
            {
                conversationId = conversation.ValueKind == JsonValueKind.String ? conversation.GetString() : null;
                if (!ConversationIds.IsValid(conversationId))
                {
                    return Error(metrics, StatusCodes.Status400BadRequest, ConversationIds.Invalid, reminder);
                }
            }
        }
        catch (JsonException ex)
        {
            return Error(metrics, StatusCodes.Status400BadRequest, $"The request body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}). Send {{\"question\": \"...\"}}.", reminder);
        }
        catch (InvalidOperationException)
        {
            // JsonElement.GetString: invalid UTF-8 inside the string, or an escaped lone surrogate such as \ud800.
            return Error(metrics, StatusCodes.Status400BadRequest, NotText, reminder);
        }

        conversationId ??= ConversationIds.New();
        var request = new TurnRequest(question ?? "")
        {
            Platform = Platform,
            RateLimitKey = ClientKey.Of(context.Connection.RemoteIpAddress),
            Conversation = new ConversationKey(Platform, conversationId),
        };
        var result = await gate.AskAsync(turn, request, cancellationToken); // bounded: over the bound, 503 at once
        if (!result.Answered)
        {
            var status = result.Refusal.Reason == RateLimitOutcome.Busy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests;
            return Refused(context, metrics, status, result.Refusal);
        }

        return Results.Json(AnswerJson.ToDto(result.Answer) with { ConversationId = conversationId }, AnswerJson.Options);
    }

    private static IResult Error(WebMetrics metrics, int status, string message, string reminder)
    {
        metrics.RecordRejection(Route, status);
        return Results.Json(new { error = message, reminder }, statusCode: status);
    }

    private static IResult Refused(HttpContext context, WebMetrics metrics, int status, TurnRefusal refusal)
    {
        metrics.RecordRejection(Route, status);
        context.Response.Headers.RetryAfter = refusal.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Results.Json(new { error = refusal.Text, reminder = refusal.Reminder, retry_after_seconds = refusal.RetryAfterSeconds }, statusCode: status);
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
