using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using QaBot.Answering;
using QaBot.Discord.Model;
using QaBot.Discord.Rest;
using QaBot.Discord.Tests.Fakes;

namespace QaBot.Discord.Tests;

/// <summary>What the Discord client counts: reconnects by reason, rate-limit waits, feedback clicks; never ids or text.</summary>
public sealed class DiscordMetricsTests : IDisposable
{
    private readonly SigningKey key = new();

    public void Dispose() => key.Dispose();

    private static MetricCollector<T> Collect<T>(DiscordTestHost host, string meter, string instrument)
        where T : struct =>
        new(host.App.Services.GetRequiredService<IMeterFactory>(), meter, instrument);

    [Fact]
    public async Task Reconnect_Opcode7AndAClose_AreCountedWithTheirReasons()
    {
        await using var host = await DiscordTestHost.StartAsync();
        using var reconnects = Collect<long>(host, DiscordMetrics.MeterName, "qabot.discord.gateway.reconnects");
        var gateway = await host.ConnectAsync();

        await gateway.SendAsync(new { op = 7, d = (object?)null });
        await gateway.Closed.WaitAsync(FakeGatewayConnection.Timeout);
        var resumed = await host.Discord.NextConnectionAsync();
        await resumed.SendHelloAsync();
        await resumed.ReceiveAsync(op: 6);
        await resumed.CloseAsync(4000, "unknown error");
        await DiscordGatewayClientTests.WaitForAsync(() => reconnects.GetMeasurementSnapshot().Count == 2);

        var measurements = reconnects.GetMeasurementSnapshot();
        Assert.Equal("requested", measurements[0].Tags["reason"]);
        Assert.Equal("closed", measurements[1].Tags["reason"]);
        Assert.Equal("4000", measurements[1].Tags["close_code"]);
    }

    [Fact]
    public async Task RestRateLimit_TheWaitIsCountedInSecondsAndThe429ByScope()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);
        using var waits = Collect<double>(host, DiscordMetrics.MeterName, "qabot.discord.rest.rate_limit.wait");
        using var limited = Collect<long>(host, DiscordMetrics.MeterName, "qabot.discord.rest.rate_limited");
        var messages = $"channels/{DiscordTestHost.ChannelId}/messages";
        host.Discord.Enqueue("POST", messages, FakeResponse.RateLimited(2.5));
        var api = host.App.Services.GetRequiredService<IDiscordRestApi>();

        var sending = api.CreateMessageAsync(DiscordTestHost.ChannelId, new MessageCreate { Content = "hello" }, CancellationToken.None);
        await DiscordGatewayClientTests.WaitForAsync(() => host.Logs.Any(l => l.Id.Id == 6101));
        await host.AdvanceUntilAsync(sending, TimeSpan.FromSeconds(0.5));

        var wait = Assert.Single(waits.GetMeasurementSnapshot());
        Assert.Equal(2.5, wait.Value, precision: 3);
        Assert.Equal("route", wait.Tags["scope"]);
        Assert.Equal("route", Assert.Single(limited.GetMeasurementSnapshot()).Tags["scope"]);
    }

    [Fact]
    public async Task FeedbackClick_IsCountedByPlatformAndVerdictOnly()
    {
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(key.PublicKeyHex);
        using var clicks = Collect<long>(host, AnsweringMetrics.MeterName, "qabot.feedback.clicks");
        var plan = await host.App.Services.GetRequiredService<Bot.DiscordBot>().PlanAsync(
            new DiscordInteraction
            {
                Id = "340", ApplicationId = DiscordTestHost.ApplicationId, Type = InteractionType.MessageComponent, Token = "tok-340",
                User = new DiscordUser { Id = "778" }, Data = new InteractionData { CustomId = "qabot:fb:y:a:someKey" },
            },
            CancellationToken.None);

        await plan.Before!(CancellationToken.None);

        var click = Assert.Single(clicks.GetMeasurementSnapshot());
        Assert.Equal("discord", click.Tags["platform"]);
        Assert.Equal("true", click.Tags["helpful"]);
        Assert.Equal(["helpful", "platform"], click.Tags.Keys.Order());
    }
}
