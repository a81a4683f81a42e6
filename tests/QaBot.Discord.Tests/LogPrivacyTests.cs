using System.Text.Json;
using Moq;
using QaBot.Answering;
using static QaBot.Discord.Tests.DiscordGatewayClientTests;

namespace QaBot.Discord.Tests;

/// <summary>Messages are health data: the logs never hold their text, user names, the bot token or interaction tokens.</summary>
public sealed class LogPrivacyTests
{
    private const string Marker = "zebracorn";

    [Fact]
    public async Task Logs_AfterMentionsCommandsClicksAndFailures_NeverContainTextNamesOrTokens()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var gateway = await host.ConnectAsync();
        var mention = "<@" + DiscordTestHost.BotUserId + ">";

        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message($"{mention} can {Marker} stem cells help lupus?", username: Marker + "-user"));
        var reply = await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"channels/{DiscordTestHost.ChannelId}/messages"));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 3, DiscordTestHost.Message($"{mention} again {Marker}", id: "402", username: Marker + "-user"));
        await gateway.SendDispatchAsync("INTERACTION_CREATE", 4, DiscordTestHost.AskCommand($"{Marker} dosing?", id: "350", token: Marker + "-interaction-token", userId: "501"));
        await host.Discord.WaitForRequestAsync(r => r.Path.StartsWith("webhooks/", StringComparison.Ordinal));
        host.Answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("failed on " + Marker));
        await gateway.SendDispatchAsync("INTERACTION_CREATE", 5, DiscordTestHost.AskCommand($"{Marker} fails", id: "351", token: Marker + "-token-2", userId: "502"));
        await host.Discord.WaitForRequestAsync(r => r.Path.StartsWith("webhooks/", StringComparison.Ordinal), count: 2);
        var customId = reply.Json.GetProperty("components")[0].GetProperty("components")[0].GetProperty("custom_id").GetString();
        await gateway.SendDispatchAsync("INTERACTION_CREATE", 6, new
        {
            id = "352", application_id = DiscordTestHost.ApplicationId, type = 3, token = Marker + "-token-3",
            user = new { id = "503", username = Marker }, data = new { custom_id = customId, component_type = 2 },
        });
        await host.Discord.WaitForRequestAsync(r => r.Path.StartsWith("interactions/352/", StringComparison.Ordinal));
        await gateway.CloseAsync(4004, "Authentication failed.");
        await WaitForAsync(() => host.Health.State == DiscordConnectionState.Failed);
        await host.StopAsync();

        var lines = host.Logs.Select(l => string.Join(" | ", l.Message, l.Exception?.ToString(), JsonSerializer.Serialize(l.StructuredState))).ToList();
        Assert.NotEmpty(lines);
        Assert.Contains(host.Logs, l => l.Id.Id == 6203); // the failure was logged, by type only
        Assert.DoesNotContain(lines, l => l.Contains(Marker, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines, l => l.Contains(DiscordTestHost.Token, StringComparison.Ordinal));
    }
}
