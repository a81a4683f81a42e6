using Moq;
using QaBot.Answering;
using QaBot.Answering.Conversations;
using QaBot.Discord.Tests.Fakes;

namespace QaBot.Discord.Tests;

/// <summary>Follow-ups on Discord, through the fake gateway: the context is the channel (thread, DM) and the asker.</summary>
public sealed class ConversationTests
{
    private const string Mention = "<@" + DiscordTestHost.BotUserId + ">";
    private static readonly string MessagesPath = $"channels/{DiscordTestHost.ChannelId}/messages";

    [Fact]
    public async Task Mention_FollowUpInTheSameChannel_IsAnsweredAboutThePreviousTopic()
    {
        await using var host = await DiscordTestHost.StartAsync(services: s => s.AddConversations());
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message(Mention + " Can stem cells help lupus?", id: "410"));
        await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath) && Replies(r, "410"));
        host.Time.Advance(TimeSpan.FromSeconds(11)); // past the cooldown
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 3, DiscordTestHost.Message(Mention + " is it safe?", id: "411"));
        await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath) && Replies(r, "411"));
        await host.StopAsync();

        Assert.Equal(
            ["Can stem cells help lupus?", "is stem cell therapy for lupus safe?"],
            host.Answers.Invocations.Select(i => ((Question)i.Arguments[0]).Text).Take(2));
    }

    [Fact]
    public async Task Mention_AnotherUserInTheSameChannel_HasTheirOwnContext()
    {
        await using var host = await DiscordTestHost.StartAsync(services: s => s.AddConversations());
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordTestHost.Message(Mention + " Can stem cells help lupus?", id: "420"));
        await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath) && Replies(r, "420"));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", 3, DiscordTestHost.Message(Mention + " what have the studies found?", id: "421", authorId: "500000000000000099"));
        await host.Discord.WaitForRequestAsync(r => r.Is("POST", MessagesPath) && Replies(r, "421"));
        await host.StopAsync();

        Assert.Equal("what have the studies found?", ((Question)host.Answers.Invocations[1].Arguments[0]).Text);
    }

    private static bool Replies(RecordedRequest request, string messageId) =>
        request.Json.TryGetProperty("message_reference", out var reference) && reference.GetProperty("message_id").GetString() == messageId;
}
