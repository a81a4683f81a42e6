using Microsoft.Extensions.Logging;
using Moq;
using QaBot.Answering;
using QaBot.Answering.Feedback;
using QaBot.Discord.Tests.Fakes;
using static QaBot.Discord.Tests.DiscordGatewayClientTests;

namespace QaBot.Discord.Tests;

/// <summary>What a Discord user sees: mentions, DMs, slash commands, buttons, cooldowns, through the real client.</summary>
public sealed class DiscordBotTests
{
    private const string Mention = "<@" + DiscordTestHost.BotUserId + ">";
    private static readonly string MessagesPath = $"channels/{DiscordTestHost.ChannelId}/messages";

    [Fact]
    public async Task Mention_InAnAllowedChannel_RepliesToTheMessageWithTheAnswerEmbedAndButtons()
    {
        await using var host = await DiscordTestHost.StartAsync(s => s["QaBot:Discord:AllowedChannelIds:0"] = DiscordTestHost.ChannelId);
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message(Mention + " Can stem cells help lupus?", id: "400000000000000042"));
        var reply = await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath));

        Assert.Equal(200, reply.Status); // the fake Discord checks the limits and the bot token
        Assert.Equal("Bot " + DiscordTestHost.Token, reply.Header("Authorization"));
        Assert.StartsWith("DiscordBot (https://github.com/qabot/qabot, ", reply.Header("User-Agent"), StringComparison.Ordinal);
        var body = reply.Json;
        Assert.Equal("400000000000000042", body.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Empty(body.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        var embed = body.GetProperty("embeds")[0];
        Assert.Equal("Here's what I found", embed.GetProperty("title").GetString());
        Assert.Equal(TestAnswers.Lupus.Text, embed.GetProperty("description").GetString());
        Assert.Equal(TestAnswers.Reminder, embed.GetProperty("footer").GetProperty("text").GetString());
        var fields = embed.GetProperty("fields");
        Assert.Equal(2, fields.GetArrayLength());
        Assert.Equal("[1] Stem cell therapy and lupus (SLE) · Can stem cell therapy help lupus (SLE)?", fields[0].GetProperty("name").GetString());
        Assert.Contains("**stem cells**", fields[0].GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("[Adapted from an article, in our own words](https://example.org/lupus)", fields[0].GetProperty("value").GetString(), StringComparison.Ordinal);
        var buttons = body.GetProperty("components")[0].GetProperty("components");
        Assert.Equal(["Helpful", "Not helpful"], buttons.EnumerateArray().Select(b => b.GetProperty("label").GetString()));
        Assert.All(buttons.EnumerateArray(), b => Assert.DoesNotContain("lupus", b.GetProperty("custom_id").GetString(), StringComparison.OrdinalIgnoreCase));
        host.Answers.Verify(a => a.AnswerAsync(
            It.Is<Question>(q => q.Text == "Can stem cells help lupus?" && q.Platform == "discord" && q.UserId == DiscordTestHost.UserId),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task DirectMessage_WithoutAMention_IsAnswered()
    {
        await using var host = await DiscordTestHost.StartAsync(s => s["QaBot:Discord:AllowedChannelIds:0"] = "1"); // DMs are not channel-limited
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message("what is an iPSC?", guildId: null, mentionsBot: false));
        var reply = await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath));

        Assert.Equal(200, reply.Status);
        host.Answers.Verify(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "what is an iPSC?"), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Message_FromBotsItselfUnmentionedOrElsewhere_IsIgnored()
    {
        await using var host = await DiscordTestHost.StartAsync(s => s["QaBot:Discord:AllowedChannelIds:0"] = DiscordTestHost.ChannelId);
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message(Mention + " from another bot", authorId: "111", bot: true));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 3, DiscordTestHost.Message(Mention + " from itself", authorId: DiscordTestHost.BotUserId));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 4, DiscordTestHost.Message("no mention here", mentionsBot: false));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 5, DiscordTestHost.Message(Mention + " in a channel not allowed", channelId: "222"));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 6, DiscordTestHost.Message(Mention + " from a human", authorId: "333"));
        await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath));
        await host.StopAsync(); // drains: anything started has finished

        var question = Assert.Single(host.Answers.Invocations).Arguments[0];
        Assert.Equal("from a human", ((Question)question).Text);
        Assert.Single(host.Discord.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Mention_WithinTheCooldown_GetsOnePoliteNoteThenIsAnsweredAfterIt()
    {
        await using var host = await DiscordTestHost.StartAsync(); // cooldown 10 s
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message(Mention + " first", id: "401"));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 3, DiscordTestHost.Message(Mention + " second", id: "402"));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 4, DiscordTestHost.Message(Mention + " third", id: "403"));
        var note = await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath) && r.Json.TryGetProperty("content", out _));
        await WaitForAsync(() => host.Logs.Count(l => l.Id.Id == 6201) == 2); // "second" and "third" met the cooldown
        host.Time.Advance(TimeSpan.FromSeconds(10));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 5, DiscordTestHost.Message(Mention + " fourth", id: "404"));
        await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath) && r.Json.GetProperty("message_reference").GetProperty("message_id").GetString() == "404");
        await host.StopAsync();

        Assert.Contains("Please wait 10 more seconds", note.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains(new QaBot.Answering.AnsweringOptions().Reminder, note.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("402", note.Json.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Equal(["first", "fourth"], host.Answers.Invocations.Select(i => ((Question)i.Arguments[0]).Text));
        Assert.Equal(3, host.Discord.Requests.Count(r => r.Is("POST", MessagesPath))); // two answers, one note; none for "third"
    }

    [Fact]
    public async Task SlashAsk_Received_DefersThenSendsTheAnswerAsAFollowUp()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", 2, DiscordTestHost.AskCommand("Is stem cell therapy safe?", id: "301", token: "tok-301"));
        var followUp = await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"webhooks/{DiscordTestHost.ApplicationId}/tok-301"));

        var requests = host.Discord.Requests.ToList();
        var deferral = Assert.Single(requests, r => r.Is("POST", "interactions/301/tok-301/callback"));
        Assert.True(requests.IndexOf(deferral) < requests.IndexOf(followUp));
        Assert.Equal(5, deferral.Json.GetProperty("type").GetInt32());
        Assert.Null(deferral.Header("Authorization")); // interaction tokens authorize these calls
        Assert.Equal(200, followUp.Status);
        Assert.Equal(TestAnswers.Reminder, followUp.Json.GetProperty("embeds")[0].GetProperty("footer").GetProperty("text").GetString());
        host.Answers.Verify(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "Is stem cell therapy safe?" && q.UserId == DiscordTestHost.UserId), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task SlashAsk_WithinTheCooldown_GetsAnEphemeralNoteAndNoAnswer()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", 2, DiscordTestHost.AskCommand("first", id: "301", token: "tok-301"));
        await gateway.SendDispatchAsync("INTERACTION_CREATE", 3, DiscordTestHost.AskCommand("second", id: "302", token: "tok-302"));
        var note = await host.Discord.WaitForRequestAsync(r => r.Is("POST", "interactions/302/tok-302/callback"));
        await host.StopAsync();

        Assert.Equal(4, note.Json.GetProperty("type").GetInt32());
        Assert.Equal(64, note.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("wait", note.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains(new QaBot.Answering.AnsweringOptions().Reminder, note.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Discord.Requests, r => r.Path == "webhooks/" + DiscordTestHost.ApplicationId + "/tok-302");
        Assert.Single(host.Answers.Invocations);
    }

    [Fact]
    public async Task SlashAbout_Received_TellsWhatQaBotKnowsHowToAskAndTheReminder()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", 2, new
        {
            id = "310", application_id = DiscordTestHost.ApplicationId, type = 2, token = "tok-310", channel_id = DiscordTestHost.ChannelId,
            user = new { id = DiscordTestHost.UserId }, data = new { id = "2", name = "about", type = 1 },
        });
        var response = await host.Discord.WaitForRequestAsync(r => r.Is("POST", "interactions/310/tok-310/callback"));

        Assert.Equal(4, response.Json.GetProperty("type").GetInt32());
        var embed = response.Json.GetProperty("data").GetProperty("embeds")[0];
        Assert.Contains("rheumatoid arthritis", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("/ask question:", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(TestAnswers.Reminder, embed.GetProperty("footer").GetProperty("text").GetString());
    }

    [Fact]
    public async Task FeedbackButton_Clicked_RecordsTheFeedbackAndThanksEphemerally()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var gateway = await host.ConnectAsync();
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message(Mention + " Can stem cells help lupus?"));
        var reply = await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath));
        var notHelpful = reply.Json.GetProperty("components")[0].GetProperty("components")[1].GetProperty("custom_id").GetString();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", 3, new
        {
            id = "320", application_id = DiscordTestHost.ApplicationId, type = 3, token = "tok-320", guild_id = DiscordTestHost.GuildId,
            channel_id = DiscordTestHost.ChannelId, member = new { user = new { id = "777" } },
            data = new { custom_id = notHelpful, component_type = 2 },
        });
        var thanks = await host.Discord.WaitForRequestAsync(r => r.Is("POST", "interactions/320/tok-320/callback"));
        await host.StopAsync();

        Assert.True(notHelpful!.Length <= 100);
        Assert.DoesNotContain("lupus", notHelpful, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4, thanks.Json.GetProperty("type").GetInt32());
        Assert.Equal(64, thanks.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.StartsWith("Thank you", thanks.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        host.Feedback.Verify(f => f.RecordAsync(
            It.Is<FeedbackEntry>(e => e.Platform == "discord" && !e.Helpful && e.Kind == AnswerKind.Answered && e.UserId == "777"
                                      && e.Question == "Can stem cells help lupus?" // kept in memory for the gap report, never in the button
                                      && e.PassageIds.SequenceEqual(TestAnswers.Lupus.Citations.Select(c => c.Id))),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task FeedbackButton_ThankYouCallbackFails_FeedbackIsRecordedBeforeIt()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var gateway = await host.ConnectAsync();
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message(Mention + " Can stem cells help lupus?"));
        var reply = await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath));
        var helpful = reply.Json.GetProperty("components")[0].GetProperty("components")[0].GetProperty("custom_id").GetString();
        const string Callback = "interactions/321/tok-321/callback";
        host.Discord.Enqueue("POST", Callback, FakeResponse.Error(404, 10062)); // "Unknown interaction": the thanks fails
        var callbackSentBeforeRecording = true;
        host.Feedback.Setup(f => f.RecordAsync(It.IsAny<FeedbackEntry>(), It.IsAny<CancellationToken>()))
            .Callback(() => callbackSentBeforeRecording = host.Discord.Requests.Any(r => r.Is("POST", Callback)))
            .Returns(ValueTask.CompletedTask);

        await gateway.SendDispatchAsync("INTERACTION_CREATE", 3, new
        {
            id = "321", application_id = DiscordTestHost.ApplicationId, type = 3, token = "tok-321", guild_id = DiscordTestHost.GuildId,
            channel_id = DiscordTestHost.ChannelId, member = new { user = new { id = "777" } },
            data = new { custom_id = helpful, component_type = 2 },
        });
        var thanks = await host.Discord.WaitForRequestAsync(r => r.Is("POST", Callback));
        await host.StopAsync();

        Assert.Equal(404, thanks.Status);
        Assert.False(callbackSentBeforeRecording);
        host.Feedback.Verify(f => f.RecordAsync(
            It.Is<FeedbackEntry>(e => e.Platform == "discord" && e.Helpful && e.UserId == "777"
                                      && e.PassageIds.SequenceEqual(TestAnswers.Lupus.Citations.Select(c => c.Id))),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task InteractionCallback_ServerErrors_RetriedOnlyWithinDiscords3SecondWindow()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var gateway = await host.ConnectAsync();
        const string Callback = "interactions/322/tok-322/callback";
        for (var i = 0; i < 6; i++)
        {
            host.Discord.Enqueue("POST", Callback, FakeResponse.Status500(503));
        }

        await gateway.SendDispatchAsync("INTERACTION_CREATE", 3, new
        {
            id = "322", application_id = DiscordTestHost.ApplicationId, type = 2, token = "tok-322", guild_id = DiscordTestHost.GuildId,
            channel_id = DiscordTestHost.ChannelId, member = new { user = new { id = "777" } },
            data = new { id = "2", name = "about", type = 1 },
        });
        await host.AdvanceUntilAsync(() => host.Logs.Any(l => l.Id.Id == 6304), TimeSpan.FromMilliseconds(100)); // the work gave up

        // Backoff (jitter 0.5): tries at 0 s, 0.5 s and 1.5 s; the next would be at 3.5 s, after Discord's window.
        Assert.Equal(3, host.Discord.Requests.Count(r => r.Is("POST", Callback)));
        Assert.Single(host.Logs, l => l.Id.Id == 6105);
        Assert.DoesNotContain(host.Logs, l => l.Level >= LogLevel.Error);
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains("tok-322", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interaction_SameIdDeliveredTwice_IsHandledOnce()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var gateway = await host.ConnectAsync();
        var ask = DiscordTestHost.AskCommand("Can stem cells help lupus?", id: "323", token: "tok-323");

        await gateway.SendDispatchAsync("INTERACTION_CREATE", 3, ask);
        await gateway.SendDispatchAsync("INTERACTION_CREATE", 4, ask);
        await WaitForAsync(() => host.Logs.Any(l => l.Id.Id == 6207)); // the repeat was recognised
        await host.Discord.WaitForRequestAsync(r => r.Path == $"webhooks/{DiscordTestHost.ApplicationId}/tok-323");
        await host.StopAsync();

        Assert.Single(host.Discord.Requests, r => r.Path == "interactions/323/tok-323/callback");
        Assert.Single(host.Discord.Requests, r => r.Path == $"webhooks/{DiscordTestHost.ApplicationId}/tok-323");
        host.Answers.Verify(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Mention_WithThreadsOn_AnswersInANewThreadOnTheQuestion()
    {
        await using var host = await DiscordTestHost.StartAsync(s => s["QaBot:Discord:ReplyInThread"] = "true");
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message(Mention + " Can stem cells help lupus?", id: "450"));
        var thread = await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"{MessagesPath}/450/threads"));
        var answer = await host.Discord.WaitForRequestAsync(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal));

        Assert.Equal("Can stem cells help lupus?", thread.Json.GetProperty("name").GetString());
        Assert.NotEqual(MessagesPath, answer.Path); // posted in the new thread, not in the channel
        Assert.Equal(200, answer.Status);
        Assert.Equal("<@" + DiscordTestHost.UserId + ">", answer.Json.GetProperty("content").GetString());
        Assert.Equal(TestAnswers.Reminder, answer.Json.GetProperty("embeds")[0].GetProperty("footer").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Mention_HugeAnswer_ReplyIsShortenedWithinDiscordsLimits()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>())).ReturnsAsync(TestAnswers.Huge);
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message(Mention + " tell me everything"));
        var reply = await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath));

        Assert.Equal(200, reply.Status); // the fake Discord answers 400 to anything over a limit
        Assert.Empty(DiscordLimitChecker.Violations(reply.Json));
        Assert.Equal(TestAnswers.Reminder, reply.Json.GetProperty("embeds")[0].GetProperty("footer").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Startup_Commands_RegisteredByOneBulkOverwriteGloballyOrPerGuild()
    {
        await using var global = await DiscordTestHost.StartAsync();
        await using var perGuild = await DiscordTestHost.StartAsync(s =>
        {
            s["QaBot:Discord:CommandGuildIds:0"] = DiscordTestHost.GuildId;
            s["QaBot:Discord:ApplicationId"] = "800000000000000009";
        });

        var put = await global.Discord.WaitForRequestAsync(r => r.Method == "PUT");
        var guildPut = await perGuild.Discord.WaitForRequestAsync(r => r.Method == "PUT");

        Assert.Equal($"applications/{DiscordTestHost.ApplicationId}/commands", put.Path);
        Assert.Contains(global.Discord.Requests, r => r.Is("GET", "applications/@me"));
        var commands = put.Json.EnumerateArray().ToList();
        Assert.Equal(["ask", "about", "kb"], commands.Select(c => c.GetProperty("name").GetString()));
        var option = commands[0].GetProperty("options")[0];
        Assert.Equal(("question", 3, true), (option.GetProperty("name").GetString(), option.GetProperty("type").GetInt32(), option.GetProperty("required").GetBoolean()));
        Assert.Equal([0, 1], commands[0].GetProperty("contexts").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal($"applications/800000000000000009/guilds/{DiscordTestHost.GuildId}/commands", guildPut.Path);
        Assert.DoesNotContain(perGuild.Discord.Requests, r => r.Is("GET", "applications/@me"));
    }

    [Theory]
    [InlineData("applications/@me", true, 401)]
    [InlineData("applications/@me", true, 403)]
    [InlineData("gateway/bot", false, 403)]
    public async Task Startup_Error40001_IsABadTokenLike401AndStopsWithoutConnecting(string path, bool registerCommands, int status)
    {
        await using var host = await DiscordTestHost.StartAsync(
            s => s["QaBot:Discord:RegisterCommands"] = registerCommands ? "true" : "false",
            script: discord => discord.Enqueue("GET", path, FakeResponse.Error(status, 40001)));

        await WaitForAsync(() => host.Health.State == DiscordConnectionState.Failed);
        await host.BotRun.WaitAsync(FakeGatewayConnection.Timeout);

        Assert.Contains("authentication failed", host.Health.FailureReason, StringComparison.Ordinal);
        Assert.Contains("40001", host.Health.FailureReason, StringComparison.Ordinal);
        Assert.Equal(0, host.Discord.ConnectionCount);
        Assert.Single(host.Discord.Requests, r => r.Is("GET", path)); // not retried
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains(DiscordTestHost.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Startup_TokenRefused_StopsWithAFailedHealthAndDoesNotConnect()
    {
        await using var host = await DiscordTestHost.StartAsync(s => s["QaBot:Discord:Token"] = "wrong-token");

        await WaitForAsync(() => host.Health.State == DiscordConnectionState.Failed);
        await host.BotRun.WaitAsync(FakeGatewayConnection.Timeout); // stopped for good: no later connection can come

        Assert.Contains("authentication failed", host.Health.FailureReason, StringComparison.Ordinal);
        Assert.Equal(0, host.Discord.ConnectionCount);
    }
}
