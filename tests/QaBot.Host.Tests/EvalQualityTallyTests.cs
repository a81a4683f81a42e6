using ReadabilityProblem = QaBot.Host.Evaluation.ReadabilityProblem;
using QaBot.Answering;
using QaBot.Host.Evaluation;

namespace QaBot.Host.Tests;

public sealed class EvalQualityTallyTests
{
    private const string Reminder = "Please talk to your healthcare provider.";

    private static Answer Answered(string text, params string[] cited) => new()
    {
        Kind = AnswerKind.Answered,
        Text = text,
        Reminder = Reminder,
        Citations = cited.Select((id, i) => new Citation { N = i + 1, Id = id, Title = "T", Quote = "q" }).ToList(),
    };

    [Fact]
    public void Report_SmallFixture_ComputesEveryQualityFigure()
    {
        var tally = new EvalQualityTally(new ReadabilityHeuristics());
        var items = new (EvalItem Item, Answer Answer, string Kind)[]
        {
            // cited in the top 3 (as part 2 of a split section), readable, caveat kept
            (new() { Id = "a", Question = "is it approved for ms", Relevant = ["approval#ms"], Kind = "answered", Caveat = true },
                Answered("No. It is not approved for MS and is given in clinical trials [1].", "other#x", "approval#ms-2"), "answered"),
            // relevant cited 4th: not in the top 3; hopeful only: caveat dropped; list header: fragment
            (new() { Id = "b", Question = "does it cure lupus", Relevant = ["lupus#cure"], Kind = "answered", Caveat = true },
                Answered("Studies found these benefits: [1]", "x#1", "x#2", "x#3", "lupus#cure"), "answered"),
            // two parts, both cited
            (new() { Id = "c", Question = "what is hsct and what does it cost", Relevant = ["hsct#what", "cost#how-much"], Parts = 2 },
                Answered("HSCT resets the immune system with strong chemotherapy [1]. Prices vary widely between centres [2].", "hsct#what", "cost#how-much"), "answered"),
            // two parts, one missing
            (new() { Id = "d", Question = "what is msc and is it safe", Relevant = ["cells#msc", "safety#safe"], Parts = 2 },
                Answered("Mesenchymal stem cells come from bone marrow or fat tissue [1].", "cells#msc"), "answered"),
            // small talk right, and a reply without the reminder
            (new() { Id = "e", Question = "hi", Kind = "small_talk" }, new Answer { Kind = AnswerKind.NoAnswer, Text = "Hello!", Reminder = "" }, "small_talk"),
            // small talk wrong
            (new() { Id = "f", Question = "thanks!", Kind = "small_talk" }, new Answer { Kind = AnswerKind.NoAnswer, Text = "I could not find it.", Reminder = Reminder }, "no_answer"),
        };

        var failedChecks = items.ToDictionary(x => x.Item.Id, x => tally.Add(x.Item, x.Answer, x.Kind));
        var report = tally.Report();

        Assert.Equal(0.75, report.CitedTop3);            // a yes (ms-2 is part of approval#ms), b no; c and d (no kind) yes
        Assert.Equal(0.75, report.Readable);             // b has a fragment; a, c, d read well
        Assert.Equal(1, report.FragmentReplies);
        Assert.Equal(0, report.RepeatedReplies);
        Assert.Equal(0.5, report.CaveatKept);
        Assert.Equal(0.5, report.PartsCited);
        Assert.Equal(0.5, report.SmallTalkAccuracy);
        Assert.Equal(Math.Round(5 / 6.0, 4), report.Reminder);
        Assert.Equal(0.5, report.KindAccuracyByKind["small_talk"]);
        Assert.Equal(1.0, report.KindAccuracyByKind["answered"]);
        Assert.Empty(failedChecks["a"]);
        Assert.Single(failedChecks["b"]);                // the caveat; citation and readability are figures, not failures
        Assert.Equal(["b"], report.Unreadable);
        Assert.Equal(["b"], report.NotCitedTop3);
        Assert.Equal(2, report.Details.Count);
        Assert.Contains(failedChecks["d"], p => p.Actual.Contains("safety#safe", StringComparison.Ordinal));
        Assert.Contains(failedChecks["e"], p => p.Actual == "no reminder");
    }

    [Fact]
    public void Report_NothingToMeasure_FiguresAreNull()
    {
        var report = new EvalQualityTally(new ReadabilityHeuristics()).Report();

        Assert.Null(report.CitedTop3);
        Assert.Null(report.Readable);
        Assert.Null(report.CaveatKept);
        Assert.Null(report.PartsCited);
        Assert.Null(report.SmallTalkAccuracy);
        Assert.Null(report.Reminder);
    }

    [Fact]
    public void Add_ReadabilityCheckReplaced_UsesTheReplacement()
    {
        var tally = new EvalQualityTally(new AlwaysCut());

        var failed = tally.Add(new EvalItem { Id = "x", Question = "q" }, Answered("A whole sentence here [1].", "p"), "answered");

        Assert.Equal(0, tally.Report().Readable);
        Assert.Equal(1, tally.Report().CutReplies);
        Assert.Equal(["x"], tally.Report().Unreadable);
        Assert.Empty(failed);
    }

    [Theory]
    [InlineData("lupus#cure", "lupus#cure", true)]
    [InlineData("lupus#cure-2", "lupus#cure", true)]
    [InlineData("lupus#cure-all", "lupus#cure", false)]
    [InlineData("lupus#cured", "lupus#cure", false)]
    public void SameSection_PartsOfASplitSection_Match(string cited, string expected, bool same) =>
        Assert.Equal(same, EvalQualityTally.SameSection(cited, expected));

    private sealed class AlwaysCut : IReadabilityCheck
    {
        public IReadOnlyList<ReadabilityProblem> Check(string answerText) => [new ReadabilityProblem(ReadabilityProblem.Cut, answerText)];
    }
}
