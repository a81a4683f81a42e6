using QaBot.Knowledge;

namespace QaBot.Answering.Tests;

/// <summary>The no-answer decision with embeddings on: which evidence lets the best passage be cited.</summary>
public sealed class AnswerEvidenceTests
{
    private static readonly Passage[] Passages =
    [
        new() { Id = "lupus#overview", Title = "Lupus", Section = "Overview", Text = "Lupus is an autoimmune disease in which the immune system attacks the body's own tissues." },
        new() { Id = "lupus#treatment", Title = "Lupus", Section = "Treatment", Text = "Lupus is treated with medicines that calm the immune system." },
        new() { Id = "ra#overview", Title = "Rheumatoid arthritis", Section = "Overview", Text = "Rheumatoid arthritis is an autoimmune disease that attacks the joints." },
    ];

    private static readonly IKnowledgeBase Knowledge = TestKnowledge.WithEncoder(Passages, new WordHashEncoder());

    // MinSimilarity 0 so that only the evidence rule decides.
    private static AnswerService Service(AnswerEvidence evidence) =>
        TestKnowledge.Service(Knowledge, new AnsweringOptions { Evidence = evidence, MinSimilarity = 0 });

    [Theory]
    [InlineData(AnswerEvidence.Any)]
    [InlineData(AnswerEvidence.Focus)]
    public async Task AnswerAsync_TopicNamedByTheBestPassagesHeading_IsAnswered(AnswerEvidence evidence)
    {
        var answer = await Service(evidence).AnswerAsync(new Question("How is lupus treated?"), CancellationToken.None);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.StartsWith("lupus#", answer.Citations[0].Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_NeighbouringTopicTheKnowledgeLacks_FocusRuleSaysNoAnswer()
    {
        // "Lupus nephritis" is not in the knowledge; the lupus passages are similar, but their headings do not name it.
        var answer = await Service(AnswerEvidence.Focus).AnswerAsync(new Question("What is lupus nephritis?"), CancellationToken.None);

        Assert.Equal(AnswerKind.NoAnswer, answer.Kind);
        Assert.Empty(answer.Citations);
        Assert.False(string.IsNullOrWhiteSpace(answer.Reminder));
    }

    [Fact]
    public async Task AnswerAsync_NeighbouringTopicTheKnowledgeLacks_AnyRuleLetsAStandoutPassageAnswer()
    {
        // The single-topic default: a passage that stands out from the rest may answer a question in other words.
        var answer = await Service(AnswerEvidence.Any).AnswerAsync(new Question("What is lupus nephritis?"), CancellationToken.None);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
    }
}
