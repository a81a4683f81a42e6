using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using QaBot.Answering;
using QaBot.Answering.RateLimiting;
using QaBot.Answering.Turns;
using QaBot.Answering.Safety;
using QaBot.Host.Evaluation;
using QaBot.Knowledge;

namespace QaBot.Host.Tests;

public sealed class EvalRunnerTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "qabot-eval-" + Guid.NewGuid().ToString("N"));
    private readonly KnowledgeBase knowledge;
    private readonly QuestionTurn turn;

    public EvalRunnerTests()
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "k.jsonl"), string.Join('\n',
            """{"id": "lupus1", "title": "Lupus", "section": "Overview", "text": "Lupus is an autoimmune disease. Lupus can affect the kidneys and the skin."}""",
            """{"id": "lupus2", "title": "Living well", "section": "Daily life", "text": "Rest, gentle exercise, sun protection and regular check-ups help many people who live with a long-term condition such as lupus to feel better from day to day."}""",
            """{"id": "ms1", "title": "Multiple sclerosis", "section": "Nerves", "text": "Multiple sclerosis damages the covering of nerves."}"""));
        knowledge = new KnowledgeBase(Options.Create(new KnowledgeOptions { Paths = [root] }), TimeProvider.System);
        var triage = new SafetyTriage(Options.Create(new SafetyOptions()));
        var answers = new AnswerService(knowledge, triage, Options.Create(new AnsweringOptions()),
            Options.Create(new SafetyOptions()), new AnsweringMetrics(), NullLogger<AnswerService>.Instance);
        turn = new QuestionTurn(answers, triage, Mock.Of<IQuestionRateLimiter>(MockBehavior.Strict), knowledge, Options.Create(new AnsweringOptions()),
            TimeProvider.System, NullLogger<QuestionTurn>.Instance); // eval is unlimited: a strict mock proves it never asks
    }

    public void Dispose()
    {
        knowledge.Dispose();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task RunAsync_TinyHandCheckedSet_ComputesEveryFigure()
    {
        // Precondition checked by hand and asserted here: "lupus" ranks lupus1 first and lupus2 second.
        var snapshot = knowledge.Current;
        Assert.Equal(["lupus1", "lupus2"], snapshot.Search(snapshot.Plan("lupus"), 10).Select(h => h.Passage.Id));

        EvalItem[] items =
        [
            new() { Id = "a", Question = "what is lupus", Relevant = ["lupus1"], ExpectAny = ["KIDNEYS"], Kind = "answered" },  // rank 1, expect passes
            new() { Id = "b", Question = "lupus", Relevant = ["lupus2"], Kind = "no_answer" },                                 // rank 2, kind wrong
            new() { Id = "c", Question = "multiple sclerosis nerves", Relevant = ["missing"], ExpectAny = ["not in any passage"] }, // rank 0, expect fails
            new() { Id = "d", Question = "I want to kill myself", Kind = "safety", Category = "self_harm" },                   // no retrieval figures
        ];

        var report = await new EvalRunner(turn, knowledge).RunAsync(items, CancellationToken.None);

        Assert.Equal(4, report.Items);
        Assert.Equal(0.3333, report.R1);
        Assert.Equal(0.6667, report.R5);
        Assert.Equal(0.6667, report.R10);
        Assert.Equal(0.5, report.Mrr10);         // (1 + 1/2 + 0) / 3
        Assert.Equal(0.5, report.ExpectPass);     // a passes, c fails
        Assert.Equal(0.6667, report.KindAccuracy); // a right, b wrong, d right
        Assert.Equal(1.0, report.CategoryAccuracy);
        Assert.Equal(["b", "c"], report.Failed);
        Assert.NotNull(report.P50Ms);
        Assert.NotNull(report.Qps);
    }

    [Fact]
    public async Task RunAsync_OrdinaryKind_CountsAnyReplyButASafetyReply()
    {
        EvalItem[] items =
        [
            new() { Id = "o1", Question = "what is lupus", Kind = "ordinary" },           // answered: right
            new() { Id = "o2", Question = "tell me a joke", Kind = "ordinary" },          // no answer: right
            new() { Id = "o3", Question = "I want to kill myself", Kind = "ordinary" },   // safety: wrong
        ];

        var report = await new EvalRunner(turn, knowledge).RunAsync(items, CancellationToken.None);

        Assert.Equal(0.6667, report.KindAccuracy);
        Assert.Equal(["o3"], report.Failed);
    }

    [Fact]
    public async Task RunAsync_NoItemsWithAMetric_ReportsNull()
    {
        var report = await new EvalRunner(turn, knowledge).RunAsync([new EvalItem { Id = "x", Question = "lupus" }], CancellationToken.None);

        Assert.Null(report.R1);
        Assert.Null(report.Mrr10);
        Assert.Null(report.ExpectPass);
        Assert.Null(report.KindAccuracy);
        Assert.Null(report.CategoryAccuracy);
        Assert.Empty(report.Failed);
    }

    [Theory]
    [InlineData(new double[] { 5, 1, 3, 2, 4 }, 50, 3)]
    [InlineData(new double[] { 5, 1, 3, 2, 4 }, 99, 5)]
    [InlineData(new double[] { 7 }, 99, 7)]
    public void Percentile_NearestRank_MatchesTheProtocol(double[] values, double percentile, double expected) =>
        Assert.Equal(expected, Measure.Percentile(values, percentile));

    [Fact]
    public void ReadFile_MalformedLine_IsReportedWithItsLineAndSkipped()
    {
        var path = Path.Combine(root, "q.jsonl");
        File.WriteAllText(path, "{\"id\": \"1\", \"question\": \"lupus\"}\n{oops\n\n{\"question\": \"ms\"}\n");

        var (items, problems) = EvalItem.ReadFile(path);

        Assert.Equal(["1", "line-4"], items.Select(i => i.Id));
        Assert.Contains(":2: malformed JSON", Assert.Single(problems), StringComparison.Ordinal);
    }
}
