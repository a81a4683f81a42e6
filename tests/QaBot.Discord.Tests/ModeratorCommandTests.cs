using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using QaBot.Analytics.Reports;
using QaBot.Discord.Tests.Fakes;
using QaBot.Knowledge;
using QaBot.Moderation;
using ModeratorMessages = QaBot.Discord.Moderation.ModeratorMessages;

namespace QaBot.Discord.Tests;

/// <summary>
/// The moderators' <c>/kb</c> through the real client and the fake Discord: who may use each subcommand, that replies are
/// ephemeral and carry the reminder, and what status and reload say about real knowledge files.
/// </summary>
public sealed class ModeratorCommandTests
{
    private const string ModeratorRoleId = "110000000000000001";
    private const string OtherRoleId = "110000000000000002";

    /// <summary>Every subcommand, with the title the mocked commands give its reply.</summary>
    private static readonly (string Subcommand, int? Days, string Title)[] Subcommands =
    [
        ("status", null, "status reply"),
        ("reload", null, "reload reply"),
        ("gaps", 14, "gaps reply"),
        ("feedback", null, "feedback reply"),
    ];

    [Fact]
    public async Task Kb_MemberWithAModeratorRole_RunsEverySubcommandAndOnlyTheModeratorSeesTheReply()
    {
        var commands = MockCommands();
        await using var host = await StartAsync(commands);
        var gateway = await host.ConnectAsync();

        var replies = await SendAllAsync(host, gateway, roles: [OtherRoleId, ModeratorRoleId], permissions: DiscordTestHost.MemberPermissions);

        foreach (var ((_, _, title), (deferral, followUp)) in Subcommands.Zip(replies))
        {
            Assert.Equal(5, deferral!.Json.GetProperty("type").GetInt32());
            Assert.Equal(64, deferral.Json.GetProperty("data").GetProperty("flags").GetInt32());
            Assert.Equal(200, followUp!.Status);
            Assert.Equal(64, followUp.Json.GetProperty("flags").GetInt32());
            var embed = followUp.Json.GetProperty("embeds")[0];
            Assert.Equal(title, embed.GetProperty("title").GetString());
            Assert.Equal(TestAnswers.Reminder, embed.GetProperty("footer").GetProperty("text").GetString());
        }

        commands.Verify(c => c.StatusAsync(It.IsAny<CancellationToken>()), Times.Once);
        commands.Verify(c => c.ReloadAsync(It.IsAny<CancellationToken>()), Times.Once);
        commands.Verify(c => c.GapsAsync(14, It.IsAny<CancellationToken>()), Times.Once);
        commands.Verify(c => c.FeedbackAsync(null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Kb_MemberWithManageServer_RunsEverySubcommand()
    {
        var commands = MockCommands();
        await using var host = await StartAsync(commands);
        var gateway = await host.ConnectAsync();

        var replies = await SendAllAsync(host, gateway, roles: [OtherRoleId], permissions: DiscordTestHost.ManageServerPermissions);

        Assert.Equal(
            Subcommands.Select(s => s.Title),
            replies.Select(r => r.FollowUp!.Json.GetProperty("embeds")[0].GetProperty("title").GetString()));
        Assert.Equal(4, commands.Invocations.Count);
    }

    [Fact]
    public async Task Kb_MemberWithoutTheRoleOrManageServer_IsRefusedPolitelyForEverySubcommandAndNothingRuns()
    {
        var commands = MockCommands();
        await using var host = await StartAsync(commands);
        var gateway = await host.ConnectAsync();

        var replies = await SendAllAsync(host, gateway, roles: [OtherRoleId], permissions: DiscordTestHost.MemberPermissions);
        await host.StopAsync();

        foreach (var (refusal, followUp) in replies)
        {
            Assert.Null(followUp);
            Assert.Equal(4, refusal!.Json.GetProperty("type").GetInt32());
            var data = refusal.Json.GetProperty("data");
            Assert.Equal(64, data.GetProperty("flags").GetInt32());
            Assert.Contains("only for this server's moderators", data.GetProperty("content").GetString(), StringComparison.Ordinal);
            Assert.Contains(TestAnswers.Reminder, data.GetProperty("content").GetString(), StringComparison.Ordinal);
        }

        Assert.Empty(commands.Invocations);
        Assert.DoesNotContain(host.Discord.Requests, r => r.Path.StartsWith("webhooks/", StringComparison.Ordinal));
        Assert.Equal(4, host.Logs.Count(l => l.Id.Id == 6602)); // each refusal logged, without who asked
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains(DiscordTestHost.UserId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kb_InADirectMessage_IsRefusedForEverySubcommandEvenWithManageServerBits()
    {
        var commands = MockCommands();
        await using var host = await StartAsync(commands);
        var gateway = await host.ConnectAsync();

        var replies = await SendAllAsync(host, gateway, roles: [ModeratorRoleId], permissions: DiscordTestHost.ManageServerPermissions, directMessage: true);
        await host.StopAsync();

        Assert.All(replies, r =>
        {
            Assert.Null(r.FollowUp);
            Assert.Equal(64, r.First!.Json.GetProperty("data").GetProperty("flags").GetInt32());
            Assert.Contains("not in direct messages", r.First.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
            Assert.Contains(TestAnswers.Reminder, r.First.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        });
        Assert.Empty(commands.Invocations);
    }

    [Fact]
    public async Task KbStatus_ByAModerator_ShowsPassagesFilesLastReloadEmbeddingsAndEachProblemWithItsLine()
    {
        using var knowledge = new KnowledgeFolder();
        knowledge.Write("broken.md", KnowledgeFolder.NoTitle);
        await using var host = await StartWithKnowledgeAsync(knowledge);
        _ = host.App.Services.GetRequiredService<IKnowledgeBase>().Current; // the host's warm-up does this
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", 2, DiscordTestHost.KbCommand("status", id: "361", token: "tok-361", roles: [ModeratorRoleId]));
        var followUp = await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"webhooks/{DiscordTestHost.ApplicationId}/tok-361"));

        Assert.Equal(200, followUp.Status);
        var embed = followUp.Json.GetProperty("embeds")[0];
        Assert.Equal("Knowledge status", embed.GetProperty("title").GetString());
        var description = embed.GetProperty("description").GetString()!;
        Assert.Contains("**1** passages from **2 files**", description, StringComparison.Ordinal);
        Assert.Contains("Last reload: 2026-11-26 09:00 UTC (just now)", description, StringComparison.Ordinal);
        Assert.Contains("Embeddings: off", description, StringComparison.Ordinal);
        Assert.Equal(ModeratorMessages.ErrorColor, embed.GetProperty("color").GetInt32());
        var fields = embed.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString()!);
        Assert.Contains("`broken.md:2` error: " + KnowledgeFolder.NoTitleProblem, fields["Problems"], StringComparison.Ordinal);
        Assert.Contains("`lupus.md` (markdown): 1 passage", fields["Files"], StringComparison.Ordinal);
        Assert.Equal(TestAnswers.Reminder, embed.GetProperty("footer").GetProperty("text").GetString());
    }

    [Fact]
    public async Task KbReload_AfterAFileBroke_ServesTheNewFilesAndReportsTheNewProblem()
    {
        using var knowledge = new KnowledgeFolder();
        await using var host = await StartWithKnowledgeAsync(knowledge);
        var loaded = host.App.Services.GetRequiredService<IKnowledgeBase>().Current;
        knowledge.Write("broken.md", KnowledgeFolder.NoTitle);
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", 2, DiscordTestHost.KbCommand("reload", id: "362", token: "tok-362", permissions: DiscordTestHost.ManageServerPermissions));
        var followUp = await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"webhooks/{DiscordTestHost.ApplicationId}/tok-362"));

        Assert.NotSame(loaded, host.App.Services.GetRequiredService<IKnowledgeBase>().Current);
        var embed = followUp.Json.GetProperty("embeds")[0];
        Assert.Equal("Knowledge reloaded", embed.GetProperty("title").GetString());
        Assert.Contains("**1** passages from **2 files** (before: 1)", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        var problems = embed.GetProperty("fields")[0];
        Assert.Equal("New problems", problems.GetProperty("name").GetString());
        Assert.Equal("`broken.md:2` error: " + KnowledgeFolder.NoTitleProblem, problems.GetProperty("value").GetString());
    }

    [Fact]
    public async Task KbGapsAndFeedback_ByAModerator_ShowTheAnalyticsReportsForTheDaysAsked()
    {
        var now = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var reports = new Mock<IAnalyticsReports>();
        reports.Setup(r => r.GetGapsAsync(TimeSpan.FromDays(14), 10, It.IsAny<CancellationToken>())).ReturnsAsync(new GapReport
        {
            From = now.AddDays(-14),
            To = now,
            NoAnswerTotal = 3,
            NotHelpfulTotal = 0,
            Groups = [new GapGroup { Key = "insurance", Example = "is it covered by insurance?", Count = 3, DistinctUsers = 2, NoAnswerCount = 3, NotHelpfulCount = 0, LastAsked = now.AddHours(-1) }],
        });
        reports.Setup(r => r.GetFeedbackAsync(TimeSpan.FromDays(7), It.IsAny<CancellationToken>())).ReturnsAsync(new FeedbackReport
        {
            From = now.AddDays(-7),
            To = now,
            Platforms = [new PlatformFeedback { Platform = "discord", Helpful = 4, NotHelpful = 1, Answered = 20 }],
            NotHelpfulPassages = [new PassageFeedback { PassageId = "conditions/lupus#overview", NotHelpful = 1, Helpful = 0 }],
        });
        await using var host = await DiscordTestHost.StartAsync(
            s => s["QaBot:Discord:ModeratorRoleIds:0"] = ModeratorRoleId,
            services: services => services.AddSingleton(reports.Object));
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", 2, DiscordTestHost.KbCommand("gaps", 14, id: "366", token: "tok-366", roles: [ModeratorRoleId]));
        await gateway.SendDispatchAsync("INTERACTION_CREATE", 3, DiscordTestHost.KbCommand("feedback", id: "367", token: "tok-367", roles: [ModeratorRoleId]));
        var gaps = (await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"webhooks/{DiscordTestHost.ApplicationId}/tok-366"))).Json.GetProperty("embeds")[0];
        var feedback = (await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"webhooks/{DiscordTestHost.ApplicationId}/tok-367"))).Json.GetProperty("embeds")[0];

        Assert.Equal("Unanswered questions, last 14 days", gaps.GetProperty("title").GetString());
        Assert.Equal("1. \u201Cis it covered by insurance?\u201D", gaps.GetProperty("fields")[0].GetProperty("name").GetString());
        Assert.Equal("3 times (no answer), 2 people, last 2026-11-26 08:00 UTC (1 hour ago)", gaps.GetProperty("fields")[0].GetProperty("value").GetString());
        Assert.Equal("Feedback, last 7 days", feedback.GetProperty("title").GetString());
        Assert.StartsWith("**4** helpful, **1** not helpful", feedback.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("`conditions/lupus#overview`: 1 not helpful, 0 helpful", feedback.GetProperty("fields")[1].GetProperty("value").GetString());
        Assert.All([gaps, feedback], e => Assert.Equal(TestAnswers.Reminder, e.GetProperty("footer").GetProperty("text").GetString()));
    }

    [Fact]
    public async Task KbStatus_ThroughTheInteractionsEndpoint_DefersEphemerallyAndFollowsUpAndRefusesOthers()
    {
        using var key = new SigningKey();
        using var knowledge = new KnowledgeFolder();
        await using var host = await DiscordTestHost.StartEndpointOnlyAsync(
            key.PublicKeyHex,
            s => s["QaBot:Discord:ModeratorRoleIds:0"] = ModeratorRoleId,
            services => services.AddSingleton<IKnowledgeBase>(sp => KnowledgeBaseOver(knowledge, sp)));
        using var client = new HttpClient();

        using var allowed = await PostSignedAsync(client, host, key, DiscordTestHost.KbCommand("status", id: "363", token: "tok-363", roles: [ModeratorRoleId]));
        var followUp = await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"webhooks/{DiscordTestHost.ApplicationId}/tok-363"));
        using var refused = await PostSignedAsync(client, host, key, DiscordTestHost.KbCommand("reload", id: "364", token: "tok-364"));
        var refusal = await refused.Content.ReadFromJsonAsync<JsonElement>();

        var deferral = await allowed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((5, 64), (deferral.GetProperty("type").GetInt32(), deferral.GetProperty("data").GetProperty("flags").GetInt32()));
        Assert.Equal("Knowledge status", followUp.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal(64, followUp.Json.GetProperty("flags").GetInt32());
        Assert.Equal((4, 64), (refusal.GetProperty("type").GetInt32(), refusal.GetProperty("data").GetProperty("flags").GetInt32()));
        Assert.Contains(TestAnswers.Reminder, refusal.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Discord.Requests, r => r.Path.EndsWith("tok-364", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kb_CommandThrows_TheModeratorGetsAnEphemeralApologyWithTheReminder()
    {
        var commands = MockCommands();
        commands.Setup(c => c.StatusAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("boom"));
        await using var host = await StartAsync(commands);
        var gateway = await host.ConnectAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", 2, DiscordTestHost.KbCommand("status", id: "365", token: "tok-365", roles: [ModeratorRoleId]));
        var followUp = await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"webhooks/{DiscordTestHost.ApplicationId}/tok-365"));

        var embed = followUp.Json.GetProperty("embeds")[0];
        Assert.Contains("failed unexpectedly", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(ModeratorMessages.ErrorColor, embed.GetProperty("color").GetInt32());
        Assert.Equal(TestAnswers.Reminder, embed.GetProperty("footer").GetProperty("text").GetString());
        Assert.Equal(64, followUp.Json.GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task Startup_Kb_IsRegisteredWithItsSubcommandsForManageServerInServersOnly()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var put = await host.Discord.WaitForRequestAsync(r => r.Method == "PUT");

        var kb = put.Json.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "kb");
        Assert.Equal("32", kb.GetProperty("default_member_permissions").GetString());
        Assert.Equal([0], kb.GetProperty("contexts").EnumerateArray().Select(c => c.GetInt32()));
        var subcommands = kb.GetProperty("options").EnumerateArray().ToList();
        Assert.Equal(["status", "reload", "gaps", "feedback"], subcommands.Select(s => s.GetProperty("name").GetString()));
        Assert.All(subcommands, s => Assert.Equal(1, s.GetProperty("type").GetInt32()));
        var days = subcommands[2].GetProperty("options")[0];
        Assert.Equal(("days", 4, 1, 90), (days.GetProperty("name").GetString(), days.GetProperty("type").GetInt32(), days.GetProperty("min_value").GetInt32(), days.GetProperty("max_value").GetInt32()));
        Assert.False(subcommands[0].TryGetProperty("options", out _));
    }

    private static Mock<IModeratorCommands> MockCommands()
    {
        var commands = new Mock<IModeratorCommands>();
        commands.Setup(c => c.StatusAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Reply("status reply"));
        commands.Setup(c => c.ReloadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Reply("reload reply"));
        commands.Setup(c => c.GapsAsync(It.IsAny<int?>(), It.IsAny<CancellationToken>())).ReturnsAsync(Reply("gaps reply"));
        commands.Setup(c => c.FeedbackAsync(It.IsAny<int?>(), It.IsAny<CancellationToken>())).ReturnsAsync(Reply("feedback reply"));
        return commands;
    }

    private static ModeratorReply Reply(string title) => new()
    {
        Title = title,
        Lines = ["a line"],
        Fields = [new ModeratorField("A field", ["one", "two"])],
        Reminder = TestAnswers.Reminder,
    };

    private static Task<DiscordTestHost> StartAsync(Mock<IModeratorCommands> commands) =>
        DiscordTestHost.StartAsync(
            s => s["QaBot:Discord:ModeratorRoleIds:0"] = ModeratorRoleId,
            services: services => services.AddSingleton(commands.Object));

    private static Task<DiscordTestHost> StartWithKnowledgeAsync(KnowledgeFolder knowledge) =>
        DiscordTestHost.StartAsync(
            s => s["QaBot:Discord:ModeratorRoleIds:0"] = ModeratorRoleId,
            services: services => services.AddSingleton<IKnowledgeBase>(sp => KnowledgeBaseOver(knowledge, sp)));

    /// <summary>A real knowledge base over the test's folder, on the host's fake clock (embeddings off).</summary>
    private static KnowledgeBase KnowledgeBaseOver(KnowledgeFolder folder, IServiceProvider services) =>
        new(Options.Create(new KnowledgeOptions { Paths = [folder.Path] }), services.GetRequiredService<TimeProvider>());

    /// <summary>Sends every subcommand; for each, the first response and the follow-up (null when there is none).</summary>
    private static async Task<List<(RecordedRequest? First, RecordedRequest? FollowUp)>> SendAllAsync(
        DiscordTestHost host, FakeGatewayConnection gateway, string[] roles, string permissions, bool directMessage = false)
    {
        var results = new List<(RecordedRequest?, RecordedRequest?)>();
        var sequence = 2;
        foreach (var (subcommand, days, _) in Subcommands)
        {
            var id = "37" + sequence;
            var token = "tok-" + id;
            await gateway.SendDispatchAsync("INTERACTION_CREATE", sequence++, DiscordTestHost.KbCommand(subcommand, days, id, token, roles, permissions, directMessage));
            var first = await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"interactions/{id}/{token}/callback"));
            RecordedRequest? followUp = null;
            if (first.Json.GetProperty("type").GetInt32() == 5)
            {
                followUp = await host.Discord.WaitForRequestAsync(r => r.Is("POST", $"webhooks/{DiscordTestHost.ApplicationId}/{token}"));
            }

            results.Add((first, followUp));
        }

        return results;
    }

    private static async Task<HttpResponseMessage> PostSignedAsync(HttpClient client, DiscordTestHost host, SigningKey key, object payload)
    {
        var timestamp = host.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = JsonSerializer.Serialize(payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseAddress, "api/discord/interactions"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-Ed25519", key.Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
