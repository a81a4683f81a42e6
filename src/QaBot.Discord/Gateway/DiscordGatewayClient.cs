using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Discord.Rest;

namespace QaBot.Discord.Gateway;

/// <summary>
/// Discord's gateway over <see cref="ClientWebSocket"/>: finds the URL with <c>GET /gateway/bot</c> (unless
/// <see cref="DiscordOptions.GatewayUrl"/> is set), connects with <c>v=10&amp;encoding=json</c>, and keeps one session
/// alive across connections: resume after drops, reconnect at once on opcode 7, 9 and zombie connections, with
/// exponential backoff and jitter after closes and failures, and stop for good on the fatal close codes.
/// </summary>
internal sealed partial class DiscordGatewayClient : IDiscordGateway, IDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly DiscordOptions options;
    private readonly IDiscordRestApi rest;
    private readonly DiscordStatus status;
    private readonly DiscordMetrics metrics;
    private readonly ILogger<DiscordGatewayClient> logger;
    private readonly GatewayConnectionContext context;
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile GatewayConnection? current;
    private volatile bool stopRequested;
    private string? gatewayUrl;

    public DiscordGatewayClient(
        IOptions<DiscordOptions> options,
        IDiscordRestApi rest,
        DiscordStatus status,
        TimeProvider time,
        Jitter jitter,
        DiscordMetrics metrics,
        ILogger<DiscordGatewayClient> logger)
    {
        this.options = options.Value;
        this.rest = rest;
        this.status = status;
        this.metrics = metrics;
        this.logger = logger;
        gatewayUrl = this.options.GatewayUrl is { Length: > 0 } url ? url : null;
        context = new GatewayConnectionContext(this.options, new GatewaySession(), new IdentifyGate(time), status, time, jitter, logger);
    }

    /// <summary>The session shared by the connections (for tests).</summary>
    internal GatewaySession Session => context.Session;

    public async Task RunAsync(IDiscordEventListener listener, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping.Token);
        var token = linked.Token;
        var failures = 0;
        status.Set(DiscordConnectionState.Connecting);
        try
        {
            while (!token.IsCancellationRequested && !stopRequested)
            {
                var (outcome, established) = await ConnectOnceAsync(listener, token).ConfigureAwait(false);
                if (established)
                {
                    failures = 0;
                }

                if (stopRequested || outcome.Kind == ConnectionOutcomeKind.Stop)
                {
                    break;
                }

                if (outcome.Kind == ConnectionOutcomeKind.Fatal)
                {
                    var reason = $"{outcome.Reason} (close code {outcome.CloseCode})";
                    status.Fail(reason);
                    DiscordLog.Fatal(logger, reason);
                    return;
                }

                status.Set(DiscordConnectionState.Reconnecting);
                metrics.RecordReconnect(outcome.Reason ?? "closed", outcome.CloseCode);
                if (outcome.Kind == ConnectionOutcomeKind.ReconnectLater)
                {
                    var delay = Backoff(failures++);
                    var until = context.Time.GetUtcNow() + delay;
                    if (outcome.CloseCode is int closeCode)
                    {
                        LogReconnecting(logger, closeCode, context.Session.CanResume, delay.TotalMilliseconds);
                    }
                    else
                    {
                        LogConnectionFailed(logger, outcome.Error ?? "unknown", context.Session.CanResume, delay.TotalMilliseconds); // one line, no stack trace
                    }

                    await DelayUntilAsync(until, token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            status.Set(DiscordConnectionState.Stopped);
            finished.TrySetResult();
        }

        LogClosed(logger);
    }

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        stopRequested = true;
        var connection = current;
        if (connection is not null)
        {
            await connection.CloseGracefullyAsync(cancellationToken).ConfigureAwait(false);
            var closeTimeout = Task.Delay(CloseTimeout, context.Time, cancellationToken);
            try
            {
                await Task.WhenAny(finished.Task, closeTimeout).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // the host's own shutdown timeout
            }
        }

        await stopping.CancelAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        stopping.Dispose();
        context.IdentifyGate.Dispose();
    }

    private async Task<(ConnectionOutcome Outcome, bool Established)> ConnectOnceAsync(IDiscordEventListener listener, CancellationToken token)
    {
        string url;
        try
        {
            url = context.Session.CanResume && context.Session.ResumeUrl is { } resumeUrl
                ? resumeUrl
                : gatewayUrl ??= await ResolveGatewayUrlAsync(token).ConfigureAwait(false);
        }
        catch (DiscordRestException ex) when (ex.IsBadToken)
        {
            return (ConnectionOutcome.Fatal(4004, ex.BadTokenReason), false);
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException)
        {
            return (ConnectionOutcome.Failed("getting the gateway URL: " + Describe(ex)), false);
        }

        using var connection = new GatewayConnection(context, listener);
        current = connection;
        try
        {
            LogConnecting(logger, context.Session.CanResume, options.ShardId, options.ShardCount);
            var outcome = await connection.RunAsync(WithQuery(url), token).ConfigureAwait(false);
            return (outcome, connection.Established);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or HttpRequestException or TimeoutException)
        {
            return (ConnectionOutcome.Failed(Describe(ex)), connection.Established);
        }
        finally
        {
            current = null;
        }
    }

    private async Task<string> ResolveGatewayUrlAsync(CancellationToken token)
    {
        var info = await rest.GetGatewayBotAsync(token).ConfigureAwait(false);
        context.IdentifyGate.Update(info.SessionStartLimit);
        if (info.SessionStartLimit is { } limit)
        {
            LogGatewayInfo(logger, info.Shards, limit.Remaining, limit.Total, limit.MaxConcurrency);
        }

        return info.Url;
    }

    /// <summary>About 1 s, 2 s, 4 s ... up to 60 s, each between half and all of that (jitter).</summary>
    private TimeSpan Backoff(int failures)
    {
        var full = Math.Min(MaxBackoff.TotalMilliseconds, 1000 * Math.Pow(2, Math.Min(failures, 10)));
        return TimeSpan.FromMilliseconds(full * (0.5 + (0.5 * context.Jitter.NextDouble())));
    }

    private async Task DelayUntilAsync(DateTimeOffset until, CancellationToken token)
    {
        var remaining = until - context.Time.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, context.Time, token).ConfigureAwait(false);
        }
    }

    /// <summary>An exception as one short line: its type and, for socket and HTTP errors, their kind or status (never a message, which may hold a URL).</summary>
    private static string Describe(Exception ex) => ex switch
    {
        DiscordRestException rest => $"{nameof(DiscordRestException)} {(int)rest.Status}",
        WebSocketException socket when socket.InnerException is HttpRequestException { HttpRequestError: var kind } => $"{nameof(WebSocketException)} {socket.WebSocketErrorCode}, {kind}",
        WebSocketException socket => $"{nameof(WebSocketException)} {socket.WebSocketErrorCode}",
        HttpRequestException { StatusCode: { } status } => $"{nameof(HttpRequestException)} {(int)status}",
        HttpRequestException http => $"{nameof(HttpRequestException)} {http.HttpRequestError}",
        _ => ex.GetType().Name,
    };

    private static Uri WithQuery(string url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Discord gateway: connecting (resume: {Resume}, shard {ShardId} of {ShardCount})")]
    private static partial void LogConnecting(ILogger logger, bool resume, int shardId, int shardCount);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Discord gateway: {Shards} recommended shards, {Remaining} of {Total} session starts left, identify concurrency {MaxConcurrency}")]
    private static partial void LogGatewayInfo(ILogger logger, int shards, int remaining, int total, int maxConcurrency);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Warning, Message = "Discord gateway: closed with code {CloseCode}; reconnecting (resume: {Resume}) in {DelayMs:F0} ms")]
    private static partial void LogReconnecting(ILogger logger, int closeCode, bool resume, double delayMs);

    [LoggerMessage(EventId = 6015, Level = LogLevel.Warning, Message = "Discord gateway: could not connect ({Error}); retrying (resume: {Resume}) in {DelayMs:F0} ms")]
    private static partial void LogConnectionFailed(ILogger logger, string error, bool resume, double delayMs);

    [LoggerMessage(EventId = 6017, Level = LogLevel.Information, Message = "Discord gateway: closed")]
    private static partial void LogClosed(ILogger logger);
}
