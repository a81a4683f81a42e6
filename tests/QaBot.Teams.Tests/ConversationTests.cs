using Microsoft.Bot.Schema;
using Moq;
using QaBot.Answering;
using QaBot.Teams.Tests.Infrastructure;

namespace QaBot.Teams.Tests;

/// <summary>Follow-ups in a Teams conversation, through the real host: the context is the Teams conversation and the asker.</summary>
[Collection(TeamsHostDefinition.Name)]
public sealed class ConversationTests(TeamsHost host)
{
    private const string AppId = TeamsHost.AppId;

    [Fact]
    public async Task Message_FollowUpInTheSameChat_IsAnsweredAboutThePreviousTopic()
    {
        var first = TeamsActivities.Personal(host.ServiceUrl, AppId, "Can stem cell therapy help lupus?");
        await host.AskAsync(first);

        await host.AskAsync(Next(first, "what have the studies found so far?"));

        host.Answers.Verify(a => a.AnswerAsync(
            It.Is<Question>(q => q.Platform == "teams" && q.Text == "what have the studies found so far about stem cell therapy for lupus?"),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Message_SameTextInAnotherChat_HasNoContext()
    {
        var first = TeamsActivities.Personal(host.ServiceUrl, AppId, "Can stem cell therapy help multiple sclerosis?");
        await host.AskAsync(first);
        var other = TeamsActivities.Personal(host.ServiceUrl, AppId, "what are the results of the research so far?");

        await host.AskAsync(other);

        host.Answers.Verify(a => a.AnswerAsync(
            It.Is<Question>(q => q.Text == "what are the results of the research so far?"),
            It.IsAny<CancellationToken>()), Times.Once);
        host.Answers.Verify(a => a.AnswerAsync(
            It.Is<Question>(q => q.Text.StartsWith("what are the results of the research so far", StringComparison.Ordinal) && q.Text.Contains("multiple sclerosis", StringComparison.Ordinal)),
            It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Message_AnotherPersonInTheSameGroupChat_HasTheirOwnContext()
    {
        var first = TeamsActivities.GroupChat(host.ServiceUrl, AppId, "Can stem cell therapy help rheumatoid arthritis?", mention: true);
        await host.AskAsync(first);
        var someoneElse = Next(first, $"<at>{TeamsActivities.BotName}</at> is it approved by the FDA now?");
        someoneElse.From = new ChannelAccount("29:user-other", "Other Person", aadObjectId: "0a0a0a0a-1b1b-2c2c-3d3d-4e4e4e4e4e4e");

        await host.AskAsync(someoneElse);

        host.Answers.Verify(a => a.AnswerAsync(
            It.Is<Question>(q => q.Text.Contains("FDA", StringComparison.Ordinal) && q.Text.Contains("rheumatoid", StringComparison.Ordinal)),
            It.IsAny<CancellationToken>()), Times.Never);
    }

    private static Activity Next(Activity previous, string text)
    {
        var next = TeamsActivities.Personal(previous.ServiceUrl, AppId, text);
        next.Conversation = previous.Conversation;
        next.From = previous.From;
        next.Entities = previous.Entities;
        return next;
    }
}
