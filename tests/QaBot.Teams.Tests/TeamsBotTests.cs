using System.Net;
using Microsoft.Bot.Schema;
using Moq;
using Newtonsoft.Json.Linq;
using QaBot.Answering;
using QaBot.Answering.Feedback;
using QaBot.Teams.Tests.Infrastructure;

namespace QaBot.Teams.Tests;

/// <summary>What a Teams user sees, through the real HTTP pipeline, the SDK's authentication and a fake Bot Connector.</summary>
[Collection(TeamsHostDefinition.Name)]
public sealed class TeamsBotTests(TeamsHost host)
{
    private const string Reminder = "This is general information, not medical advice. Please talk to your healthcare provider about your own situation.";
    private const string AppId = TeamsHost.AppId;

    private static IEnumerable<string> Texts(JObject card) =>
        card.SelectTokens("$..text").Select(t => (string?)t ?? "");

    private static JObject LastBodyElement(JObject card) => (JObject)card["body"]!.Last!;

    [Fact]
    public async Task Message_PersonalChat_RepliesWithTypingThenAnAnswerCardInTheSameChain()
    {
        host.Mark();
        var activity = TeamsActivities.Personal(host.ServiceUrl, AppId, "Can stem cell therapy help lupus?");

        var (sent, reply) = await host.AskAsync(activity);

        Assert.Equal(ActivityTypes.Typing, sent[0].Type);
        Assert.Equal(activity.Conversation.Id, reply.ConversationId);
        Assert.Equal(activity.Id, reply.ActivityId);
        Assert.Equal("Bearer " + OfflineCredentialsFactory.OutgoingToken, reply.Authorization);
        var card = reply.Card!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Contains(Texts(card), t => t.Contains("[1]", StringComparison.Ordinal) && t.Contains("lupus", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Texts(card), t => t.StartsWith("**[1]**", StringComparison.Ordinal) && t.Contains("lupus", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Reminder, (string?)LastBodyElement(card)["items"]![0]!["text"]);
        Assert.Equal("Action.Execute", (string?)TeamsHost.Action(card, "Helpful")["type"]);
        Assert.Equal("Action.Execute", (string?)TeamsHost.Action(card, "Not helpful")["type"]);
        Assert.Null(reply.Body["text"]); // the card alone: Teams would show a text as a second, unformatted message
        var fallback = (string?)card["fallbackText"];
        Assert.StartsWith("Here is what I found", fallback, StringComparison.Ordinal);
        Assert.Contains("Sources:", fallback, StringComparison.Ordinal);
        Assert.EndsWith(Reminder, fallback, StringComparison.Ordinal);
        var preview = (string?)reply.Body["summary"];
        Assert.StartsWith("Here is what I found: ", preview, StringComparison.Ordinal);
        Assert.InRange(preview!.Length, 30, 150);
        Assert.DoesNotContain("\n", preview, StringComparison.Ordinal);
        Assert.True(reply.Bytes < 20_000, $"reply is {reply.Bytes} bytes");
        host.Answers.Verify(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "Can stem cell therapy help lupus?" && q.Platform == "teams"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Message_MentionOnly_GetsTheNoticeWithTheReminderAndNoFeedbackButtons()
    {
        host.Mark();
        var activity = TeamsActivities.Channel(host.ServiceUrl, AppId, "", mention: true);

        var (_, reply) = await host.AskAsync(activity);

        Assert.Empty(reply.Card!.SelectTokens("$..actions[*]"));
        Assert.Equal(Reminder, (string?)LastBodyElement(reply.Card!)["items"]![0]!["text"]);
    }

    [Fact]
    public async Task Message_ChannelWithMention_AnswersTheQuestionWithoutTheMentionInTheSameThread()
    {
        host.Mark();
        var activity = TeamsActivities.Channel(host.ServiceUrl, AppId, "can stem cells help lupus?", mention: true);

        var (_, reply) = await host.AskAsync(activity);

        Assert.Equal("19:general@thread.tacv2;messageid=1700000000000", reply.ConversationId);
        Assert.Equal(activity.Id, reply.ActivityId);
        Assert.Equal("Here is what I found", (string?)reply.Card!["body"]![0]!["text"]);
        host.Answers.Verify(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "can stem cells help lupus?"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Message_GroupChatWithMention_Replies()
    {
        host.Mark();
        var activity = TeamsActivities.GroupChat(host.ServiceUrl, AppId, "what are mesenchymal stem cells?", mention: true);

        var (_, reply) = await host.AskAsync(activity);

        Assert.Equal(activity.Conversation.Id, reply.ConversationId);
        Assert.NotNull(reply.Card);
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task Message_SharedConversationWithoutMention_IsIgnored(string conversationType)
    {
        var mark = host.Mark();
        var activity = conversationType == "channel"
            ? TeamsActivities.Channel(host.ServiceUrl, AppId, "can stem cells help lupus?", mention: false)
            : TeamsActivities.GroupChat(host.ServiceUrl, AppId, "can stem cells help lupus?", mention: false);

        using var response = await host.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Connector.Since(mark));
        host.Answers.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("personal", "Just type your question")]
    [InlineData("channel", "Mention me")]
    [InlineData("groupChat", "Mention me")]
    public async Task ConversationUpdate_BotAdded_SendsOneWelcome(string conversationType, string howToAsk)
    {
        var mark = host.Mark();

        using var response = await host.SendAsync(TeamsActivities.MembersAdded(host.ServiceUrl, AppId, conversationType, TeamsActivities.BotId(AppId)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(host.Connector.Since(mark));
        var texts = string.Join("\n", Texts(welcome.Card!));
        Assert.Contains("stem cell therapy for autoimmune conditions", texts, StringComparison.Ordinal);
        Assert.Contains(howToAsk, texts, StringComparison.Ordinal);
        Assert.Equal(Reminder, (string?)LastBodyElement(welcome.Card!)["items"]![0]!["text"]);
        Assert.Contains(Reminder, (string?)welcome.Card!["fallbackText"], StringComparison.Ordinal);
        Assert.Null(welcome.Body["text"]);
    }

    [Fact]
    public async Task ConversationUpdate_OtherMembersAdded_SendsNothing()
    {
        var mark = host.Mark();

        using var response = await host.SendAsync(TeamsActivities.MembersAdded(host.ServiceUrl, AppId, "channel", "29:someone-else"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Connector.Since(mark));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FeedbackInvoke_Click_IsRecordedAndTheCardRedrawnInPlace(bool helpful)
    {
        host.Mark();
        var question = TeamsActivities.Personal(host.ServiceUrl, AppId, "Can stem cell therapy help lupus?");
        var (_, reply) = await host.AskAsync(question);
        var button = TeamsHost.Action(reply.Card!, helpful ? "Helpful" : "Not helpful");
        var passageIds = reply.Card!.SelectTokens("$..actions[0].data.citations[*].id").Select(t => (string)t!).ToList();
        var mark = host.Connector.Requests.Count;

        using var response = await host.SendAsync(TeamsActivities.Invoke(host.ServiceUrl, AppId, "adaptiveCard/action", TeamsActivities.ExecuteValue(button), reply.ActivityId ?? "x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        var redrawn = (JObject)body["value"]!;
        Assert.Empty(redrawn.SelectTokens("$..actions"));
        Assert.Contains(Texts(redrawn), t => t.StartsWith("✓ Thanks for your feedback", StringComparison.Ordinal));
        Assert.Contains(Texts(redrawn), t => t.Contains("[1]", StringComparison.Ordinal));
        Assert.Equal(Reminder, (string?)LastBodyElement(redrawn)["items"]![0]!["text"]);
        Assert.Empty(host.Connector.Since(mark)); // acknowledged in place: no new message
        Assert.NotEmpty(passageIds);
        host.Feedback.Verify(f => f.RecordAsync(
            It.Is<FeedbackEntry>(e => e.Platform == "teams" && e.Helpful == helpful && e.Kind == AnswerKind.Answered
                && e.PassageIds.SequenceEqual(passageIds)
                && e.Question == (helpful ? null : "Can stem cell therapy help lupus?")
                && e.UserId == "6f1b7c3e-2a0d-4c55-9a52-8f1f2f1c9c11"),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task FeedbackSubmit_FromAClientWithoutExecute_UpdatesTheCardInPlace()
    {
        host.Mark();
        var (_, reply) = await host.AskAsync(TeamsActivities.Personal(host.ServiceUrl, AppId, "what are induced pluripotent stem cells?"));
        var data = (JObject)TeamsHost.Action(reply.Card!, "Helpful")["data"]!;
        var submit = TeamsActivities.Personal(host.ServiceUrl, AppId, text: null);
        submit.Value = data;
        submit.ReplyToId = "card-activity-7";
        var mark = host.Connector.Requests.Count;

        using var response = await host.SendAsync(submit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = Assert.Single(host.Connector.Since(mark));
        Assert.Equal("PUT", update.Method);
        Assert.Equal("card-activity-7", update.ActivityId);
        Assert.Contains(Texts(update.Card!), t => t.StartsWith("✓ Thanks for your feedback", StringComparison.Ordinal));
        host.Feedback.Verify(f => f.RecordAsync(It.Is<FeedbackEntry>(e => e.Helpful), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task FeedbackInvoke_UnknownAction_Is400AndRecordsNothing()
    {
        host.Mark();
        var value = TeamsActivities.ExecuteValue(new JObject { ["verb"] = "something.else", ["data"] = new JObject { ["x"] = 1 } });

        using var response = await host.SendAsync(TeamsActivities.Invoke(host.ServiceUrl, AppId, "adaptiveCard/action", value, "x"));

        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, (int?)body["statusCode"]);
        host.Feedback.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Message_NoAnswer_RepliesInTheSameLayoutWithItsWording()
    {
        host.Mark();

        var (_, reply) = await host.AskAsync(TeamsActivities.Personal(host.ServiceUrl, AppId, "what's the weather tomorrow?"));

        var card = reply.Card!;
        Assert.Equal("I couldn't find a good answer", (string?)card["body"]![0]!["text"]);
        Assert.Contains(Texts(card), t => t.StartsWith("I'm sorry, I couldn't find a good answer", StringComparison.Ordinal));
        Assert.Equal(Reminder, (string?)LastBodyElement(card)["items"]![0]!["text"]);
        Assert.NotNull(TeamsHost.Action(card, "Not helpful"));
    }

    [Fact]
    public async Task Message_Safety_RepliesWithUrgentHelpAndNoFeedbackButtons()
    {
        host.Mark();

        var (_, reply) = await host.AskAsync(TeamsActivities.Personal(host.ServiceUrl, AppId, "I want to kill myself"));

        var card = reply.Card!;
        Assert.Equal("Please get help now", (string?)card["body"]![0]!["text"]);
        Assert.Contains(Texts(card), t => t.Contains("988", StringComparison.Ordinal));
        Assert.Empty(card.SelectTokens("$..actions"));
        Assert.Equal(Reminder, (string?)LastBodyElement(card)["items"]![0]!["text"]);
        var facts = card.SelectTokens("$.body[?(@.type == 'FactSet')].facts[*]").ToList();
        Assert.Equal("988 Suicide & Crisis Lifeline (US)", (string?)facts[0]["title"]); // the crisis line first
        Assert.Equal("call or text 988", (string?)facts[0]["value"]);
    }

    [Fact]
    public async Task Message_Emergency_ListsEmergencyServicesFirstAsFacts()
    {
        host.Mark();

        var (_, reply) = await host.AskAsync(TeamsActivities.Personal(host.ServiceUrl, AppId, "crushing chest pain spreading to my arm"));

        var card = reply.Card!;
        var facts = card.SelectTokens("$.body[?(@.type == 'FactSet')].facts[*]").Select(f => (string?)f["title"]).ToList();
        Assert.Equal(["Emergency services (US)", "Emergency services (EU)", "988 Suicide & Crisis Lifeline (US)"], facts);
        Assert.Contains(Texts(card), t => t == "Call now");
        Assert.Equal(Reminder, (string?)LastBodyElement(card)["items"]![0]!["text"]);
        Assert.Contains("Emergency services (US): call 911", (string?)card["fallbackText"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_DosingQuestion_RefersToTheCareTeam()
    {
        host.Mark();

        var (_, reply) = await host.AskAsync(TeamsActivities.Personal(host.ServiceUrl, AppId, "should I stop my methotrexate for stem cells?"));

        Assert.Equal("Please ask your care team", (string?)reply.Card!["body"]![0]!["text"]);
    }

    [Fact]
    public async Task Message_Oversized_GetsThePoliteTooLongReply()
    {
        host.Mark();
        var text = string.Join(' ', Enumerable.Repeat("lupus", 1500));

        var (_, reply) = await host.AskAsync(TeamsActivities.Personal(host.ServiceUrl, AppId, text));

        Assert.Contains(Texts(reply.Card!), t => t.Contains("longer than I can read", StringComparison.Ordinal));
        Assert.True(reply.Bytes < 20_000, $"reply is {reply.Bytes} bytes");
    }

    [Fact]
    public async Task Message_BodyOverTheLimit_Is413AndNothingIsSent()
    {
        var mark = host.Mark();

        using var response = await host.SendAsync(TeamsActivities.Personal(host.ServiceUrl, AppId, new string('a', 300_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Connector.Since(mark));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Message_Empty_GetsAPoliteReply(string? text)
    {
        host.Mark();

        var (_, reply) = await host.AskAsync(TeamsActivities.Personal(host.ServiceUrl, AppId, text));

        Assert.Contains(Texts(reply.Card!), t => t.StartsWith("Please type a question", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_MentionOnly_GetsAPoliteReplyNotAnAnswerAboutTheBotsName()
    {
        host.Mark();
        var activity = TeamsActivities.Channel(host.ServiceUrl, AppId, text: null, mention: true);

        var (_, reply) = await host.AskAsync(activity);

        Assert.Contains(Texts(reply.Card!), t => t.StartsWith("Please type a question", StringComparison.Ordinal));
        Assert.Equal(activity.Id, reply.ActivityId);
        host.Answers.Verify(a => a.AnswerAsync(It.Is<Question>(q => q.Text == ""), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("help", "personal")]
    [InlineData("/help", "personal")]
    [InlineData("Help!", "channel")]
    public async Task Message_Help_ExplainsUsage(string text, string conversationType)
    {
        host.Mark();
        var activity = conversationType == "personal"
            ? TeamsActivities.Personal(host.ServiceUrl, AppId, text)
            : TeamsActivities.Channel(host.ServiceUrl, AppId, text, mention: true);

        var (_, reply) = await host.AskAsync(activity);

        Assert.StartsWith("How to ask", (string?)reply.Card!["body"]![0]!["text"], StringComparison.Ordinal);
        Assert.Contains(Texts(reply.Card!), t => t.Contains("Helpful", StringComparison.Ordinal));
        host.Answers.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Message_UnknownCommand_IsAnsweredAsAQuestion()
    {
        host.Mark();

        var (_, reply) = await host.AskAsync(TeamsActivities.Personal(host.ServiceUrl, AppId, "/lupus stem cells"));

        Assert.NotNull(reply.Card);
        host.Answers.Verify(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "/lupus stem cells"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(ActivityTypes.MessageReaction)]
    [InlineData(ActivityTypes.Typing)]
    [InlineData(ActivityTypes.InstallationUpdate)]
    [InlineData(ActivityTypes.Event)]
    [InlineData("somethingNew")]
    public async Task NonMessageActivity_IsAcceptedWithoutAReply(string type)
    {
        var mark = host.Mark();

        using var response = await host.SendAsync(TeamsActivities.OfType(host.ServiceUrl, AppId, type));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Connector.Since(mark));
        host.Answers.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("{\"type\": \"message\", ")]
    [InlineData("[]")]
    [InlineData("{\"text\": \"no type\"}")]
    [InlineData("{\"type\": \"message\", \"text\": \"no service url\", \"conversation\": {\"id\": \"a\"}}")]
    [InlineData("{\"type\": \"message\", \"text\": \"ftp service url\", \"serviceUrl\": \"ftp://127.0.0.1/\", \"conversation\": {\"id\": \"a\"}}")]
    public async Task MalformedActivity_Is400AndNothingIsSent(string json)
    {
        var mark = host.Mark();

        using var response = await host.PostRawAsync(json, "Bearer " + host.Token());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Connector.Since(mark));
    }
}
