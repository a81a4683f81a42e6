using Moq;
using QaBot.Answering;
using QaBot.Answering.RateLimiting;
using QaBot.Discord.Tests.Fakes;
using static QaBot.Discord.Tests.DiscordGatewayClientTests;

namespace QaBot.Discord.Tests;

/// <summary>The limits every platform shares, as Discord users meet them: after the cooldown, per user, global, busy.</summary>
public sealed class RateLimitTests
{
    private const string Mention = "<@" + DiscordTestHost.BotUserId + ">";
    private static readonly string MessagesPath = $"channels/{DiscordTestHost.ChannelId}/messages";
    private static readonly RateLimitOptions Defaults = new();

    [Fact]
    public async Task SlashAsk_OverTheSharedPerUserLimit_GetsAnEphemeralNoteUntilATokenIsBack()
    {
        await using var host = await DiscordTestHost.StartAsync(s =>
        {
            s["QaBot:Discord:CooldownSeconds"] = "0";
            s["QaBot:RateLimits:PerUser:TokenLimit"] = "1";
            s["QaBot:RateLimits:PerUser:TokensPerPeriod"] = "1";
            s["QaBot:RateLimits:PerUser:ReplenishmentPeriod"] = "00:00:20";
        });
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", 2, DiscordTestHost.AskCommand("first", id: "301", token: "tok-301"));
        await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"webhooks/{DiscordTestHost.ApplicationId}/tok-301"));
        await gateway.SendDispatchAsync("INTERACTION_CREATE", 3, DiscordTestHost.AskCommand("second", id: "302", token: "tok-302"));
        var note = await host.Discord.WaitForRequestAsync(r => r.Is("POST", "interactions/302/tok-302/callback"));
        await gateway.SendDispatchAsync("INTERACTION_CREATE", 4, DiscordTestHost.AskCommand("other user", id: "303", token: "tok-303", userId: "500000000000000002"));
        await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"webhooks/{DiscordTestHost.ApplicationId}/tok-303"));
        host.Time.Advance(TimeSpan.FromSeconds(20));
        await gateway.SendDispatchAsync("INTERACTION_CREATE", 5, DiscordTestHost.AskCommand("third", id: "304", token: "tok-304"));
        await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"webhooks/{DiscordTestHost.ApplicationId}/tok-304"));
        await host.StopAsync();

        var content = note.Json.GetProperty("data").GetProperty("content").GetString();
        Assert.Equal(64, note.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("wait 20 more second", content, StringComparison.Ordinal);
        Assert.Contains(TestAnswers.Reminder, content, StringComparison.Ordinal);
        Assert.Equal(["first", "other user", "third"], host.Answers.Invocations.Select(i => ((Question)i.Arguments[0]).Text));
    }

    [Fact]
    public async Task Mention_OverTheGlobalLimit_GetsOneNoteWithTheGlobalReplyThenSilence()
    {
        await using var host = await DiscordTestHost.StartAsync(s =>
        {
            s["QaBot:Discord:CooldownSeconds"] = "0";
            s["QaBot:RateLimits:Global:TokenLimit"] = "1";
            s["QaBot:RateLimits:Global:TokensPerPeriod"] = "1";
            s["QaBot:RateLimits:Global:ReplenishmentPeriod"] = "00:01:00";
        });
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message(Mention + " first", id: "401"));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 3, DiscordTestHost.Message(Mention + " second", id: "402"));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 4, DiscordTestHost.Message(Mention + " third", id: "403"));
        var note = await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath) && r.Json.TryGetProperty("content", out _));
        await WaitForAsync(() => host.Logs.Count(l => l.Id.Id == 6201) == 2);
        await host.StopAsync();

        Assert.Contains(Defaults.GlobalLimitedText, note.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains(TestAnswers.Reminder, note.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("402", note.Json.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Equal(2, host.Discord.Requests.Count(r => r.Is("POST", MessagesPath))); // the answer and one note; none for "third"
        Assert.Single(host.Answers.Invocations);
    }

    [Fact]
    public async Task SlashAsk_EveryAnsweringSlotTaken_FollowsUpWithTheBusyReplyAndTheReminder()
    {
        await using var host = await DiscordTestHost.StartAsync(s =>
        {
            s["QaBot:RateLimits:MaxConcurrentAnswers"] = "1";
            s["QaBot:RateLimits:MaxQueuedAnswers"] = "0";
        });
        var release = new TaskCompletionSource<Answer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                entered.TrySetResult();
                return release.Task;
            });
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", 2, DiscordTestHost.AskCommand("first", id: "301", token: "tok-301"));
        await entered.Task.WaitAsync(FakeGatewayConnection.Timeout);
        await gateway.SendDispatchAsync("INTERACTION_CREATE", 3, DiscordTestHost.AskCommand("second", id: "302", token: "tok-302", userId: "500000000000000002"));
        var busy = await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"webhooks/{DiscordTestHost.ApplicationId}/tok-302"));
        release.SetResult(TestAnswers.Lupus);
        var answered = await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"webhooks/{DiscordTestHost.ApplicationId}/tok-301"));

        var embed = busy.Json.GetProperty("embeds")[0];
        Assert.Equal(Defaults.BusyText, embed.GetProperty("description").GetString());
        Assert.Equal(TestAnswers.Reminder, embed.GetProperty("footer").GetProperty("text").GetString());
        Assert.Equal(TestAnswers.Lupus.Text, answered.Json.GetProperty("embeds")[0].GetProperty("description").GetString());
    }
}
