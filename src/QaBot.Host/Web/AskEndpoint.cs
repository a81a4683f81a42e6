using System.Text.Json;
using Microsoft.Extensions.Options;
using QaBot.Answering;

namespace QaBot.Host.Web;

/// <summary><c>POST /api/ask</c>: <c>{"question": "..."}</c> in, the answer JSON out.</summary>
internal static class AskEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, IAnswerService answers, IOptions<WebOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxAskBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit} bytes.");
        }

        byte[] body;
        try
        {
            body = await ReadBoundedAsync(context.Request.Body, limit, cancellationToken);
        }
        catch (BodyTooLargeException)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit} bytes.");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit} bytes.");
        }

        string? question;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("question", out var value)
                || value.ValueKind != JsonValueKind.String)
            {
                return Error(StatusCodes.Status400BadRequest, "Send a JSON object with a \"question\" string, e.g. {\"question\": \"Can stem cell therapy help lupus?\"}.");
            }

            question = value.GetString();
        }
        catch (JsonException ex)
        {
            return Error(StatusCodes.Status400BadRequest, $"The request body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}). Send {{\"question\": \"...\"}}.");
        }

        var answer = await answers.AnswerAsync(new Question(question ?? "") { Platform = "api" }, cancellationToken);
        return Results.Json(AnswerJson.ToDto(answer), AnswerJson.Options);
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new { error = message }, statusCode: status);

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
