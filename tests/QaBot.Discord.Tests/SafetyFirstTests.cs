using Microsoft.Extensions.DependencyInjection;
using Moq;
using QaBot.Answering;
using QaBot.Answering.Safety;
using QaBot.Discord.Tests.Fakes;

namespace QaBot.Discord.Tests;

/// <summary>Safety before every limit, as a Discord user meets it: cooldown, shared limits, a saturated answering queue, a broken triage.</summary>
public sealed class SafetyFirstTests
{
    private const string Mention = "<@" + DiscordTestHost.BotUserId + ">";
    private static readonly string MessagesPath = $"channels/{DiscordTestHost.ChannelId}/messages";

    private static void AnswerSafetyByVerdict(DiscordTestHost host, Func<Task<Answer>>? ordinary = null) =>
        host.Answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .Returns((Question q, CancellationToken _) => q.Triage?.Verdict is { } verdict
                ? Task.FromResult(TestAnswers.Emergency with { Category = verdict.Category })
                : ordinary?.Invoke() ?? Task.FromResult(TestAnswers.Lupus));

    [Theory]
    [InlineData("I want to kill myself", SafetyCategory.SelfHarm)]
    [InlineData("crushing chest pain spreading to my arm", SafetyCategory.Emergency)]
    public async Task Mention_WithinTheCooldownAndOverTheSharedLimit_CrisisGetsTheSafetyReplyNotTheCooldownNote(string message, SafetyCategory category)
    {
        await using var host = await DiscordTestHost.StartAsync(s => s["QaBot:RateLimits:PerUser:TokenLimit"] = "1"); // cooldown 10 s too
        AnswerSafetyByVerdict(host);
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message(Mention + " first", id: "401"));
        await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath) && r.Json.GetProperty("message_reference").GetProperty("message_id").GetString() == "401");
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 3, DiscordTestHost.Message(Mention + " " + message, id: "402"));
        var reply = await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath) && r.Json.GetProperty("message_reference").GetProperty("message_id").GetString() == "402");
        await host.StopAsync();

        Assert.Equal(TestAnswers.Emergency.Text, reply.Json.GetProperty("embeds")[0].GetProperty("description").GetString());
        Assert.Equal(TestAnswers.Reminder, reply.Json.GetProperty("embeds")[0].GetProperty("footer").GetProperty("text").GetString());
        Assert.DoesNotContain(host.Logs, l => l.Id.Id == 6201); // no cooldown note
        var asked = host.Answers.Invocations.Select(i => (Question)i.Arguments[0]).Last();
        Assert.Equal(category, asked.Triage?.Verdict?.Category);
    }

    [Fact]
    public async Task Mention_Emergency_ReplyShowsTheContactsAsFieldsEmergencyFirstWithTheReminder()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>())).ReturnsAsync(TestAnswers.EmergencyWithContacts);
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message(Mention + " crushing chest pain spreading to my arm", id: "403"));
        var reply = await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath));

        Assert.Equal(200, reply.Status); // the fake Discord checks every limit
        var embed = reply.Json.GetProperty("embeds")[0];
        var fields = embed.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal("🚨 Emergency services (US)", fields[0].GetProperty("name").GetString());
        Assert.Equal("call **911**", fields[0].GetProperty("value").GetString());
        Assert.Equal(3, fields.Count);
        Assert.StartsWith("**Llame ahora", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(TestAnswers.Reminder, embed.GetProperty("footer").GetProperty("text").GetString());
    }

    [Fact]
    public async Task SlashAsk_WithinTheCooldown_CrisisGetsThePublicSafetyReplyAtOnce()
    {
        await using var host = await DiscordTestHost.StartAsync();
        AnswerSafetyByVerdict(host);
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", 2, DiscordTestHost.AskCommand("first", id: "301", token: "tok-301"));
        await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"webhooks/{DiscordTestHost.ApplicationId}/tok-301"));
        await gateway.SendDispatchAsync("INTERACTION_CREATE", 3, DiscordTestHost.AskCommand("I want to end my life", id: "302", token: "tok-302"));
        var response = await host.Discord.WaitForRequestAsync(r => r.Is("POST", "interactions/302/tok-302/callback"));
        await host.StopAsync();

        Assert.Equal(4, response.Json.GetProperty("type").GetInt32()); // the reply itself, not a deferral
        var data = response.Json.GetProperty("data");
        Assert.False(data.TryGetProperty("flags", out var flags) && (flags.GetInt32() & 64) != 0); // not ephemeral
        Assert.Equal(TestAnswers.Emergency.Text, data.GetProperty("embeds")[0].GetProperty("description").GetString());
        Assert.Equal(TestAnswers.Reminder, data.GetProperty("embeds")[0].GetProperty("footer").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Mention_AnsweringQueueSaturated_CrisisAnsweredAtOnceWhileAnOrdinaryQuestionIsBusy()
    {
        await using var host = await DiscordTestHost.StartAsync(s =>
        {
            s["QaBot:Discord:CooldownSeconds"] = "0";
            s["QaBot:RateLimits:MaxConcurrentAnswers"] = "1";
            s["QaBot:RateLimits:MaxQueuedAnswers"] = "0";
        });
        var release = new TaskCompletionSource<Answer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        AnswerSafetyByVerdict(host, () =>
        {
            entered.TrySetResult();
            return release.Task;
        });
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message(Mention + " first", id: "401"));
        await entered.Task.WaitAsync(FakeGatewayConnection.Timeout);
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 3, DiscordTestHost.Message(Mention + " I want to kill myself", id: "402", authorId: "500000000000000002"));
        var urgent = await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath) && r.Json.GetProperty("message_reference").GetProperty("message_id").GetString() == "402");
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 4, DiscordTestHost.Message(Mention + " what is lupus", id: "403", authorId: "500000000000000003"));
        var busy = await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath) && r.Json.GetProperty("message_reference").GetProperty("message_id").GetString() == "403");
        var firstStillHeld = !release.Task.IsCompleted;
        release.SetResult(TestAnswers.Lupus);
        await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath) && r.Json.GetProperty("message_reference").GetProperty("message_id").GetString() == "401");

        Assert.True(firstStillHeld);
        Assert.Equal(TestAnswers.Emergency.Text, urgent.Json.GetProperty("embeds")[0].GetProperty("description").GetString());
        Assert.Equal(new QaBot.Answering.RateLimiting.RateLimitOptions().BusyText, busy.Json.GetProperty("embeds")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Mention_TriageThrows_FailsClosedWithTheUrgentReply()
    {
        var triage = new Mock<ISafetyTriage>();
        triage.Setup(t => t.Assess(It.IsAny<string>(), It.IsAny<float[]?>())).Throws(new InvalidOperationException("broken"));
        await using var host = await DiscordTestHost.StartAsync(services: s => s.AddSingleton(triage.Object));
        AnswerSafetyByVerdict(host);
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message(Mention + " what is lupus", id: "401"));
        var reply = await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath) && r.Json.GetProperty("message_reference").GetProperty("message_id").GetString() == "401");
        await host.StopAsync();

        Assert.Equal(TestAnswers.Emergency.Text, reply.Json.GetProperty("embeds")[0].GetProperty("description").GetString());
        var asked = (Question)Assert.Single(host.Answers.Invocations).Arguments[0];
        Assert.Equal((SafetyCategory.Emergency, "triage-failed"), (asked.Triage!.Verdict!.Category, asked.Triage.Verdict.RuleId));
    }
}
