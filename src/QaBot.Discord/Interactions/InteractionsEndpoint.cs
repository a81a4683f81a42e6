using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using QaBot.Discord.Bot;
using QaBot.Discord.Model;

namespace QaBot.Discord.Interactions;

/// <summary>
/// <c>POST /api/discord/interactions</c>, Discord's "Interactions Endpoint URL": the signature is checked before
/// anything else is read (401 when bad or missing, or when its timestamp is not within the last 5 minutes; 413 before that when the declared body is too large), PING gets PONG, and <c>/ask</c>, <c>/about</c> and the feedback
/// buttons are handled like on the gateway (an interaction id already handled gets 409); a follow-up starts only once the
/// response has been sent.
/// </summary>
internal static partial class InteractionsEndpoint
{
    public const string Path = "/api/discord/interactions";
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        InteractionSignatureVerifier verifier,
        DiscordBot bot,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(typeof(InteractionsEndpoint).FullName!);
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            LogRejected(logger, "declared body too large");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge); // before anything is read
        }

        var signature = context.Request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = context.Request.Headers["X-Signature-Timestamp"].ToString();
        if (signature.Length == 0 || timestamp.Length == 0)
        {
            LogRejected(logger, "missing signature headers");
            return Unauthorized();
        }

        if (!SignatureTimestamp.IsFresh(timestamp, time.GetUtcNow()))
        {
            LogRejected(logger, "signature timestamp not numeric, too old or in the future");
            return Unauthorized();
        }

        var body = await ReadBoundedAsync(context.Request.Body, cancellationToken);
        if (body is null)
        {
            LogRejected(logger, "body too large");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!verifier.Verify(timestamp, signature, body))
        {
            LogRejected(logger, "invalid signature");
            return Unauthorized();
        }

        DiscordInteraction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize<DiscordInteraction>(body, DiscordJson.Options);
        }
        catch (JsonException)
        {
            interaction = null;
        }

        if (interaction is null)
        {
            return Results.BadRequest();
        }

        if (bot.IsRepeat(interaction, "interactions endpoint"))
        {
            return Results.StatusCode(StatusCodes.Status409Conflict); // handled once already (a replayed request)
        }

        var plan = await bot.PlanAsync(interaction, cancellationToken);
        if (plan.Before is { } before)
        {
            await before(cancellationToken); // e.g. a feedback click is recorded before it is thanked
        }

        if (plan.FollowUp is { } followUp)
        {
            context.Response.OnCompleted(() =>
            {
                bot.RunFollowUp(interaction, followUp);
                return Task.CompletedTask;
            });
        }

        return Results.Json(plan.Response, DiscordJson.Options);
    }

    private static IResult Unauthorized() => Results.Text("invalid request signature", statusCode: StatusCodes.Status401Unauthorized);

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 6501, Level = LogLevel.Debug, Message = "Discord interactions endpoint: rejected a request ({Reason})")]
    private static partial void LogRejected(ILogger logger, string reason);
}
