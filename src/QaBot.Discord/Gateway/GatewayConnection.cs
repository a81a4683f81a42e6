using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using QaBot.Discord.Model;

namespace QaBot.Discord.Gateway;

/// <summary>
/// One WebSocket connection to the gateway: hello, heartbeats (the first one jittered; a beat whose predecessor was
/// never acknowledged means a zombie connection), identify or resume, dispatches to the listener, and the opcodes and
/// close codes that end it. The session outlives the connection (<see cref="GatewaySession"/>).
/// </summary>
internal sealed partial class GatewayConnection : IDisposable
{
    private const int MaxFrameBytes = 16 * 1024 * 1024;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly GatewayConnectionContext context;
    private readonly IDiscordEventListener listener;
    private readonly byte[] chunk = new byte[16 * 1024];
    private CancellationTokenSource? lifetime;
    private volatile bool awaitingAck;
    private volatile ConnectionOutcome? forcedOutcome;
    private volatile bool closingGracefully;
    private Task heartbeat = Task.CompletedTask;
    private Task identify = Task.CompletedTask;

    public GatewayConnection(GatewayConnectionContext context, IDiscordEventListener listener)
    {
        this.context = context;
        this.listener = listener;
        socket.Options.SetRequestHeader("User-Agent", DiscordUserAgent.For(context.Options));
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // heartbeats are the liveness check
    }

    /// <summary>True once this connection reached READY or RESUMED.</summary>
    public bool Established { get; private set; }

    private ILogger Logger => context.Logger;

    /// <summary>Connects and runs until the connection ends; tells how it ended. Network failures throw.</summary>
    public async Task<ConnectionOutcome> RunAsync(Uri url, CancellationToken cancellationToken)
    {
        using (var connectTimeout = new CancellationTokenSource(ConnectTimeout, context.Time))
        using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectTimeout.Token))
        {
            try
            {
                await socket.ConnectAsync(url, connecting.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (connectTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("The gateway did not accept the connection within 30 seconds.");
            }
        }

        lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = lifetime.Token;
        try
        {
            while (true)
            {
                var frame = await ReceiveFrameAsync(token).ConfigureAwait(false);
                if (frame is null)
                {
                    var outcome = OutcomeOfClose();
                    await TryCloseAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, "", token).ConfigureAwait(false); // complete the handshake
                    return outcome;
                }

                ConnectionOutcome? ending;
                try
                {
                    ending = await HandleFrameAsync(frame, token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    LogUnreadableFrame(Logger, ex.GetType().Name); // a malformed payload: skip it
                    ending = null;
                }

                if (ending is not null)
                {
                    return ending;
                }
            }
        }
        catch (OperationCanceledException) when (forcedOutcome is not null)
        {
            return forcedOutcome;
        }
        catch (WebSocketException) when (forcedOutcome is not null)
        {
            return forcedOutcome;
        }
        catch (WebSocketException) when (closingGracefully)
        {
            return ConnectionOutcome.Stop;
        }
        finally
        {
            await lifetime.CancelAsync().ConfigureAwait(false);
            await IgnoreFailures(heartbeat).ConfigureAwait(false);
            await IgnoreFailures(identify).ConfigureAwait(false);
        }
    }

    /// <summary>Starts the closing handshake with 1000 (ending the session); the receive loop then returns Stop.</summary>
    public async Task CloseGracefullyAsync(CancellationToken cancellationToken)
    {
        closingGracefully = true;
        if (socket.State != WebSocketState.Open)
        {
            if (lifetime is not null)
            {
                await lifetime.CancelAsync().ConfigureAwait(false);
            }

            return;
        }

        await TryCloseAsync(WebSocketCloseStatus.NormalClosure, "shutting down", cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        socket.Dispose();
        sendLock.Dispose();
        lifetime?.Dispose();
    }

    private async Task<ConnectionOutcome?> HandleFrameAsync(byte[] frame, CancellationToken token)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        var op = (GatewayOpcode)root.GetProperty("op").GetInt32();
        var data = root.TryGetProperty("d", out var d) ? d : default;
        switch (op)
        {
            case GatewayOpcode.Hello:
                var interval = TimeSpan.FromMilliseconds(data.GetProperty("heartbeat_interval").GetDouble());
                heartbeat = HeartbeatLoopAsync(interval, token); // the first beat's timer exists before identify is sent
                identify = context.Session.CanResume ? SendResumeAsync(token) : IdentifyAsync(token);
                return null;

            case GatewayOpcode.HeartbeatAck:
                awaitingAck = false;
                context.Session.Acknowledged();
                return null;

            case GatewayOpcode.Heartbeat:
                await SendHeartbeatAsync(token).ConfigureAwait(false);
                return null;

            case GatewayOpcode.Reconnect:
                LogReconnectRequested(Logger);
                await TryCloseAsync((WebSocketCloseStatus)GatewayCloseCodes.Reconnecting, "reconnect requested", token).ConfigureAwait(false);
                return ConnectionOutcome.Now("requested");

            case GatewayOpcode.InvalidSession:
                var resumable = data.ValueKind == JsonValueKind.True;
                if (!resumable)
                {
                    context.Session.Reset();
                }

                var wait = TimeSpan.FromSeconds(1 + (4 * context.Jitter.NextDouble())); // Discord: wait 1 to 5 seconds
                var until = context.Time.GetUtcNow() + wait;
                LogInvalidSession(Logger, resumable, wait.TotalMilliseconds);
                var remaining = until - context.Time.GetUtcNow();
                if (remaining > TimeSpan.Zero)
                {
                    await Task.Delay(remaining, context.Time, token).ConfigureAwait(false);
                }
                await TryCloseAsync((WebSocketCloseStatus)GatewayCloseCodes.Reconnecting, "invalid session", token).ConfigureAwait(false);
                return ConnectionOutcome.Now("invalid_session");

            case GatewayOpcode.Dispatch:
                if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number)
                {
                    context.Session.Observe(s.GetInt64());
                }

                var type = root.TryGetProperty("t", out var t) ? t.GetString() : null;
                await DispatchAsync(type, data, token).ConfigureAwait(false);
                return null;

            default:
                return null;
        }
    }

    private async Task DispatchAsync(string? type, JsonElement data, CancellationToken token)
    {
        try
        {
            switch (type)
            {
                case "READY":
                    var ready = data.Deserialize<DiscordReady>(DiscordJson.Options)!;
                    context.Session.Start(ready.SessionId, ready.ResumeGatewayUrl);
                    Established = true;
                    context.Status.Set(DiscordConnectionState.Connected);
                    LogReady(Logger, context.Options.ShardId, context.Options.ShardCount, ready.Guilds.Count);
                    await listener.OnReadyAsync(ready, token).ConfigureAwait(false);
                    break;

                case "RESUMED":
                    Established = true;
                    context.Status.Set(DiscordConnectionState.Connected);
                    LogResumed(Logger, context.Session.Sequence ?? 0);
                    break;

                case "MESSAGE_CREATE":
                    await listener.OnMessageCreatedAsync(data.Deserialize<DiscordMessage>(DiscordJson.Options)!, token).ConfigureAwait(false);
                    break;

                case "INTERACTION_CREATE":
                    await listener.OnInteractionCreatedAsync(data.Deserialize<DiscordInteraction>(DiscordJson.Options)!, token).ConfigureAwait(false);
                    break;
            }
        }
        catch (JsonException)
        {
            LogUnreadableEvent(Logger, type ?? "");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogListenerFailed(Logger, type ?? "", ex);
        }
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval, CancellationToken token)
    {
        try
        {
            var tick = Task.Delay(interval * context.Jitter.NextDouble(), context.Time, token);
            while (true)
            {
                await tick.ConfigureAwait(false);
                if (awaitingAck)
                {
                    LogZombie(Logger, interval.TotalMilliseconds);
                    forcedOutcome = ConnectionOutcome.Now("zombie");
                    await TryCloseAsync((WebSocketCloseStatus)GatewayCloseCodes.Reconnecting, "no heartbeat ack", token).ConfigureAwait(false);
                    await lifetime!.CancelAsync().ConfigureAwait(false);
                    return;
                }

                tick = Task.Delay(interval, context.Time, token); // armed before sending, so a test's clock can move right after
                await SendHeartbeatAsync(token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // the connection is ending; the receive loop reports how
        }
    }

    private Task SendHeartbeatAsync(CancellationToken token)
    {
        awaitingAck = true;
        return SendAsync(new { op = (int)GatewayOpcode.Heartbeat, d = context.Session.Sequence }, token);
    }

    private async Task IdentifyAsync(CancellationToken token)
    {
        try
        {
            var waited = await context.IdentifyGate.WaitAsync(context.Options.ShardId, token).ConfigureAwait(false);
            if (waited > TimeSpan.Zero)
            {
                LogIdentifyWaited(Logger, waited.TotalMilliseconds);
            }

            var intents = GatewayIntentsExtensions.FromOptions(context.Options);
            await SendAsync(
                new
                {
                    op = (int)GatewayOpcode.Identify,
                    d = new
                    {
                        token = context.Options.Token,
                        intents = (int)intents,
                        properties = new { os = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), browser = "QaBot", device = "QaBot" },
                        shard = new[] { context.Options.ShardId, context.Options.ShardCount },
                    },
                },
                token).ConfigureAwait(false);
            LogIdentified(Logger, (int)intents, context.Options.ShardId, context.Options.ShardCount);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // the connection is ending
        }
    }

    private async Task SendResumeAsync(CancellationToken token)
    {
        try
        {
            await SendAsync(
                new
                {
                    op = (int)GatewayOpcode.Resume,
                    d = new { token = context.Options.Token, session_id = context.Session.SessionId, seq = context.Session.Sequence },
                },
                token).ConfigureAwait(false);
            LogResuming(Logger, context.Session.Sequence ?? 0);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // the connection is ending
        }
    }

    private async Task SendAsync<T>(T payload, CancellationToken token)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, DiscordJson.Options);
        await sendLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, token).ConfigureAwait(false);
        }
        finally
        {
            sendLock.Release();
        }
    }

    private async Task TryCloseAsync(WebSocketCloseStatus code, string reason, CancellationToken token)
    {
        try
        {
            await sendLock.WaitAsync(token).ConfigureAwait(false);
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(code, reason, token).ConfigureAwait(false);
                }
            }
            finally
            {
                sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // already closed
        }
    }

    private async Task<byte[]?> ReceiveFrameAsync(CancellationToken token)
    {
        using var buffer = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(chunk.AsMemory(), token).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Write(chunk, 0, result.Count);
            if (buffer.Length > MaxFrameBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, "A gateway message was larger than 16 MiB.");
            }

            if (result.EndOfMessage)
            {
                return buffer.ToArray();
            }
        }
    }

    private ConnectionOutcome OutcomeOfClose()
    {
        if (forcedOutcome is not null)
        {
            return forcedOutcome;
        }

        if (closingGracefully)
        {
            return ConnectionOutcome.Stop;
        }

        var code = (int?)socket.CloseStatus;
        if (code is int value)
        {
            if (GatewayCloseCodes.FatalReason(value) is { } reason)
            {
                return ConnectionOutcome.Fatal(value, reason);
            }

            if (GatewayCloseCodes.EndsSession(value))
            {
                context.Session.Reset();
            }
        }

        return ConnectionOutcome.Later(code);
    }

    private static async Task IgnoreFailures(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // already reported where it happened
        }
    }

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Discord gateway: identified (intents {Intents}, shard {ShardId} of {ShardCount})")]
    private static partial void LogIdentified(ILogger logger, int intents, int shardId, int shardCount);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Discord gateway: ready (shard {ShardId} of {ShardCount}, {Guilds} guilds)")]
    private static partial void LogReady(ILogger logger, int shardId, int shardCount, int guilds);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Discord gateway: resuming the session at sequence {Sequence}")]
    private static partial void LogResuming(ILogger logger, long sequence);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Discord gateway: session resumed at sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, long sequence);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "Discord gateway: no heartbeat acknowledgement within {IntervalMs:F0} ms; reconnecting (zombie connection)")]
    private static partial void LogZombie(ILogger logger, double intervalMs);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Information, Message = "Discord gateway: Discord asked to reconnect (opcode 7)")]
    private static partial void LogReconnectRequested(ILogger logger);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Warning, Message = "Discord gateway: invalid session (resumable: {Resumable}); reconnecting in {DelayMs:F0} ms")]
    private static partial void LogInvalidSession(ILogger logger, bool resumable, double delayMs);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "Discord gateway: waited {DelayMs:F0} ms for the identify rate limit")]
    private static partial void LogIdentifyWaited(ILogger logger, double delayMs);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "Discord gateway: could not read a {EventType} event; skipped")]
    private static partial void LogUnreadableEvent(ILogger logger, string eventType);

    [LoggerMessage(EventId = 6018, Level = LogLevel.Warning, Message = "Discord gateway: skipped a payload that could not be read ({Error})")]
    private static partial void LogUnreadableFrame(ILogger logger, string error);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Error, Message = "Discord gateway: handling a {EventType} event failed")]
    private static partial void LogListenerFailed(ILogger logger, string eventType, Exception exception);
}
