using Microsoft.Extensions.Logging;
using QaBot.Discord.Tests.Fakes;

namespace QaBot.Discord.Tests;

/// <summary>The gateway client against a real WebSocket server: handshake, heartbeats, resume, reconnects, close codes.</summary>
public sealed class DiscordGatewayClientTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Connect_HelloIdentifyReady_IdentifiesWithTokenIntentsAndShardThenIsConnected()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var gateway = await host.Discord.NextConnectionAsync();
        await gateway.SendHelloAsync();
        var identify = (await gateway.ReceiveAsync(op: 2)).GetProperty("d");
        await gateway.SendReadyAsync(1, host.Discord.ResumeUrl);
        await WaitForAsync(() => host.Health.State == DiscordConnectionState.Connected);

        Assert.Contains(host.Discord.Requests, r => r.Is("GET", "gateway/bot"));
        Assert.Equal("/gateway", gateway.Path);
        Assert.Equal("?v=10&encoding=json", gateway.Query);
        Assert.StartsWith("DiscordBot (https://github.com/qabot/qabot, ", gateway.UserAgent, StringComparison.Ordinal);
        Assert.Equal(DiscordTestHost.Token, identify.GetProperty("token").GetString());
        Assert.Equal(1 | (1 << 9) | (1 << 12), identify.GetProperty("intents").GetInt32()); // guilds, guild messages, DMs; no message content
        Assert.Equal([0, 1], identify.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("QaBot", identify.GetProperty("properties").GetProperty("browser").GetString());
    }

    [Fact]
    public async Task Identify_MessageContentAndShardConfigured_SendsThemAndLeavesOutUnusedIntents()
    {
        await using var host = await DiscordTestHost.StartAsync(s =>
        {
            s["QaBot:Discord:MessageContentIntent"] = "true";
            s["QaBot:Discord:AnswerDirectMessages"] = "false";
            s["QaBot:Discord:ShardId"] = "1";
            s["QaBot:Discord:ShardCount"] = "2";
        });

        var gateway = await host.Discord.NextConnectionAsync();
        await gateway.SendHelloAsync();
        var identify = (await gateway.ReceiveAsync(op: 2)).GetProperty("d");

        Assert.Equal(1 | (1 << 9) | (1 << 15), identify.GetProperty("intents").GetInt32());
        Assert.Equal([1, 2], identify.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Identify_GatewayUrlConfigured_ConnectsThereWithoutAskingForIt()
    {
        await using var host = await DiscordTestHost.StartAsync(s => s["QaBot:Discord:GatewayUrl"] = s["QaBot:Discord:ApiBaseUrl"]!
            .Replace("http://", "ws://", StringComparison.Ordinal).Replace("/api/v10", "/resume", StringComparison.Ordinal));
        var gateway = await host.Discord.NextConnectionAsync();

        Assert.Equal("/resume", gateway.Path);
        Assert.DoesNotContain(host.Discord.Requests, r => r.Is("GET", "gateway/bot"));
    }

    [Fact]
    public async Task Heartbeat_AfterHello_FirstBeatIsJitteredThenEveryIntervalWithTheLastSequence()
    {
        await using var host = await DiscordTestHost.StartAsync(jitter: 0.5);
        var gateway = await host.ConnectAsync();
        await gateway.SendDispatchAsync("GUILD_CREATE", 3, new { id = DiscordTestHost.GuildId });
        await gateway.SendAsync(new { op = 1 }); // a heartbeat request: answered at once, after the dispatch before it
        Assert.Equal(3, (await gateway.ReceiveHeartbeatAsync()).GetProperty("d").GetInt64());
        await WaitForAsync(() => host.HeartbeatAcks == 1);

        var firstBeat = await host.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(22.5)); // jitter 0.5 of 45 s: the first beat is due at 22.5 s
        host.Time.Advance(TimeSpan.FromSeconds(22.4));
        Assert.False(firstBeat.Fired);
        Assert.False(gateway.TryReceiveHeartbeat(out _));

        host.Time.Advance(TimeSpan.FromSeconds(0.1));
        var first = await gateway.ReceiveHeartbeatAsync();
        await WaitForAsync(() => host.HeartbeatAcks == 2);
        host.Time.Advance(TimeSpan.FromSeconds(45));
        var second = await gateway.ReceiveHeartbeatAsync();

        Assert.Equal(3, first.GetProperty("d").GetInt64());
        Assert.Equal(3, second.GetProperty("d").GetInt64());
        Assert.Equal(1, host.Discord.ConnectionCount); // acknowledged beats keep the connection
    }

    [Fact]
    public async Task Heartbeat_AckMissed_ClosesTheZombieThenReconnectsAndResumesWithTheLastSequence()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var gateway = await host.ConnectAsync();
        await gateway.SendDispatchAsync("GUILD_CREATE", 5, new { id = DiscordTestHost.GuildId });
        await gateway.SendAsync(new { op = 1 });
        Assert.Equal(5, (await gateway.ReceiveHeartbeatAsync()).GetProperty("d").GetInt64()); // sequence 5 is in
        await WaitForAsync(() => host.HeartbeatAcks == 1);
        gateway.AutoAckHeartbeats = false;

        host.Time.Advance(TimeSpan.FromSeconds(22.5));
        var unacknowledged = await gateway.ReceiveAsync(op: 1);
        host.Time.Advance(TimeSpan.FromSeconds(45)); // the next beat finds no ACK: a zombie connection
        var closeCode = await gateway.Closed.WaitAsync(FakeGatewayConnection.Timeout);
        var resumed = await host.Discord.NextConnectionAsync();
        await resumed.SendHelloAsync();
        var resume = (await resumed.ReceiveAsync(op: 6)).GetProperty("d");
        await resumed.SendDispatchAsync("RESUMED", 6, new { });
        await WaitForAsync(() => host.Health.State == DiscordConnectionState.Connected);

        Assert.Equal(5, unacknowledged.GetProperty("d").GetInt64());
        Assert.NotNull(closeCode);
        Assert.NotEqual(1000, closeCode); // 1000 would end the session
        Assert.Equal("/resume", resumed.Path);
        Assert.Equal("?v=10&encoding=json", resumed.Query);
        Assert.Equal(DiscordTestHost.Token, resume.GetProperty("token").GetString());
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        Assert.Equal(5, resume.GetProperty("seq").GetInt64());
        Assert.Contains(host.Logs, l => l.Id.Id == 6007);
    }

    [Fact]
    public async Task Receive_MalformedPayloads_AreSkippedAndTheConnectionGoesOn()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var gateway = await host.ConnectAsync();

        await gateway.SendRawAsync("{ not json");
        await gateway.SendRawAsync("""{"d": 1}""");
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, new { id = "1" }); // not a message Discord would send
        await gateway.SendAsync(new { op = 1 });
        var heartbeat = await gateway.ReceiveHeartbeatAsync();

        Assert.Equal(2, heartbeat.GetProperty("d").GetInt64());
        Assert.Equal(1, host.Discord.ConnectionCount);
        Assert.Equal(DiscordConnectionState.Connected, host.Health.State);
    }

    [Fact]
    public async Task Reconnect_Opcode7_ClosesAndResumesAtOnceOnTheResumeUrl()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var gateway = await host.ConnectAsync();
        await gateway.SendDispatchAsync("GUILD_CREATE", 2, new { id = DiscordTestHost.GuildId });

        await gateway.SendAsync(new { op = 7, d = (object?)null });
        var closeCode = await gateway.Closed.WaitAsync(FakeGatewayConnection.Timeout);
        var resumed = await host.Discord.NextConnectionAsync(); // no clock movement needed: at once
        await resumed.SendHelloAsync();
        var resume = (await resumed.ReceiveAsync(op: 6)).GetProperty("d");

        Assert.Equal(4000, closeCode);
        Assert.Equal("/resume", resumed.Path);
        Assert.Equal(2, resume.GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task InvalidSession_NotResumable_WaitsOneToFiveSecondsThenIdentifiesAfresh()
    {
        await using var host = await DiscordTestHost.StartAsync(jitter: 0.5); // the wait is 1 + 4 * 0.5 = 3 s
        var gateway = await host.ConnectAsync();

        await gateway.SendAsync(new { op = 9, d = false });
        var wait = await host.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(3)); // the wait has started
        host.Time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(wait.Fired);
        Assert.False(host.Discord.TryNextConnection(out _));
        var fresh = await host.AdvanceUntilAsync(host.Discord.NextConnectionAsync(), Step);
        await fresh.SendHelloAsync();
        var identify = await host.AdvanceUntilAsync(fresh.ReceiveAsync(), Step); // identify concurrency: 5 s after the last

        Assert.Equal("/gateway", fresh.Path);
        Assert.Equal(2, identify.GetProperty("op").GetInt32());
    }

    [Fact]
    public async Task InvalidSession_Resumable_WaitsThenResumes()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var gateway = await host.ConnectAsync();
        await gateway.SendDispatchAsync("GUILD_CREATE", 4, new { id = DiscordTestHost.GuildId });

        await gateway.SendAsync(new { op = 9, d = true });
        var resumed = await host.AdvanceUntilAsync(host.Discord.NextConnectionAsync(), Step);
        await resumed.SendHelloAsync();
        var resume = (await resumed.ReceiveAsync(op: 6)).GetProperty("d");

        Assert.Equal("/resume", resumed.Path);
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        Assert.Equal(4, resume.GetProperty("seq").GetInt64());
    }

    [Theory]
    [InlineData(4004, "authentication failed")]
    [InlineData(4010, "invalid shard")]
    [InlineData(4011, "sharding required")]
    [InlineData(4012, "invalid API version")]
    [InlineData(4013, "invalid intents")]
    [InlineData(4014, "disallowed intents")]
    public async Task Close_FatalCode_StopsWithOneClearLogAndAFailedHealthAndNeverRetries(int code, string reason)
    {
        await using var host = await DiscordTestHost.StartAsync();
        var gateway = await host.ConnectAsync();

        await gateway.CloseAsync(code, "fatal");
        await WaitForAsync(() => host.Health.State == DiscordConnectionState.Failed);
        await host.BotRun.WaitAsync(FakeGatewayConnection.Timeout); // the bot has stopped for good: no later connection can come
        host.Time.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(1, host.Discord.ConnectionCount);
        Assert.Contains(reason, host.Health.FailureReason, StringComparison.Ordinal);
        var fatal = Assert.Single(host.Logs, l => l.Level == LogLevel.Critical);
        Assert.Equal(6014, fatal.Id.Id);
        Assert.Contains(reason, fatal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_OtherCode_ReconnectsAfterABackoffAndResumes()
    {
        await using var host = await DiscordTestHost.StartAsync(jitter: 0.5); // first backoff: 1 s * (0.5 + 0.25)
        var gateway = await host.ConnectAsync();

        await gateway.CloseAsync(4000, "unknown error");
        var backoff = await host.Clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(750)); // the backoff has started
        Assert.Equal(DiscordConnectionState.Reconnecting, host.Health.State);
        host.Time.Advance(TimeSpan.FromMilliseconds(700));
        Assert.False(backoff.Fired);
        Assert.Equal(1, host.Discord.ConnectionCount);
        host.Time.Advance(TimeSpan.FromMilliseconds(100));
        var resumed = await host.Discord.NextConnectionAsync();
        await resumed.SendHelloAsync();
        await resumed.ReceiveAsync(op: 6);

        Assert.Equal("/resume", resumed.Path);
    }

    [Fact]
    public async Task Close_RepeatedWithoutASession_BacksOffExponentially()
    {
        await using var host = await DiscordTestHost.StartAsync(jitter: 0.5); // backoffs: 1 s * 0.75, then 2 s * 0.75
        var first = await host.Discord.NextConnectionAsync();

        await first.CloseAsync(4000, "unknown error");
        var firstBackoff = await host.Clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(750));
        host.Time.Advance(TimeSpan.FromMilliseconds(700));
        Assert.False(firstBackoff.Fired);
        Assert.Equal(1, host.Discord.ConnectionCount);
        host.Time.Advance(TimeSpan.FromMilliseconds(100));
        var second = await host.Discord.NextConnectionAsync();

        await second.CloseAsync(4000, "unknown error");
        var secondBackoff = await host.Clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(1500));
        host.Time.Advance(TimeSpan.FromMilliseconds(1400));
        Assert.False(secondBackoff.Fired);
        Assert.Equal(2, host.Discord.ConnectionCount);
        host.Time.Advance(TimeSpan.FromMilliseconds(150));
        var third = await host.Discord.NextConnectionAsync();

        Assert.Equal("/gateway", third.Path); // never identified: nothing to resume
    }

    [Fact]
    public async Task Connect_Failing_LogsOneWarningLinePerAttemptWithoutStackTraceOrCloseCode()
    {
        await using var host = await DiscordTestHost.StartAsync(s => s["QaBot:Discord:GatewayUrl"] = s["QaBot:Discord:ApiBaseUrl"]!
            .Replace("http://", "ws://", StringComparison.Ordinal).Replace("/api/v10", "/not-a-gateway", StringComparison.Ordinal)); // 404: no WebSocket

        await host.AdvanceUntilAsync(() => host.Logs.Count(l => l.Id.Id == 6015) >= 3, Step);

        var failures = host.Logs.Where(l => l.Id.Id == 6015).ToList();
        Assert.All(failures, l => Assert.Equal(LogLevel.Warning, l.Level));
        Assert.All(failures, l => Assert.Null(l.Exception));
        Assert.All(failures, l => Assert.Contains("WebSocketException", l.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains("closed with code", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs, l => l.Exception is not null);
        Assert.Equal(0, host.Discord.ConnectionCount);
    }

    [Fact]
    public async Task Close_SessionTimedOut4009_ReconnectsAndIdentifiesAfresh()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var gateway = await host.ConnectAsync();

        await gateway.CloseAsync(4009, "session timed out");
        var fresh = await host.AdvanceUntilAsync(host.Discord.NextConnectionAsync(), Step);
        await fresh.SendHelloAsync();
        var identify = await host.AdvanceUntilAsync(fresh.ReceiveAsync(), Step);

        Assert.Equal("/gateway", fresh.Path);
        Assert.Equal(2, identify.GetProperty("op").GetInt32());
    }

    [Fact]
    public async Task Stop_WithAnAnswerInProgress_ClosesWith1000ThenDrainsTheAnswer()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var answer = new TaskCompletionSource<QaBot.Answering.Answer>();
        host.Answers.Setup(a => a.AnswerAsync(Moq.It.IsAny<QaBot.Answering.Question>(), Moq.It.IsAny<CancellationToken>())).Returns(answer.Task);
        var gateway = await host.ConnectAsync();
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message($"<@{DiscordTestHost.BotUserId}> can stem cells help lupus?"));
        await WaitForAsync(() => host.Answers.Invocations.Count == 1);

        var stopping = host.StopAsync();
        var closeCode = await gateway.Closed.WaitAsync(FakeGatewayConnection.Timeout);
        await WaitForAsync(() => host.Logs.Any(l => l.Id.Id == 6302)); // the drain has started, and it ends only with the answer
        Assert.False(stopping.IsCompleted); // still waiting for the answer in progress
        answer.SetResult(TestAnswers.Lupus);
        await stopping.WaitAsync(FakeGatewayConnection.Timeout);

        Assert.Equal(1000, closeCode);
        Assert.Contains(host.Discord.Requests, r => r.Is("POST", $"channels/{DiscordTestHost.ChannelId}/messages") && r.Status == 200);
        Assert.Equal(DiscordConnectionState.Stopped, host.Health.State);
    }

    internal static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + FakeGatewayConnection.Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true.");
            }

            await Task.Delay(10);
        }
    }
}
