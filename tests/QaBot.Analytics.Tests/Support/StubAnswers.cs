using QaBot.Answering;
using QaBot.Answering.Safety;

namespace QaBot.Analytics.Tests.Support;

/// <summary>Answers as the real service shapes them, chosen by a rule; the analytics only look at kind, category and citations.</summary>
internal sealed class StubAnswers(Func<Question, Answer> rule) : IAnswerService
{
    public const string Reminder = "This is general information, not medical advice. Please talk to your healthcare provider.";

    public int Calls { get; private set; }

    public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(rule(question));
    }

    public static Answer Answered(params string[] passageIds) => new()
    {
        Kind = AnswerKind.Answered,
        Text = "Stem cell therapy is being studied for lupus [1].",
        Citations = passageIds.Select((id, i) => new Citation { N = i + 1, Id = id, Title = "Lupus", Quote = "..." }).ToList(),
        Reminder = Reminder,
        Confidence = 0.9,
    };

    public static Answer NoAnswer() => new() { Kind = AnswerKind.NoAnswer, Text = "I could not find an answer.", Reminder = Reminder };

    public static Answer Safety(SafetyCategory category) => new() { Kind = AnswerKind.Safety, Category = category, Text = "Please call your local emergency number.", Reminder = Reminder };
}
