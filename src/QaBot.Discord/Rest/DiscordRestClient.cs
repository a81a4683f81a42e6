using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Discord.Model;

namespace QaBot.Discord.Rest;

/// <summary>
/// Discord's REST API over an <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/> (named
/// <see cref="HttpClientName"/>, with the base URL and User-Agent set and the factory's request logging removed, since
/// interaction tokens travel in paths). Rate limits are waited out; 5xx and network errors are retried with backoff.
/// </summary>
internal sealed partial class DiscordRestClient(
    IHttpClientFactory httpClientFactory,
    IOptions<DiscordOptions> options,
    DiscordRateLimiter rateLimiter,
    TimeProvider time,
    Jitter jitter,
    ILogger<DiscordRestClient> logger) : IDiscordRestApi
{
    public const string HttpClientName = "QaBot.Discord";

    /// <summary>Retries of 5xx answers and network errors, with backoff (0.5 s, 1 s, 2 s, ...).</summary>
    internal const int MaxServerRetries = 4;

    /// <summary>429s in a row before giving up (each one is waited out first).</summary>
    internal const int MaxRateLimitRetries = 10;

    /// <summary>Discord's window for the first response to an interaction: retries after it are useless.</summary>
    internal static readonly TimeSpan InteractionResponseWindow = TimeSpan.FromSeconds(3);

    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        await SendAsync<GatewayBotInfo>(DiscordRoute.GatewayBot(), body: null, authenticate: true, cancellationToken).ConfigureAwait(false)
        ?? throw new DiscordRestException("Discord sent no body for GET gateway/bot.");

    public async Task<DiscordApplication> GetCurrentApplicationAsync(CancellationToken cancellationToken) =>
        await SendAsync<DiscordApplication>(DiscordRoute.CurrentApplication(), body: null, authenticate: true, cancellationToken).ConfigureAwait(false)
        ?? throw new DiscordRestException("Discord sent no body for GET applications/@me.");

    public Task OverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) =>
        SendAsync<JsonElement?>(
            guildId is null ? DiscordRoute.OverwriteGlobalCommands(applicationId) : DiscordRoute.OverwriteGuildCommands(applicationId, guildId),
            commands,
            authenticate: true,
            cancellationToken);

    public async Task<DiscordMessage> CreateMessageAsync(string channelId, MessageCreate message, CancellationToken cancellationToken) =>
        await SendAsync<DiscordMessage>(DiscordRoute.CreateMessage(channelId), message, authenticate: true, cancellationToken).ConfigureAwait(false)
        ?? throw new DiscordRestException("Discord sent no message back.");

    public async Task<DiscordChannel> StartThreadFromMessageAsync(string channelId, string messageId, string name, CancellationToken cancellationToken) =>
        await SendAsync<DiscordChannel>(
            DiscordRoute.StartThreadFromMessage(channelId, messageId),
            new { name, auto_archive_duration = 1440 },
            authenticate: true,
            cancellationToken).ConfigureAwait(false)
        ?? throw new DiscordRestException("Discord sent no thread back.");

    public Task CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken) =>
        CreateInteractionResponseAsync(interactionId, interactionToken, response, time.GetUtcNow(), cancellationToken);

    public async Task CreateInteractionResponseAsync(
        string interactionId, string interactionToken, InteractionResponse response, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var route = DiscordRoute.InteractionCallback(interactionId, interactionToken);
        var remaining = receivedAt + InteractionResponseWindow - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            LogWindowPassed(logger, route.Name);
            throw new DiscordRestException(route.Name + ": Discord's 3 s window to respond to the interaction had passed.", route.Name);
        }

        using var window = new CancellationTokenSource(remaining, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, window.Token);
        try
        {
            await SendAsync<JsonElement?>(route, response, authenticate: false, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogWindowPassed(logger, route.Name); // retrying later is useless: Discord has shown "This interaction failed"
            throw new DiscordRestException(route.Name + ": Discord's 3 s window to respond to the interaction passed.", route.Name);
        }
    }

    public async Task<DiscordMessage> CreateFollowupMessageAsync(string applicationId, string interactionToken, MessageCreate message, CancellationToken cancellationToken) =>
        await SendAsync<DiscordMessage>(DiscordRoute.FollowupMessage(applicationId, interactionToken), message, authenticate: false, cancellationToken).ConfigureAwait(false)
        ?? throw new DiscordRestException("Discord sent no message back.");

    private async Task<T?> SendAsync<T>(DiscordRoute route, object? body, bool authenticate, CancellationToken cancellationToken)
    {
        var content = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), DiscordJson.Options);
        var client = httpClientFactory.CreateClient(HttpClientName);
        var serverErrors = 0;
        var rateLimits = 0;
        while (true)
        {
            TimeSpan retryIn;
            using (await rateLimiter.AcquireAsync(route, cancellationToken).ConfigureAwait(false))
            {
                using var request = CreateRequest(route, content, authenticate);
                HttpResponseMessage? response = null;
                string? networkError = null;
                try
                {
                    response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException ex) when (serverErrors < MaxServerRetries)
                {
                    networkError = ex.GetType().Name;
                }

                using (response)
                {
                    if (response is null)
                    {
                        retryIn = Backoff(serverErrors++);
                        LogNetworkError(logger, route.Name, networkError ?? "", serverErrors, retryIn.TotalMilliseconds);
                    }
                    else
                    {
                        rateLimiter.Update(route, response.Headers);
                        if (response.StatusCode == HttpStatusCode.TooManyRequests && rateLimits < MaxRateLimitRetries)
                        {
                            rateLimits++;
                            var (retryAfter, global) = await ReadRateLimitAsync(response, cancellationToken).ConfigureAwait(false);
                            rateLimiter.RateLimited(route, retryAfter, global);
                            LogRateLimited(logger, route.Name, retryAfter.TotalMilliseconds, global);
                            continue; // the next acquire waits the limit out
                        }

                        if ((int)response.StatusCode >= 500 && serverErrors < MaxServerRetries)
                        {
                            retryIn = Backoff(serverErrors++);
                            LogServerError(logger, route.Name, (int)response.StatusCode, serverErrors, retryIn.TotalMilliseconds);
                        }
                        else if (!response.IsSuccessStatusCode)
                        {
                            var (code, fields) = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                            var fieldText = fields.Count == 0 ? "none" : string.Join("; ", fields);
                            LogRefused(logger, route.Name, (int)response.StatusCode, code, fieldText);
                            throw new DiscordRestException(route.Name, response.StatusCode, code, fields);
                        }
                        else
                        {
                            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                            return bytes.Length == 0 ? default : JsonSerializer.Deserialize<T>(bytes, DiscordJson.Options);
                        }
                    }
                }
            }

            await Task.Delay(retryIn, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private HttpRequestMessage CreateRequest(DiscordRoute route, byte[]? content, bool authenticate)
    {
        var request = new HttpRequestMessage(route.Method, new Uri(route.Path, UriKind.Relative));
        if (authenticate)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.Token);
        }

        if (content is not null)
        {
            request.Content = new ByteArrayContent(content);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    /// <summary>Exponential backoff with jitter: about 0.5 s, 1 s, 2 s, 4 s.</summary>
    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(500 * Math.Pow(2, attempt) * (0.75 + (jitter.NextDouble() * 0.5)));

    private static async Task<(TimeSpan RetryAfter, bool Global)> ReadRateLimitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        double? seconds = null;
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var globalValues)
                     && globalValues.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (bytes.Length > 0)
            {
                using var document = JsonDocument.Parse(bytes);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    if (root.TryGetProperty("retry_after", out var retry) && retry.ValueKind == JsonValueKind.Number)
                    {
                        seconds = retry.GetDouble();
                    }

                    if (root.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True)
                    {
                        global = true;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // a proxy's HTML page: fall back to the headers
        }

        if (seconds is null && response.Headers.TryGetValues("Retry-After", out var retryHeader)
            && double.TryParse(retryHeader.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var headerSeconds))
        {
            seconds = headerSeconds;
        }

        return (TimeSpan.FromSeconds(Math.Clamp(seconds ?? 1, 0, 3600)), global);
    }

    /// <summary>Discord's error code and field errors (paths and codes only: never its messages).</summary>
    private static async Task<(int? Code, IReadOnlyList<string> Fields)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var code = root.ValueKind == JsonValueKind.Object
                       && root.TryGetProperty("code", out var codeElement)
                       && codeElement.ValueKind == JsonValueKind.Number
                       && codeElement.TryGetInt32(out var value)
                ? value
                : (int?)null;
            return (code, DiscordFieldErrors.Read(root));
        }
        catch (JsonException)
        {
            return (null, []);
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Discord rate limit on {Route}: waiting {DelayMs:F0} ms (global: {Global})")]
    private static partial void LogRateLimited(ILogger logger, string route, double delayMs, bool global);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Discord answered {Status} to {Route}; retry {Attempt} in {DelayMs:F0} ms")]
    private static partial void LogServerError(ILogger logger, string route, int status, int attempt, double delayMs);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Discord request {Route} failed ({Error}); retry {Attempt} in {DelayMs:F0} ms")]
    private static partial void LogNetworkError(ILogger logger, string route, string error, int attempt, double delayMs);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "Discord: gave up on {Route}: Discord's 3 s window to respond to the interaction passed")]
    private static partial void LogWindowPassed(ILogger logger, string route);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Discord refused {Route} with {Status} (error code {Code}; field errors: {FieldErrors})")]
    private static partial void LogRefused(ILogger logger, string route, int status, int? code, string fieldErrors);
}
