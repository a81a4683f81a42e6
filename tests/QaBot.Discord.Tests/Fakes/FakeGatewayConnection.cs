using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace QaBot.Discord.Tests.Fakes;

/// <summary>
/// One connection to the fake gateway, scripted by a test: it sends hello, dispatches, opcodes and close codes, and
/// reads what the client sends. Heartbeats are acknowledged automatically unless <see cref="AutoAckHeartbeats"/> is off.
/// </summary>
public sealed class FakeGatewayConnection
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly WebSocket socket;
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly Channel<JsonElement> inbox = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> heartbeats = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<int?> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool autoAckHeartbeats = true;

    public FakeGatewayConnection(WebSocket socket, string path, string query, string? userAgent)
    {
        this.socket = socket;
        Path = path;
        Query = query;
        UserAgent = userAgent;
    }

    public string Path { get; }

    public string Query { get; }

    public string? UserAgent { get; }

    /// <summary>Acknowledge heartbeats (op 11) without showing them to <see cref="ReceiveAsync"/>. Default true.</summary>
    public bool AutoAckHeartbeats
    {
        get => autoAckHeartbeats;
        set => autoAckHeartbeats = value;
    }

    /// <summary>Completes when the connection ends: the client's close code, or null when it dropped without one.</summary>
    public Task<int?> Closed => closed.Task;

    /// <summary>Reads what the client sends until it closes.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var frame = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        var code = (int?)result.CloseStatus;
                        try
                        {
                            await socket.CloseOutputAsync(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure, "bye", cancellationToken);
                        }
                        catch (WebSocketException)
                        {
                        }

                        closed.TrySetResult(code);
                        return;
                    }

                    frame.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var payload = JsonDocument.Parse(frame.ToArray()).RootElement.Clone();
                if (payload.GetProperty("op").GetInt32() == 1 && AutoAckHeartbeats)
                {
                    heartbeats.Writer.TryWrite(payload);
                    await SendAsync(new { op = 11 });
                }
                else
                {
                    inbox.Writer.TryWrite(payload);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            closed.TrySetResult(socket.CloseStatus is { } status ? (int)status : null);
        }
    }

    /// <summary>The next payload the client sent (heartbeats excluded while they are acknowledged automatically).</summary>
    public async Task<JsonElement> ReceiveAsync() => await inbox.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    /// <summary>The next payload, which must have opcode <paramref name="op"/>.</summary>
    public async Task<JsonElement> ReceiveAsync(int op)
    {
        var payload = await ReceiveAsync();
        Assert.Equal(op, payload.GetProperty("op").GetInt32());
        return payload;
    }

    public Task<JsonElement> ReceiveHeartbeatAsync() => heartbeats.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    public bool TryReceive(out JsonElement payload) => inbox.Reader.TryRead(out payload);

    public bool TryReceiveHeartbeat(out JsonElement payload) => heartbeats.Reader.TryRead(out payload);

    public Task SendAsync(object payload) => SendRawAsync(JsonSerializer.Serialize(payload));

    public async Task SendRawAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            sendLock.Release();
        }
    }

    public Task SendHelloAsync(int heartbeatIntervalMs = 45_000) =>
        SendAsync(new { op = 10, d = new { heartbeat_interval = heartbeatIntervalMs } });

    public Task SendDispatchAsync(string type, long sequence, object data) =>
        SendAsync(new { op = 0, t = type, s = sequence, d = data });

    public Task SendReadyAsync(long sequence, string resumeUrl, string sessionId = "session-1") =>
        SendDispatchAsync("READY", sequence, new
        {
            v = 10,
            user = new { id = DiscordTestHost.BotUserId, username = "QaBot", bot = true },
            guilds = new[] { new { id = DiscordTestHost.GuildId, unavailable = true } },
            session_id = sessionId,
            resume_gateway_url = resumeUrl,
            application = new { id = DiscordTestHost.ApplicationId, flags = 0 },
        });

    /// <summary>Hello, identify, ready: returns the identify payload.</summary>
    public async Task<JsonElement> HandshakeAsync(string resumeUrl, long sequence = 1)
    {
        await SendHelloAsync();
        var identify = await ReceiveAsync(op: 2);
        await SendReadyAsync(sequence, resumeUrl);
        return identify;
    }

    /// <summary>Sends a close frame with <paramref name="code"/>. The client may hang up before the send completes.</summary>
    public async Task CloseAsync(int code, string reason)
    {
        await sendLock.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the client read the frame and dropped the connection first
        }
        finally
        {
            sendLock.Release();
        }
    }

    public void Abort()
    {
        try
        {
            if (!closed.Task.IsCompleted)
            {
                socket.Abort();
            }
        }
        catch (ObjectDisposedException)
        {
            // the request is over already
        }
    }
}
