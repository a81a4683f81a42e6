using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace QaBot.Discord.Tests.Fakes;

/// <summary>
/// A Discord for the tests, on 127.0.0.1 and a free port: the REST API under <c>/api/v10</c> (with Discord's limits
/// and bot authorization checked) and the gateway as a real WebSocket at <c>/gateway</c> and <c>/resume</c>.
/// </summary>
public sealed partial class FakeDiscord : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<FakeGatewayConnection> pending = Channel.CreateUnbounded<FakeGatewayConnection>();
    private readonly ConcurrentQueue<FakeGatewayConnection> connections = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> scripted = new();
    private readonly CancellationTokenSource stopping = new();
    private long nextId = 1_000_000_000_000_000_000;

    private FakeDiscord(WebApplication app)
    {
        this.app = app;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public string ApiBaseUrl => new Uri(BaseAddress, "api/v10").ToString();

    public string GatewayUrl => "ws://" + BaseAddress.Authority + "/gateway";

    public string ResumeUrl => "ws://" + BaseAddress.Authority + "/resume";

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public int ConnectionCount => connections.Count;

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var discord = new FakeDiscord(app);
        app.UseWebSockets();
        app.Map("/gateway", discord.AcceptGatewayAsync);
        app.Map("/resume", discord.AcceptGatewayAsync);
        app.Map("/api/v10/{**path}", discord.HandleRestAsync);
        await app.StartAsync();
        discord.BaseAddress = new Uri(app.Urls.First() + "/");
        return discord;
    }

    /// <summary>The next connection the client opens.</summary>
    public Task<FakeGatewayConnection> NextConnectionAsync() =>
        pending.Reader.ReadAsync().AsTask().WaitAsync(FakeGatewayConnection.Timeout);

    public bool TryNextConnection(out FakeGatewayConnection connection) => pending.Reader.TryRead(out connection!);

    /// <summary>Makes the next request to <paramref name="method"/> <paramref name="path"/> get <paramref name="response"/>.</summary>
    public void Enqueue(string method, string path, FakeResponse response) =>
        scripted.GetOrAdd(method + " " + path, _ => new ConcurrentQueue<FakeResponse>()).Enqueue(response);

    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> predicate, int count = 1)
    {
        var deadline = DateTime.UtcNow + FakeGatewayConnection.Timeout;
        while (true)
        {
            var matching = requests.Where(predicate).ToList();
            if (matching.Count >= count)
            {
                return matching[count - 1];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The fake Discord received {matching.Count} of {count} expected requests; all: " +
                                           string.Join(", ", requests.Select(r => r.Method + " " + r.Path + " " + r.Status)));
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        foreach (var connection in connections)
        {
            connection.Abort();
        }

        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }

    private async Task AcceptGatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeGatewayConnection(
            socket, context.Request.Path, context.Request.QueryString.Value ?? "", context.Request.Headers.UserAgent.ToString());
        connections.Enqueue(connection);
        var running = connection.RunAsync(stopping.Token);
        pending.Writer.TryWrite(connection);
        await running;
    }

    private async Task HandleRestAsync(HttpContext context)
    {
        var path = (string)context.Request.RouteValues["path"]!;
        var method = context.Request.Method;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

        var response = Scripted(method, path) ?? Default(method, path, body, headers);
        requests.Enqueue(new RecordedRequest(method, path, headers, body, response.Status));
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }
    }

    private FakeResponse? Scripted(string method, string path) =>
        scripted.TryGetValue(method + " " + path, out var queue) && queue.TryDequeue(out var response) ? response : null;

    private FakeResponse Default(string method, string path, string body, Dictionary<string, string> headers)
    {
        var isInteraction = path.StartsWith("interactions/", StringComparison.Ordinal) || path.StartsWith("webhooks/", StringComparison.Ordinal);
        if (!isInteraction && headers.GetValueOrDefault("Authorization") != "Bot " + DiscordTestHost.Token)
        {
            return FakeResponse.Error(401, 0);
        }

        if (body.Length > 0)
        {
            var json = JsonDocument.Parse(body).RootElement;
            var message = path.StartsWith("interactions/", StringComparison.Ordinal) && json.TryGetProperty("data", out var data) ? data : json;
            if (DiscordLimitChecker.Violations(message).Count > 0)
            {
                return FakeResponse.Error(400, 50035);
            }
        }

        return (method, path) switch
        {
            ("GET", "gateway/bot") => Ok(new
            {
                url = GatewayUrl,
                shards = 1,
                session_start_limit = new { total = 1000, remaining = 999, reset_after = 14_400_000, max_concurrency = 1 },
            }),
            ("GET", "applications/@me") => Ok(new { id = DiscordTestHost.ApplicationId, name = "QaBot" }),
            ("PUT", _) when path.StartsWith("applications/", StringComparison.Ordinal) => new FakeResponse(200, body, new Dictionary<string, string>()),
            ("POST", _) when ThreadRoute().Match(path) is { Success: true } => Ok(new { id = NextId(), type = 11 }),
            ("POST", _) when MessageRoute().Match(path) is { Success: true } m => Ok(new { id = NextId(), channel_id = m.Groups[1].Value }),
            ("POST", _) when path.StartsWith("interactions/", StringComparison.Ordinal) && path.EndsWith("/callback", StringComparison.Ordinal) =>
                new FakeResponse(204, "", new Dictionary<string, string>()),
            ("POST", _) when path.StartsWith("webhooks/", StringComparison.Ordinal) => Ok(new { id = NextId(), channel_id = DiscordTestHost.ChannelId }),
            _ => FakeResponse.Error(404, 10000),
        };
    }

    private string NextId() => Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static FakeResponse Ok(object body) => new(200, JsonSerializer.Serialize(body), new Dictionary<string, string>());

    [GeneratedRegex("^channels/([0-9]+)/messages$")]
    private static partial Regex MessageRoute();

    [GeneratedRegex("^channels/([0-9]+)/messages/([0-9]+)/threads$")]
    private static partial Regex ThreadRoute();
}
