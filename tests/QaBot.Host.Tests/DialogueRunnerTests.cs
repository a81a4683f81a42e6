using Moq;
using QaBot.Answering;
using QaBot.Answering.Conversations;
using QaBot.Answering.Safety;
using QaBot.Answering.Turns;
using QaBot.Host.Evaluation;

namespace QaBot.Host.Tests;

/// <summary>The dialogue figures of <c>qabot eval</c>, computed from hand-made replies whose right answers are known.</summary>
public sealed class DialogueRunnerTests
{
    private readonly List<(string Text, ConversationKey? Key)> asked = [];
    private readonly Mock<IQuestionTurn> turn = new(MockBehavior.Strict);

    public DialogueRunnerTests()
    {
        turn.Setup(t => t.AskAsync(It.IsAny<TurnRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TurnRequest request, CancellationToken _) =>
            {
                asked.Add((request.Text, request.Conversation));
                return TurnResult.Of(Reply(request.Text));
            });
    }

    [Fact]
    public async Task RunAsync_HandMadeReplies_ComputesEveryFigure()
    {
        EvalItem[] dialogues =
        [
            Dialogue("d1", Turn("q1", "answered", "a#1"), Turn("follow", "answered", "a#2", "follow_up"), Turn("new", "answered", "b#1", "new_topic")),
            Dialogue("d2", Turn("q1", "answered", "a#1"), Turn("weather", "no_answer", null, "off_topic")),
            Dialogue("d3", Turn("is it painful?", "clarify", null)),
            Dialogue("d4", Turn("chest pain", "safety", null) with { Category = "emergency" }, Turn("help me", "safety", null, "safety") with { Category = "emergency" }),
        ];

        var report = await new DialogueRunner(turn.Object).RunAsync(dialogues, CancellationToken.None);

        Assert.Equal(4, report.Dialogues);
        Assert.Equal(8, report.Turns);
        Assert.Equal(1.0, report.FirstTurnAccuracy);
        Assert.Equal(1.0, report.FollowUpAccuracy);
        Assert.Equal(1.0, report.NewTopicAccuracy);
        Assert.Equal(1.0, report.OffTopicRefused);
        Assert.Equal(1, report.TopicLeaks); // "new" came back resolved with the earlier topic
        Assert.Equal(2, report.SelfContained);
        Assert.Equal(1.0, report.ClarifyAccuracy);
        Assert.Equal(0, report.FalseClarify);
        Assert.Equal(0.0, report.SafetyCarryAccuracy); // "help me" got the personal-advice reply, not the emergency one
        Assert.Equal(["d1#3", "d4#2"], report.Failures.Select(f => f.Id));
    }

    [Fact]
    public async Task RunAsync_EachDialogue_AskedInOneConversationOfItsOwn()
    {
        EvalItem[] dialogues = [Dialogue("d1", Turn("q1", "answered", null), Turn("follow", "answered", null, "follow_up")), Dialogue("d2", Turn("q1", "answered", null))];

        await new DialogueRunner(turn.Object).RunAsync(dialogues, CancellationToken.None);

        Assert.All(asked, a => Assert.NotNull(a.Key));
        Assert.Equal(asked[0].Key, asked[1].Key);
        Assert.NotEqual(asked[0].Key, asked[2].Key);
    }

    private static Answer Reply(string text) => text switch
    {
        "q1" => Answered("a#1"),
        "follow" => Answered("a#2") with { ResolvedQuestion = "follow about a" },
        "new" => Answered("b#1") with { ResolvedQuestion = "new about a" },
        "is it painful?" => new Answer { Kind = AnswerKind.Clarify, Text = "Which?", Reminder = "R", Choices = [new AnswerChoice("HSCT", "Is HSCT painful?")] },
        "chest pain" => new Answer { Kind = AnswerKind.Safety, Category = SafetyCategory.Emergency, Text = "Call", Reminder = "R" },
        "help me" => new Answer { Kind = AnswerKind.Safety, Category = SafetyCategory.PersonalMedicalAdvice, Text = "Ask", Reminder = "R" },
        _ => new Answer { Kind = AnswerKind.NoAnswer, Text = "No", Reminder = "R" },
    };

    private static Answer Answered(string id) => new()
    {
        Kind = AnswerKind.Answered,
        Text = "From the knowledge [1].",
        Reminder = "R",
        Citations = [new Citation { N = 1, Id = id, Title = "T", Quote = "Q" }],
    };

    private static EvalItem Dialogue(string id, params DialogueTurn[] turns) => new() { Id = id, Turns = turns };

    private static DialogueTurn Turn(string question, string kind, string? relevant, string? followUp = null) =>
        new() { Question = question, Kind = kind, Relevant = relevant is null ? [] : [relevant], FollowUp = followUp };
}
