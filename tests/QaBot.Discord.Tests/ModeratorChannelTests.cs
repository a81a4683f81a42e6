using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using QaBot.Answering;
using QaBot.Discord.Tests.Fakes;
using QaBot.Knowledge;

namespace QaBot.Discord.Tests;

/// <summary>The moderators' channel on Discord: what a reload with a new problem posts there, and that a failing post harms nothing.</summary>
public sealed class ModeratorChannelTests
{
    private const string ModeratorChannelId = "610000000000000001";
    private static readonly string ChannelPath = $"channels/{ModeratorChannelId}/messages";

    [Fact]
    public async Task Reload_WithANewProblem_PostsItToTheModeratorChannelAndNothingWhenNothingChanged()
    {
        using var folder = new KnowledgeFolder();
        await using var host = await StartAsync(folder);
        var knowledge = host.App.Services.GetRequiredService<IKnowledgeBase>();
        _ = knowledge.Current; // the first load has no problems: nothing to post

        folder.Write("broken.md", KnowledgeFolder.NoTitle);
        await knowledge.ReloadAsync(CancellationToken.None);
        var post = await host.Discord.WaitForRequestAsync(r => r.Is("POST", ChannelPath));
        await knowledge.ReloadAsync(CancellationToken.None); // the same files again
        await host.StopAsync();

        Assert.Equal(200, post.Status); // within Discord's limits, with the bot token
        Assert.False(post.Json.TryGetProperty("flags", out _)); // a channel post, for every moderator there
        var embed = post.Json.GetProperty("embeds")[0];
        Assert.Equal("1 new knowledge problem", embed.GetProperty("title").GetString());
        Assert.Equal("New problems", embed.GetProperty("fields")[0].GetProperty("name").GetString());
        Assert.Equal("`broken.md:2` error: " + KnowledgeFolder.NoTitleProblem, embed.GetProperty("fields")[0].GetProperty("value").GetString());
        Assert.Equal(TestAnswers.Reminder, embed.GetProperty("footer").GetProperty("text").GetString());
        Assert.Single(host.Discord.Requests, r => r.Is("POST", ChannelPath));
    }

    [Fact]
    public async Task Reload_PostRefusedByDiscord_IsLoggedAndQuestionsAreStillAnswered()
    {
        using var folder = new KnowledgeFolder();
        await using var host = await StartAsync(folder);
        host.Discord.Enqueue("POST", ChannelPath, FakeResponse.Error(403, 50013)); // Missing Permissions
        var knowledge = host.App.Services.GetRequiredService<IKnowledgeBase>();
        _ = knowledge.Current;
        var gateway = await host.ConnectAsync();

        folder.Write("broken.md", KnowledgeFolder.NoTitle);
        await knowledge.ReloadAsync(CancellationToken.None);
        await host.Discord.WaitForRequestAsync(r => r.Is("POST", ChannelPath) && r.Status == 403);
        await gateway.SendDispatchAsync("INTERACTION_CREATE", 2, DiscordTestHost.AskCommand("Can stem cells help lupus?", id: "380", token: "tok-380"));
        var answer = await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"webhooks/{DiscordTestHost.ApplicationId}/tok-380"));
        await DiscordGatewayClientTests.WaitForAsync(() => host.Logs.Any(l => l.Id.Id == 9103));

        Assert.Equal(200, answer.Status);
        var failure = host.Logs.Single(l => l.Id.Id == 9103);
        Assert.Equal("Could not post knowledge problems to the moderators' channel on discord (DiscordRestException); answering is not affected", failure.Message);
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains("broken.md", StringComparison.Ordinal) && l.Id.Id >= 9000);
    }

    private static Task<DiscordTestHost> StartAsync(KnowledgeFolder folder) =>
        DiscordTestHost.StartAsync(
            s =>
            {
                s["QaBot:Discord:ModeratorChannelId"] = ModeratorChannelId;
                s["QaBot:Moderation:NotifyDelay"] = "00:00:00";
            },
            services: services => services.AddSingleton<IKnowledgeBase>(sp =>
                new KnowledgeBase(Options.Create(new KnowledgeOptions { Paths = [folder.Path] }), sp.GetRequiredService<TimeProvider>())));
}
