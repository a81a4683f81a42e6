using QaBot.Analytics.Reports;
using QaBot.Analytics.Tests.Support;

namespace QaBot.Analytics.Tests;

public sealed class AnalyticsReportsTests
{
    private static readonly StubAnswers Answers = new(q => q.Text.StartsWith("can stem cells help", StringComparison.Ordinal)
        ? StubAnswers.Answered("conditions/lupus#can-stem-cell-therapy-help-lupus-sle")
        : StubAnswers.NoAnswer());

    [Fact]
    public async Task GetGaps_SimilarUnansweredAndNotHelpfulQuestions_AreOneGroupWithCountsUsersLastTimeExampleAndReasons()
    {
        using var harness = new AnalyticsHarness();
        await harness.AskAsync(Answers, "what is lupus?", "discord", "a");
        harness.Time.Advance(TimeSpan.FromHours(1));
        await harness.AskAsync(Answers, "What is Lupus", "discord", "b");
        await harness.AskAsync(Answers, "what is lupus?", "discord", "a");
        harness.Time.Advance(TimeSpan.FromHours(1));
        await harness.ClickAsync(helpful: false, "whats lupus", "teams", "c", "conditions/lupus#a");
        await harness.AskAsync(Answers, "is HSCT covered by insurance", "discord", "d");
        await harness.AskAsync(Answers, "can stem cells help lupus", "discord", "e");

        var report = await harness.Reports.GetGapsAsync(TimeSpan.FromDays(7), 20, CancellationToken.None);

        Assert.Equal(2, report.Groups.Count);
        var lupus = report.Groups[0];
        Assert.Equal("lupus", lupus.Key);
        Assert.Equal((4, 3, 3, 1), (lupus.Count, lupus.DistinctUsers, lupus.NoAnswerCount, lupus.NotHelpfulCount));
        Assert.Equal(AnalyticsHarness.Start.AddHours(2), lupus.LastAsked);
        Assert.Equal("whats lupus", lupus.Example);
        Assert.Equal([GapReason.NoAnswer, GapReason.NotHelpful], lupus.Reasons);
        Assert.Equal(("cover hsct insuranc", 1), (report.Groups[1].Key, report.Groups[1].Count));
        Assert.Equal([GapReason.NoAnswer], report.Groups[1].Reasons);
        Assert.Equal((4, 1), (report.NoAnswerTotal, report.NotHelpfulTotal));
        Assert.Equal((AnalyticsHarness.Start.AddHours(2).AddDays(-7), AnalyticsHarness.Start.AddHours(2).AddMilliseconds(1)), (report.From, report.To));
    }

    [Fact]
    public async Task GetGaps_WindowAndLimit_LeaveOutOlderQuestionsAndSmallerGroups()
    {
        using var harness = new AnalyticsHarness();
        await harness.AskAsync(Answers, "is HSCT covered by insurance");
        harness.Time.Advance(TimeSpan.FromDays(8));
        await harness.AskAsync(Answers, "how long is the hospital stay");
        await harness.AskAsync(Answers, "how long is the hospital stay?", user: "other");
        await harness.AskAsync(Answers, "what does it cost");

        var week = await harness.Reports.GetGapsAsync(TimeSpan.FromDays(7), 1, CancellationToken.None);
        var month = await harness.Reports.GetGapsAsync(TimeSpan.FromDays(30), 20, CancellationToken.None);

        var group = Assert.Single(week.Groups);
        Assert.Equal(("hospital long stay", 2), (group.Key, group.Count));
        Assert.Equal(3, month.Groups.Count);
    }

    [Fact]
    public async Task GetFeedback_CountsByPlatformAndThePassagesMostOftenMarkedNotHelpful()
    {
        using var harness = new AnalyticsHarness();
        await harness.AskAsync(Answers, "can stem cells help lupus", "discord", "a");
        await harness.AskAsync(Answers, "is it covered by insurance", "discord", "a");
        await harness.AskAsync(Answers, "can stem cells help lupus", "teams", "b");
        await harness.ClickAsync(helpful: true, null, "discord", "a", "p/lupus#help");
        await harness.ClickAsync(helpful: false, null, "discord", "b", "p/lupus#help", "p/ms#help");
        await harness.ClickAsync(helpful: false, "why", "teams", "c", "p/ms#help");
        await harness.ClickAsync(helpful: false, null, "teams", "d", "p/ms#help", "p/costs");

        var report = await harness.Reports.GetFeedbackAsync(TimeSpan.FromDays(7), CancellationToken.None);

        Assert.Equal(
            [
                new PlatformFeedback { Platform = "discord", Helpful = 1, NotHelpful = 1, Answered = 1, NoAnswer = 1 },
                new PlatformFeedback { Platform = "teams", Helpful = 0, NotHelpful = 2, Answered = 1 },
            ],
            report.Platforms);
        Assert.Equal((1, 3), (report.Helpful, report.NotHelpful));
        Assert.Equal(
            [
                new PassageFeedback { PassageId = "p/ms#help", NotHelpful = 3, Helpful = 0 },
                new PassageFeedback { PassageId = "p/costs", NotHelpful = 1, Helpful = 0 },
                new PassageFeedback { PassageId = "p/lupus#help", NotHelpful = 1, Helpful = 1 },
            ],
            report.NotHelpfulPassages);
    }

    [Fact]
    public async Task Reports_AnalyticsTurnedOff_FailWithAClearMessage()
    {
        using var harness = new AnalyticsHarness(o => o.Enabled = false);

        var gaps = await Assert.ThrowsAsync<AnalyticsUnavailableException>(() => harness.Reports.GetGapsAsync(TimeSpan.FromDays(7), 20, CancellationToken.None));
        var feedback = await Assert.ThrowsAsync<AnalyticsUnavailableException>(() => harness.Reports.GetFeedbackAsync(TimeSpan.FromDays(7), CancellationToken.None));

        Assert.StartsWith("Analytics are turned off (QaBot:Analytics:Enabled is false)", gaps.Message, StringComparison.Ordinal);
        Assert.Equal(gaps.Message, feedback.Message);
    }

    [Fact]
    public async Task Reports_DatabasePathIsAFolder_FailWithAMessageNamingIt()
    {
        using var harness = new AnalyticsHarness();
        Directory.CreateDirectory(harness.DatabasePath);

        var error = await Assert.ThrowsAsync<AnalyticsUnavailableException>(() => harness.Reports.GetGapsAsync(TimeSpan.FromDays(7), 20, CancellationToken.None));

        Assert.Contains(harness.DatabasePath + " is a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_FileIsNotADatabase_FailWithTheReason()
    {
        using var harness = new AnalyticsHarness();
        await File.WriteAllTextAsync(harness.DatabasePath, new string('x', 4096));

        var error = await Assert.ThrowsAsync<AnalyticsUnavailableException>(() => harness.Reports.GetFeedbackAsync(TimeSpan.FromDays(7), CancellationToken.None));

        Assert.StartsWith($"The analytics database {harness.DatabasePath} cannot be read: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetGaps_ChatInputOutOfRange_IsClampedAndTheReportSaysWhichPeriod()
    {
        using var harness = new AnalyticsHarness();

        var tiny = await harness.Reports.GetGapsAsync(TimeSpan.Zero, 0, CancellationToken.None);
        var huge = await harness.Reports.GetGapsAsync(TimeSpan.FromDays(10_000), 1_000_000, CancellationToken.None);

        Assert.Equal(TimeSpan.FromHours(1), tiny.To.AddMilliseconds(-1) - tiny.From);
        Assert.Equal(TimeSpan.FromDays(30), huge.To.AddMilliseconds(-1) - huge.From);
    }

    [Fact]
    public async Task ReportText_Gaps_ReadsWellForModerators()
    {
        using var harness = new AnalyticsHarness();
        await harness.AskAsync(Answers, "what is lupus?", "discord", "a");
        await harness.AskAsync(Answers, "whats lupus", "discord", "b");
        await harness.ClickAsync(helpful: false, "What is Lupus", "teams", "c"); // same millisecond: the click is the example

        var text = AnalyticsReportText.Gaps(await harness.Reports.GetGapsAsync(TimeSpan.FromDays(7), 20, CancellationToken.None));

        Assert.Equal(
            """
            Unanswered and "Not helpful" questions, 2026-10-25 12:00 to 2026-11-01 12:00 UTC: 2 without an answer, 1 marked not helpful.
              1. 3 times, 3 people, last 2026-11-01 12:00: no answer 2, not helpful 1
                 "What is Lupus"

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            text);
    }
}
