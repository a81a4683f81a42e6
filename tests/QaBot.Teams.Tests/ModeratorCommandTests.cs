using Microsoft.Bot.Schema;
using Moq;
using Newtonsoft.Json.Linq;
using QaBot.Answering;
using QaBot.Teams.Tests.Infrastructure;

namespace QaBot.Teams.Tests;

/// <summary>
/// The moderators' text commands through the real HTTP pipeline, the SDK's authentication and the fake Bot Connector: who
/// may run them, that a refused "kb ..." is never answered as a question, and what the cards say about real files.
/// </summary>
public sealed class ModeratorCommandTests(ModeratorHost fixture) : IClassFixture<ModeratorHost>
{
    private const string Reminder = "This is general information, not medical advice. Please talk to your healthcare provider about your own situation.";
    private const string AppId = TeamsHost.AppId;

    private TeamsHost Host => fixture.Teams;

    public static TheoryData<string, string> Commands => new()
    {
        { "kb status", "Knowledge status" },
        { "kb reload", "Knowledge reloaded" },
        { "kb gaps 14", "Unanswered questions, last 14 days" },
        { "/kb feedback", "Feedback, last 7 days" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task KbCommand_FromAModerator_RepliesWithItsCardAndTheReminderAndAnswersNoQuestion(string text, string heading)
    {
        Host.Mark();

        var (_, reply) = await ReplyAsync(TeamsActivities.Personal(Host.ServiceUrl, AppId, text));

        var card = reply.Card!;
        Assert.Equal(heading, (string?)card["body"]![0]!["text"]);
        Assert.Equal(Reminder, Footer(card));
        Assert.EndsWith(Reminder, (string?)card["fallbackText"], StringComparison.Ordinal);
        Assert.Empty(Host.Answers.Invocations);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task KbCommand_FromSomeoneElse_IsRefusedPolitelyAndNeverAnsweredAsAQuestion(string text, string heading)
    {
        Host.Mark();
        var served = fixture.KnowledgeBase.Current;
        var activity = TeamsActivities.Personal(Host.ServiceUrl, AppId, text);
        activity.From = new ChannelAccount("29:someone-else", "Someone Else", aadObjectId: "0d9c2f0e-8f1a-4c1e-b1f4-0f3f7b2a9e10");

        var (_, reply) = await ReplyAsync(activity);

        var card = reply.Card!;
        Assert.Equal("Only for moderators", (string?)card["body"]![0]!["text"]);
        Assert.DoesNotContain(Texts(card), t => t.Contains(heading, StringComparison.Ordinal));
        Assert.Contains(Texts(card), t => t.Contains("only for QaBot's moderators", StringComparison.Ordinal));
        Assert.Equal(Reminder, Footer(card));
        Assert.Same(served, fixture.KnowledgeBase.Current); // "kb reload" did not reload
        Assert.Empty(Host.Answers.Invocations);
    }

    [Fact]
    public async Task KbStatus_FromSomeoneWithoutAnObjectId_IsRefused()
    {
        Host.Mark();
        var activity = TeamsActivities.Personal(Host.ServiceUrl, AppId, "kb status");
        activity.From = new ChannelAccount("29:no-object-id", "Guest");

        var (_, reply) = await ReplyAsync(activity);

        Assert.Equal("Only for moderators", (string?)reply.Card!["body"]![0]!["text"]);
        Assert.Empty(Host.Answers.Invocations);
    }

    [Fact]
    public async Task KbStatus_InAChannelFromAModerator_ListsProblemsWithTheirLineAndEveryFileInTheThread()
    {
        Host.Mark();
        var activity = TeamsActivities.Channel(Host.ServiceUrl, AppId, "kb status", mention: true);

        var (_, reply) = await ReplyAsync(activity);

        Assert.Equal(activity.Conversation.Id, reply.ConversationId);
        var texts = Texts(reply.Card!).ToList();
        Assert.Contains(texts, t => t.StartsWith("**", StringComparison.Ordinal) && t.Contains("passages from", StringComparison.Ordinal));
        Assert.Contains("`broken.md:2` error: " + KnowledgeFolder.NoTitleProblem, texts);
        Assert.Contains(texts, t => t.StartsWith("`lupus.md` (markdown): 1 passage", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Embeddings: off", StringComparison.Ordinal));
        Assert.Equal("Attention", (string?)reply.Card!["body"]![0]!["color"]);
    }

    [Fact]
    public async Task KbReload_AfterAFileBroke_ServesTheNewFilesAndNamesTheNewProblem()
    {
        Host.Mark();
        var before = fixture.KnowledgeBase.Current;
        var file = "broken-" + Guid.NewGuid().ToString("N")[..8] + ".md";
        fixture.Knowledge.Write(file, KnowledgeFolder.NoTitle);

        var (_, reply) = await ReplyAsync(TeamsActivities.Personal(Host.ServiceUrl, AppId, "kb reload"));

        Assert.NotSame(before, fixture.KnowledgeBase.Current);
        var texts = Texts(reply.Card!).ToList();
        Assert.Contains("**New problems**", texts);
        Assert.Contains($"`{file}:2` error: " + KnowledgeFolder.NoTitleProblem, texts);
    }

    [Theory]
    [InlineData("kb gaps 365", "Please choose another number of days", "Days go from 1 to 90 (you asked for 365).")]
    [InlineData("kb gaps lots", "Moderator commands", "\"kb gaps\" takes a number of days from 1 to 90")]
    [InlineData("kb purge everything", "Moderator commands", "I don't know the command \"kb purge\".")]
    public async Task KbCommand_ThatCannotRun_SaysWhyWithTheReminder(string text, string heading, string explanation)
    {
        Host.Mark();

        var (_, reply) = await ReplyAsync(TeamsActivities.Personal(Host.ServiceUrl, AppId, text));

        var card = reply.Card!;
        Assert.Equal(heading, (string?)card["body"]![0]!["text"]);
        Assert.Contains(Texts(card), t => t.StartsWith(explanation, StringComparison.Ordinal));
        Assert.Equal("Attention", (string?)card["body"]![0]!["color"]);
        Assert.Equal(Reminder, Footer(card));
        Assert.Empty(Host.Answers.Invocations);
    }

    [Fact]
    public async Task KbGapsAndFeedback_NothingRecordedYet_SayThereIsNothingToReport()
    {
        Host.Mark();

        var (_, gaps) = await ReplyAsync(TeamsActivities.Personal(Host.ServiceUrl, AppId, "kb gaps"));
        var (_, feedback) = await ReplyAsync(TeamsActivities.Personal(Host.ServiceUrl, AppId, "kb feedback 30"));

        Assert.Contains(Texts(gaps.Card!), t => t.StartsWith("Nothing to report", StringComparison.Ordinal));
        Assert.Equal("Feedback, last 30 days", (string?)feedback.Card!["body"]![0]!["text"]);
        Assert.Contains(Texts(feedback.Card!), t => t.StartsWith("**0** helpful, **0** not helpful", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Question_StartingWithAnotherWord_IsStillAnsweredAsAQuestion()
    {
        Host.Mark();

        await ReplyAsync(TeamsActivities.Personal(Host.ServiceUrl, AppId, "kbstatus of lupus?"));

        Host.Answers.Verify(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "kbstatus of lupus?"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Reload_WithANewProblem_IsPostedProactivelyToTheModeratorsConversation()
    {
        Host.Mark();
        var file = "broken-" + Guid.NewGuid().ToString("N")[..8] + ".md";
        fixture.Knowledge.Write(file, KnowledgeFolder.NoTitle);

        await ReplyAsync(TeamsActivities.Personal(Host.ServiceUrl, AppId, "kb reload"));
        var post = await fixture.PostToModeratorsAsync(r => r.Card is { } card && Texts(card).Any(t => t.Contains(file, StringComparison.Ordinal)));

        Assert.Equal("POST", post.Method);
        Assert.Equal("Bearer " + OfflineCredentialsFactory.OutgoingToken, post.Authorization);
        var card = post.Card!;
        Assert.Equal("1 new knowledge problem", (string?)card["body"]![0]!["text"]);
        Assert.Contains($"`{file}:2` error: " + KnowledgeFolder.NoTitleProblem, Texts(card));
        Assert.Equal(Reminder, Footer(card));
    }

    /// <summary>Sends an activity and returns the one message sent back to its conversation (posts to the moderators'
    /// conversation may arrive meanwhile).</summary>
    private async Task<(IReadOnlyList<RecordedRequest> Sent, RecordedRequest Reply)> ReplyAsync(Activity activity)
    {
        var mark = Host.Connector.Requests.Count;
        using var response = await Host.SendAsync(activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var sent = Host.Connector.Since(mark).Where(r => r.ConversationId == activity.Conversation.Id).ToList();
        return (sent, Assert.Single(sent, r => r.Type == ActivityTypes.Message));
    }

    private static IEnumerable<string> Texts(JObject card) => card.SelectTokens("$..text").Select(t => (string?)t ?? "");

    private static string? Footer(JObject card) => (string?)((JObject)card["body"]!.Last!)["items"]![0]!["text"];
}
