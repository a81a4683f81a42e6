using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging.Testing;
using QaBot.Answering;

namespace QaBot.Host.Tests;

/// <summary>
/// Client faults in the body of <c>POST /api/ask</c> and <c>POST /api/feedback</c>, sent byte for byte on raw sockets to the
/// real host on Kestrel: each is a 4xx with the error JSON and the reminder, never a 500, and none is logged above Debug.
/// </summary>
public sealed class ClientFaultTests
{
    private static readonly string Reminder = new AnsweringOptions().Reminder;

    private static async Task<(RealHost Host, FakeLogCollector Logs)> StartAsync(Action<IHostApplicationBuilder>? configure = null)
    {
        var collector = new FakeLogCollector();
        var host = await RealHost.StartAsync(configure: builder =>
        {
            builder.Logging.AddProvider(new FakeLoggerProvider(collector));
            builder.Logging.AddFilter<FakeLoggerProvider>(null, LogLevel.Trace); // over appsettings.json's per-category levels
            configure?.Invoke(builder);
        });
        return (host, collector);
    }

    /// <summary>A request with a Content-Length body, on its own connection; the whole response as text.</summary>
    private static Task<string> SendAsync(RealHost host, string route, byte[] body) =>
        RawAsync(host, Encoding.ASCII.GetBytes($"POST {route} HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n").Concat(body).ToArray());

    /// <summary>A chunked request whose chunk framing is given as is.</summary>
    private static Task<string> SendChunkedAsync(RealHost host, string route, string chunks) =>
        RawAsync(host, Encoding.ASCII.GetBytes($"POST {route} HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{chunks}"));

    private static async Task<string> RawAsync(RealHost host, byte[] request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request);
        using var response = new MemoryStream();
        try
        {
            await stream.CopyToAsync(response).WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (IOException)
        {
            // The server closed after its response; what arrived is the response.
        }

        return Encoding.UTF8.GetString(response.ToArray());
    }

    private static int Status(string response) =>
        response.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(response.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>The response's JSON body (de-chunked when the response is chunked).</summary>
    private static JsonElement Body(string response)
    {
        var split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var body = response[(split + 4)..];
        if (response[..split].Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            var joined = new StringBuilder();
            var at = 0;
            while (true)
            {
                var end = body.IndexOf("\r\n", at, StringComparison.Ordinal);
                var size = int.Parse(body.AsSpan(at, end - at), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    break;
                }

                joined.Append(body, end + 2, size); // the error JSON is ASCII-safe: characters are bytes
                at = end + 2 + size + 2;
            }

            body = joined.ToString();
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static void AssertNothingAboveDebug(FakeLogCollector logs)
    {
        // The web stack's and QaBot's host logs; the knowledge's start-up notes (e.g. "embeddings are off") are not about requests.
        var loud = logs.GetSnapshot()
            .Where(r => (r.Level > LogLevel.Information && (r.Category ?? "").StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
                || (r.Level > LogLevel.Information && (r.Category ?? "").StartsWith("QaBot.Host", StringComparison.Ordinal))
                || (r.Level > LogLevel.Debug && r.Exception is not null))
            .Select(r => $"{r.Level} {r.Category} {r.Message} {r.Exception}")
            .ToList();
        Assert.True(loud.Count == 0, string.Join("\n", loud));
    }

    public static TheoryData<string, string> NotText => new()
    {
        { "/api/ask", """{"question": "lupus \ud800 help"}""" },
        { "/api/ask", """{"question": "\udfff"}""" },
        { "/api/feedback", """{"helpful": false, "kind": "answered", "passage_ids": ["conditions/lupus#x"], "question": "\ud83d"}""" },
    };

    [Theory]
    [MemberData(nameof(NotText))]
    public async Task Post_LoneSurrogateEscape_Gets400WithTheReminderAndNoErrorLog(string route, string json)
    {
        var (host, logs) = await StartAsync();
        await using var _ = host;

        var response = await SendAsync(host, route, Encoding.UTF8.GetBytes(json));

        Assert.Equal(400, Status(response));
        Assert.Equal(Reminder, Body(response).GetProperty("reminder").GetString());
        Assert.Contains("surrogate", Body(response).GetProperty("error").GetString(), StringComparison.Ordinal);
        AssertNothingAboveDebug(logs);
    }

    [Theory]
    [InlineData("/api/ask")]
    [InlineData("/api/feedback")]
    public async Task Post_InvalidUtf8InTheString_Gets400WithTheReminder(string route)
    {
        var (host, logs) = await StartAsync();
        await using var _ = host;
        var prefix = route == "/api/ask" ? "{\"question\": \"lupus " : "{\"helpful\": false, \"question\": \"lupus ";
        byte[] body = [.. Encoding.ASCII.GetBytes(prefix), 0xC3, 0x28, 0xFF, 0xFE, .. "\"}"u8.ToArray()];

        var response = await SendAsync(host, route, body);

        Assert.Equal(400, Status(response));
        Assert.Equal(Reminder, Body(response).GetProperty("reminder").GetString());
        AssertNothingAboveDebug(logs);
    }

    [Theory]
    [InlineData("FFFFFFFFFFFFFFFFFFFF")] // overflows a 64-bit size
    [InlineData("7FFFFFFFFFFFFFFF")]
    [InlineData("zz")]
    public async Task Post_BrokenChunkSize_Gets400WithTheErrorJsonNot500(string size)
    {
        var (host, logs) = await StartAsync();
        await using var _ = host;

        var response = await SendChunkedAsync(host, "/api/ask", $"{size}\r\n{{\"question\": \"lupus\"}}\r\n0\r\n\r\n");

        Assert.True(Status(response) == 400, response + string.Join("\n", logs.GetSnapshot().Select(r => r.Message + r.Exception)));
        var body = Body(response);
        Assert.Equal(Reminder, body.GetProperty("reminder").GetString());
        Assert.Contains("could not be read", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        AssertNothingAboveDebug(logs);
    }

    [Fact]
    public async Task Post_BodyCutShortByTheClient_IsLoggedAtDebugOnly()
    {
        var (host, logs) = await StartAsync();
        await using var _ = host;
        var dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
            var start = $"POST /api/ask HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{{\"question\": \"lup";
            await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes(start));
            tcp.Client.LingerState = new LingerOption(true, 0); // a reset, as a client that crashes sends
        }

        // The host notices: the next request on a fresh connection is answered and the fault was logged (at Debug).
        using var health = await host.Client.GetAsync(new Uri("healthz", UriKind.Relative));
        await WaitForAsync(() => logs.GetSnapshot().Any(r => r.Id.Id is 4101 or 4102), () => string.Join("\n", logs.GetSnapshot().Select(r => r.Category + " " + r.Message + r.Exception)));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.All(logs.GetSnapshot().Where(r => r.Id.Id is 4101 or 4102), r => Assert.Equal(LogLevel.Debug, r.Level));
        AssertNothingAboveDebug(logs);
    }

    [Fact]
    public async Task Post_BodySentTooSlowly_Gets408WithTheReminderAndNoErrorLog()
    {
        var (host, logs) = await StartAsync(builder => builder.Services.Configure<KestrelServerOptions>(k =>
            k.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 1000, gracePeriod: TimeSpan.FromSeconds(2))));
        await using var _ = host;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST /api/ask HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{{\"q"));

        // Nothing more is sent: the host gives up on the body and answers.
        using var response = new MemoryStream();
        try
        {
            await stream.CopyToAsync(response).WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (IOException)
        {
        }

        var text = Encoding.UTF8.GetString(response.ToArray());
        Assert.Equal(408, Status(text));
        Assert.Equal(Reminder, Body(text).GetProperty("reminder").GetString());
        AssertNothingAboveDebug(logs);
    }

    [Fact]
    public async Task Post_ManyGeneratedMalformedBodies_NoneGetsA5xx()
    {
        var (host, logs) = await StartAsync();
        await using var _ = host;
        var random = new Random(20261208);
        var statuses = new List<(int Status, string Case)>();

        for (var i = 0; i < 300; i++)
        {
            var (kind, request) = MalformedRequest(random, host.BaseAddress.Authority);
            var response = await RawAsync(host, request);
            statuses.Add((Status(response), $"#{i} {kind} {(Status(response) >= 500 ? Encoding.ASCII.GetString(request) + " -> " + response : "")}"));
        }

        var bad = statuses.Where(s => s.Status is 0 or >= 500).ToList();
        Assert.True(bad.Count == 0, "5xx or no response: " + string.Join(", ", bad.Select(b => $"{b.Case}={b.Status}")));
        Assert.Contains(statuses, s => s.Status == 400); // the generator really produces faults
        AssertNothingAboveDebug(logs);
    }

    /// <summary>One request from a deterministic generator: a valid body, mutated in one of several ways.</summary>
    private static (string Kind, byte[] Request) MalformedRequest(Random random, string authority)
    {
        var routes = new[] { "/api/ask", "/api/feedback" };
        var route = routes[random.Next(routes.Length)];
        var valid = route == "/api/ask"
            ? Encoding.UTF8.GetBytes("{\"question\": \"Can stem cell therapy help lupus?\"}")
            : Encoding.UTF8.GetBytes("{\"helpful\": false, \"kind\": \"answered\", \"passage_ids\": [\"conditions/lupus#a\"], \"question\": \"lupus\"}");
        var body = valid.ToList();
        string kind;
        switch (random.Next(8))
        {
            case 0:
                kind = "byte-flips";
                for (var n = random.Next(1, 6); n > 0; n--)
                {
                    body[random.Next(body.Count)] = (byte)random.Next(256);
                }

                break;
            case 1:
                kind = "invalid-utf8";
                byte[][] sequences = [[0xC3, 0x28], [0xE2, 0x28, 0xA1], [0xF0, 0x90, 0x28, 0xBC], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80]];
                body.InsertRange(body.LastIndexOf((byte)'"'), sequences[random.Next(sequences.Length)]);
                break;
            case 2:
                kind = "surrogate-escape";
                string[] escapes = ["\\ud800", "\\udfff", "\\ud83d", "\\ude00\\ud83d", "\\u0000", "\\uD800x"];
                body.InsertRange(body.LastIndexOf((byte)'"'), Encoding.ASCII.GetBytes(escapes[random.Next(escapes.Length)]));
                break;
            case 3:
                kind = "truncated";
                body = body.Take(random.Next(body.Count)).ToList();
                break;
            case 4:
                kind = "deep-nesting";
                var depth = random.Next(5, 200);
                body = Encoding.ASCII.GetBytes("{\"question\": " + new string('[', depth) + "\"x\"" + new string(']', depth) + "}").ToList();
                break;
            case 5:
                kind = "random-bytes";
                body = Enumerable.Range(0, random.Next(1, 300)).Select(_ => (byte)random.Next(256)).ToList();
                break;
            case 6:
                kind = "bad-chunk-size";
                string[] sizes = ["FFFFFFFFFFFFFFFFFFFF", "-1", "zz", "1 ;" + new string('x', 100), "7FFFFFFFFFFFFFFF", "ffffffff", "0x10"];
                var head = $"POST {route} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
                return (kind, Encoding.ASCII.GetBytes(head + sizes[random.Next(sizes.Length)] + "\r\n" + Encoding.UTF8.GetString(valid) + "\r\n0\r\n\r\n"));
            default:
                kind = "wrong-chunk-length";
                var declared = Math.Max(1, valid.Length + random.Next(-20, -1));
                var chunkHead = $"POST {route} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
                return (kind, Encoding.ASCII.GetBytes(chunkHead + declared.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n" + Encoding.UTF8.GetString(valid) + "\r\n0\r\n\r\n"));
        }

        var headers = $"POST {route} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Count}\r\nConnection: close\r\n\r\n";
        return (kind, [.. Encoding.ASCII.GetBytes(headers), .. body]);
    }

    private static async Task WaitForAsync(Func<bool> condition, Func<string> explain)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "The condition was never met. " + explain());
    }
}
