using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using QaBot.Answering;
using QaBot.Answering.Feedback;
using QaBot.Answering.RateLimiting;

namespace QaBot.Host.Web;

/// <summary>
/// <c>POST /api/feedback</c>: a Helpful / Not helpful click on the chat page,
/// <c>{"helpful": true|false, "kind": "answered", "passage_ids": ["..."], "question": "..."}</c> (the question only with
/// Not helpful), recorded through <see cref="IFeedbackSink"/> as platform <c>web</c> like the Discord and Teams buttons.
/// Refused as <c>/api/ask</c> refuses: 415 for a body that is not JSON, 413 over the body limit, 429 over the rate
/// limits, 400 for a body of the wrong shape; every error body carries a message and the reminder. Nothing of the body is
/// logged.
/// </summary>
internal static partial class FeedbackEndpoint
{
    public const string Route = "/api/feedback";
    public const string Platform = "web";

    /// <summary>At most this many passage ids (an answer cites a handful).</summary>
    public const int MaxPassageIds = 10;

    /// <summary>At most this long a passage id.</summary>
    public const int MaxPassageIdChars = 300;

    private const string Shape =
        "Send a JSON object like {\"helpful\": false, \"kind\": \"answered\", \"passage_ids\": [\"conditions/lupus#...\"], \"question\": \"...\"}.";

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        IFeedbackSink sink,
        IQuestionRateLimiter rateLimiter,
        AnsweringMetrics answeringMetrics,
        WebMetrics metrics,
        TimeProvider time,
        IOptions<WebOptions> options,
        IOptions<AnsweringOptions> answering,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var reminder = answering.Value.Reminder;
        var limit = options.Value.MaxAskBodyBytes;
        var tooLarge = $"The request body is larger than {limit} bytes.";
        if (!context.Request.HasJsonContentType())
        {
            return Error(metrics, StatusCodes.Status415UnsupportedMediaType, AskEndpoint.NotJson, reminder);
        }

        if (context.Request.ContentLength > limit)
        {
            return Error(metrics, StatusCodes.Status413PayloadTooLarge, tooLarge, reminder);
        }

        var admission = rateLimiter.TryAcquire(Platform, ClientKey.Of(context.Connection.RemoteIpAddress));
        if (!admission.Allowed)
        {
            metrics.RecordRejection(Route, StatusCodes.Status429TooManyRequests);
            context.Response.Headers.RetryAfter = admission.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Results.Json(
                new { error = admission.Reply, reminder, retry_after_seconds = admission.RetryAfterSeconds },
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        FeedbackEntry entry;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, new JsonDocumentOptions { MaxDepth = 4 }, cancellationToken);
            var problem = TryRead(document.RootElement, answering.Value.MaxQuestionChars, time, out entry);
            if (problem is not null)
            {
                return Error(metrics, StatusCodes.Status400BadRequest, problem + " " + Shape, reminder);
            }
        }
        catch (JsonException)
        {
            return Error(metrics, StatusCodes.Status400BadRequest, "The request body is not valid JSON. " + Shape, reminder);
        }
        catch (InvalidOperationException)
        {
            return Error(metrics, StatusCodes.Status400BadRequest, AskEndpoint.NotText, reminder);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Error(metrics, StatusCodes.Status413PayloadTooLarge, tooLarge, reminder);
        }

        answeringMetrics.RecordFeedback(Platform, entry.Helpful);
        try
        {
            await sink.RecordAsync(entry, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRecordFailed(loggers.CreateLogger(typeof(FeedbackEndpoint).FullName!), ex.GetType().Name);
            return Error(metrics, StatusCodes.Status503ServiceUnavailable, "Your feedback could not be recorded just now. Please try again later.", reminder);
        }

        return Results.Json(new { recorded = true, reminder });
    }

    /// <summary>Reads the click; returns what is wrong with the body, or null.</summary>
    internal static string? TryRead(JsonElement root, int maxQuestionChars, TimeProvider time, out FeedbackEntry entry)
    {
        entry = null!;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "The body must be a JSON object.";
        }

        if (!root.TryGetProperty("helpful", out var helpfulValue) || helpfulValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return "\"helpful\" must be true or false.";
        }

        var helpful = helpfulValue.GetBoolean();
        var kind = AnswerKind.Answered;
        if (root.TryGetProperty("kind", out var kindValue) && kindValue.ValueKind != JsonValueKind.Null)
        {
            if (kindValue.ValueKind != JsonValueKind.String || !TryParseKind(kindValue.GetString()!, out kind))
            {
                return "\"kind\" must be the kind of the answer, e.g. \"answered\".";
            }
        }

        var ids = new List<string>();
        if (root.TryGetProperty("passage_ids", out var idsValue) && idsValue.ValueKind != JsonValueKind.Null)
        {
            if (idsValue.ValueKind != JsonValueKind.Array || idsValue.GetArrayLength() > MaxPassageIds)
            {
                return $"\"passage_ids\" must be a list of at most {MaxPassageIds} passage ids.";
            }

            foreach (var id in idsValue.EnumerateArray())
            {
                var text = id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                if (string.IsNullOrEmpty(text) || text.Length > MaxPassageIdChars || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                {
                    return $"Each passage id must be a string of 1 to {MaxPassageIdChars} characters without spaces.";
                }

                ids.Add(text);
            }
        }

        string? question = null;
        if (root.TryGetProperty("question", out var questionValue) && questionValue.ValueKind != JsonValueKind.Null)
        {
            if (questionValue.ValueKind != JsonValueKind.String || questionValue.GetString()!.Length > maxQuestionChars)
            {
                return $"\"question\" must be a string of at most {maxQuestionChars} characters.";
            }

            question = questionValue.GetString();
        }

        entry = new FeedbackEntry
        {
            Platform = Platform,
            Helpful = helpful,
            Kind = kind,
            Question = helpful || string.IsNullOrWhiteSpace(question) ? null : question,
            PassageIds = ids.Distinct(StringComparer.Ordinal).ToList(),
            At = time.GetUtcNow(),
        };
        return null;
    }

    private static bool TryParseKind(string text, out AnswerKind kind)
    {
        foreach (var candidate in Enum.GetValues<AnswerKind>())
        {
            if (string.Equals(JsonNamingPolicy.SnakeCaseLower.ConvertName(candidate.ToString()), text, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    private static IResult Error(WebMetrics metrics, int status, string message, string reminder)
    {
        metrics.RecordRejection(Route, status);
        return Results.Json(new { error = message, reminder }, statusCode: status);
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Web feedback could not be recorded: {ExceptionType}")]
    private static partial void LogRecordFailed(ILogger logger, string exceptionType);
}
