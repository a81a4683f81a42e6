using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using QaBot.Answering;

namespace QaBot.Host.Tests;

/// <summary><c>/api/ask</c> under abuse, on a real host: per-client and global limits, the busy queue, early 413s.</summary>
public sealed class AskRateLimitTests
{
    private static readonly string Reminder = new AnsweringOptions().Reminder;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    private Task<RealHost> StartAsync(Dictionary<string, string?> settings, Action<IHostApplicationBuilder>? configure = null)
    {
        settings["QaBot:RateLimits:Enabled"] = "true";
        return RealHost.StartAsync(settings, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            configure?.Invoke(builder);
        });
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, string question = "what is lupus") =>
        client.PostAsJsonAsync(new Uri("api/ask", UriKind.Relative), new { question });

    [Fact]
    public async Task Ask_ClientOverItsLimit_Gets429WithRetryAfterAndTheReminderUntilATokenIsBack()
    {
        await using var host = await StartAsync(new()
        {
            ["QaBot:RateLimits:PerUser:TokenLimit"] = "2",
            ["QaBot:RateLimits:PerUser:TokensPerPeriod"] = "1",
            ["QaBot:RateLimits:PerUser:ReplenishmentPeriod"] = "00:01:00",
        });

        using var first = await AskAsync(host.Client);
        using var second = await AskAsync(host.Client);
        time.Advance(TimeSpan.FromSeconds(20));
        using var third = await AskAsync(host.Client);
        var body = await third.Content.ReadFromJsonAsync<JsonElement>();
        time.Advance(TimeSpan.FromSeconds(40));
        using var afterAMinute = await AskAsync(host.Client);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("40", third.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("wait 40 more second", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(Reminder, body.GetProperty("reminder").GetString());
        Assert.Equal(40, body.GetProperty("retry_after_seconds").GetInt32());
        Assert.Equal(HttpStatusCode.OK, afterAMinute.StatusCode);
    }

    [Fact]
    public async Task Ask_TwoClientAddresses_EachHasItsOwnLimit()
    {
        await using var host = await StartAsync(new()
        {
            ["QaBot:RateLimits:PerUser:TokenLimit"] = "1",
            ["QaBot:RateLimits:PerUser:TokensPerPeriod"] = "1",
        });
        using var other = ClientFrom(IPAddress.Parse("127.0.0.2"), host.BaseAddress);

        using var first = await AskAsync(host.Client);
        using var again = await AskAsync(host.Client);
        using var fromOther = await AskAsync(other);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromOther.StatusCode);
    }

    [Fact]
    public async Task Ask_ForwardedHeadersFromAKnownProxy_LimitsEachForwardedClient()
    {
        await using var host = await StartAsync(new()
        {
            ["QaBot:Web:ForwardedHeaders"] = "true",
            ["QaBot:Web:KnownProxies:0"] = "127.0.0.1", // the test client is the proxy
            ["QaBot:RateLimits:PerUser:TokenLimit"] = "1",
            ["QaBot:RateLimits:PerUser:TokensPerPeriod"] = "1",
        });

        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { "203.0.113.7", "203.0.113.7", "198.51.100.1, 203.0.113.8" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/ask", UriKind.Relative)) { Content = JsonContent.Create(new { question = "lupus" }) };
            request.Headers.Add("X-Forwarded-For", client);
            using var response = await host.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task Ask_UntrustedPeerRotatingXForwardedFor_KeepsOneRateLimitIdentity()
    {
        await using var host = await StartAsync(new()
        {
            ["QaBot:Web:ForwardedHeaders"] = "true",
            ["QaBot:Web:KnownNetworks:0"] = "10.244.0.0/16", // the proxies; the test client (127.0.0.1) is not one of them
            ["QaBot:RateLimits:PerUser:TokenLimit"] = "3",
            ["QaBot:RateLimits:PerUser:TokensPerPeriod"] = "1",
            ["QaBot:RateLimits:PerUser:ReplenishmentPeriod"] = "00:10:00",
        });

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 10; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/ask", UriKind.Relative)) { Content = JsonContent.Create(new { question = "lupus" }) };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await host.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(3));
    }

    [Theory]
    [InlineData(null, null, "no proxy is trusted")]
    [InlineData("not-an-address", null, "'not-an-address' is not an IP address")]
    [InlineData(null, "0.0.0.0/0", "would believe X-Forwarded-For from every client")]
    [InlineData(null, "10.0.0.0/99", "'10.0.0.0/99' is not a network")]
    public async Task Start_ForwardedHeadersWithoutAUsableProxy_StopsWithAClearMessage(string? proxy, string? network, string expected)
    {
        var settings = new Dictionary<string, string?> { ["QaBot:Web:ForwardedHeaders"] = "true" };
        if (proxy is not null)
        {
            settings["QaBot:Web:KnownProxies:0"] = proxy;
        }

        if (network is not null)
        {
            settings["QaBot:Web:KnownNetworks:0"] = network;
        }

        var failure = await Record.ExceptionAsync(async () => await (await RealHost.StartAsync(settings)).DisposeAsync());

        Assert.NotNull(failure);
        Assert.Contains(expected, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_GlobalLimitReached_EveryClientGets429()
    {
        await using var host = await StartAsync(new()
        {
            ["QaBot:RateLimits:Global:TokenLimit"] = "2",
            ["QaBot:RateLimits:Global:TokensPerPeriod"] = "1",
        });
        using var other = ClientFrom(IPAddress.Parse("127.0.0.3"), host.BaseAddress);

        using var first = await AskAsync(host.Client);
        using var second = await AskAsync(other);
        using var third = await AskAsync(other);
        var body = await third.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(new QaBot.Answering.RateLimiting.RateLimitOptions().GlobalLimitedText, body.GetProperty("error").GetString());
        Assert.NotNull(third.Headers.RetryAfter);
    }

    [Fact]
    public async Task Ask_EveryAnsweringSlotTakenAndQueueFull_Gets503BusyAndTheHeldAnswerStillArrives()
    {
        await using var host = await StartAsync(
            new()
            {
                ["QaBot:RateLimits:MaxConcurrentAnswers"] = "1",
                ["QaBot:RateLimits:MaxQueuedAnswers"] = "0",
            },
            HeldAnswers.Install);
        var held = HeldAnswers.Of(host);

        var first = AskAsync(host.Client, "can stem cells help lupus");
        await held.WaitEnteredAsync();
        using var busy = await AskAsync(host.Client);
        var body = await busy.Content.ReadFromJsonAsync<JsonElement>();
        held.Release();
        using var answered = await first;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal("5", busy.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("busy", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(Reminder, body.GetProperty("reminder").GetString());
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Theory]
    [InlineData("I want to kill myself", "self_harm")]
    [InlineData("crushing chest pain spreading to my arm right now", "emergency")]
    public async Task Ask_ClientOverItsLimit_SafetyMessageGetsTheSafetyReplyNot429(string message, string category)
    {
        await using var host = await StartAsync(new()
        {
            ["QaBot:RateLimits:PerUser:TokenLimit"] = "1",
            ["QaBot:RateLimits:PerUser:TokensPerPeriod"] = "1",
            ["QaBot:RateLimits:PerUser:ReplenishmentPeriod"] = "00:10:00",
        });
        using var first = await AskAsync(host.Client);
        using var limited = await AskAsync(host.Client);

        using var urgent = await AskAsync(host.Client, message);
        var body = await urgent.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode); // the client really is over its limit
        Assert.Equal(HttpStatusCode.OK, urgent.StatusCode);
        Assert.Equal("safety", body.GetProperty("kind").GetString());
        Assert.Equal(category, body.GetProperty("category").GetString());
        Assert.Equal(Reminder, body.GetProperty("reminder").GetString());
    }

    [Fact]
    public async Task Ask_EveryAnsweringSlotTakenAndQueueFull_SafetyMessageAnsweredAtOnceWhileAnOrdinaryOneIsBusy()
    {
        await using var host = await StartAsync(
            new()
            {
                ["QaBot:RateLimits:MaxConcurrentAnswers"] = "1",
                ["QaBot:RateLimits:MaxQueuedAnswers"] = "0",
            },
            HeldAnswers.Install);
        var held = HeldAnswers.Of(host);

        var first = AskAsync(host.Client, "can stem cells help lupus");
        await held.WaitEnteredAsync();
        using var urgent = await AskAsync(host.Client, "I want to kill myself");
        var urgentBody = await urgent.Content.ReadFromJsonAsync<JsonElement>();
        using var busy = await AskAsync(host.Client);
        held.Release();
        using var answered = await first;

        Assert.Equal(HttpStatusCode.OK, urgent.StatusCode); // while the only slot is still held
        Assert.Equal("safety", urgentBody.GetProperty("kind").GetString());
        Assert.Contains("988", urgentBody.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task Ask_TriageThrows_FailsClosedWithTheEmergencyReply()
    {
        var triage = new Moq.Mock<QaBot.Answering.Safety.ISafetyTriage>();
        triage.Setup(t => t.Assess(Moq.It.IsAny<string>(), Moq.It.IsAny<float[]?>())).Throws(new InvalidOperationException("broken"));
        await using var host = await StartAsync(new(), builder => builder.Services.AddSingleton(triage.Object));

        using var response = await AskAsync(host.Client, "what is lupus");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("safety", body.GetProperty("kind").GetString());
        Assert.Equal("emergency", body.GetProperty("category").GetString());
        Assert.Equal(Reminder, body.GetProperty("reminder").GetString());
    }

    [Fact]
    public async Task Ask_DeclaredBodyOverTheLimit_Gets413BeforeTheBodyIsSent()
    {
        await using var host = await StartAsync(new());
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        var stream = tcp.GetStream();
        var headers = $"POST /api/ask HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{{\"question\": \"";

        await stream.WriteAsync(Encoding.ASCII.GetBytes(headers)); // and never the rest of the 10 MB
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var response = Encoding.UTF8.GetString(buffer, 0, read);

        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
        Assert.Contains("healthcare provider", response, StringComparison.Ordinal);
    }

    /// <summary>A client whose connections come from <paramref name="local"/> (another loopback address).</summary>
    private static HttpClient ClientFrom(IPAddress local, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = baseAddress };
}
