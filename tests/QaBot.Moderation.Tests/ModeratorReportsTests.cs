using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using QaBot.Analytics;
using QaBot.Analytics.Reports;
using QaBot.Answering;
using QaBot.Knowledge;

namespace QaBot.Moderation.Tests;

/// <summary><c>kb gaps</c> and <c>kb feedback</c> on the analytics reports: the window asked for, what the reply says, and a
/// clear message when analytics are off or unreadable.</summary>
public sealed class ModeratorReportsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Reminder = new AnsweringOptions().Reminder;
    private readonly FakeTimeProvider time = new(Now);
    private readonly Mock<IAnalyticsReports> reports = new();

    [Fact]
    public async Task GapsAsync_DefaultDays_AsksForSevenDaysAndTenGroupsAndShowsEachGroup()
    {
        reports.Setup(r => r.GetGapsAsync(TimeSpan.FromDays(7), 10, It.IsAny<CancellationToken>())).ReturnsAsync(new GapReport
        {
            From = Now.AddDays(-7),
            To = Now,
            NoAnswerTotal = 5,
            NotHelpfulTotal = 2,
            Groups =
            [
                Group("is stem cell therapy covered by insurance?", count: 4, users: 3, noAnswer: 4, notHelpful: 0, Now.AddHours(-2)),
                Group("what does it cost in [email]?", count: 2, users: 1, noAnswer: 1, notHelpful: 1, Now.AddDays(-3)),
            ],
        });

        var reply = await Commands(reports.Object).GapsAsync(null, CancellationToken.None);

        Assert.Equal("Unanswered questions, last 7 days", reply.Title);
        Assert.Equal("5 questions without an answer and 2 \"Not helpful\" clicks from 2026-11-19 to 2026-11-26.", reply.Lines[0]);
        Assert.Equal(["1. \u201Cis stem cell therapy covered by insurance?\u201D", "2. \u201Cwhat does it cost in [email]?\u201D"], reply.Fields.Select(f => f.Name));
        Assert.Equal("4 times (no answer), 3 people, last 2026-11-26 07:00 UTC (2 hours ago)", Assert.Single(reply.Fields[0].Lines));
        Assert.Equal("2 times (no answer and not helpful), 1 person, last 2026-11-23 09:00 UTC (3 days ago)", Assert.Single(reply.Fields[1].Lines));
        Assert.False(reply.IsError);
        Assert.Equal(Reminder, reply.Reminder);
    }

    [Fact]
    public async Task GapsAsync_NothingUnanswered_SaysSo()
    {
        reports.Setup(r => r.GetGapsAsync(TimeSpan.FromDays(30), 10, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GapReport { From = Now.AddDays(-30), To = Now, NoAnswerTotal = 0, NotHelpfulTotal = 0, Groups = [] });

        var reply = await Commands(reports.Object).GapsAsync(30, CancellationToken.None);

        Assert.Equal("Unanswered questions, last 30 days", reply.Title);
        Assert.StartsWith("Nothing to report", reply.Lines[1], StringComparison.Ordinal);
        Assert.Empty(reply.Fields);
    }

    [Fact]
    public async Task FeedbackAsync_Days_ShowsTotalsPlatformsAndThePassagesMarkedNotHelpful()
    {
        reports.Setup(r => r.GetFeedbackAsync(TimeSpan.FromDays(14), It.IsAny<CancellationToken>())).ReturnsAsync(new FeedbackReport
        {
            From = Now.AddDays(-14),
            To = Now,
            Platforms =
            [
                new PlatformFeedback { Platform = "discord", Helpful = 9, NotHelpful = 2, Answered = 40, NoAnswer = 6, Safety = 1 },
                new PlatformFeedback { Platform = "teams", Helpful = 3, NotHelpful = 1, Answered = 12, NoAnswer = 2 },
            ],
            NotHelpfulPassages = [new PassageFeedback { PassageId = "conditions/lupus#can-stem-cell-therapy-help-lupus-sle", NotHelpful = 2, Helpful = 5 }],
        });

        var reply = await Commands(reports.Object).FeedbackAsync(14, CancellationToken.None);

        Assert.Equal("Feedback, last 14 days", reply.Title);
        Assert.Equal("**12** helpful, **3** not helpful, from 2026-11-12 to 2026-11-26.", reply.Lines[0]);
        Assert.Equal(
            ["discord: 9 helpful, 2 not helpful; 40 answered, 6 without an answer, 1 safety reply", "teams: 3 helpful, 1 not helpful; 12 answered, 2 without an answer, 0 safety replies"],
            reply.Fields.Single(f => f.Name == "By platform").Lines);
        Assert.Equal(["`conditions/lupus#can-stem-cell-therapy-help-lupus-sle`: 2 not helpful, 5 helpful"], reply.Fields.Single(f => f.Name == "Marked not helpful most").Lines);
        Assert.Equal(Reminder, reply.Reminder);
    }

    [Fact]
    public async Task GapsAsync_MoreDaysThanTheAnalyticsKeep_SaysWhatTheReportCovers()
    {
        reports.Setup(r => r.GetGapsAsync(TimeSpan.FromDays(90), 10, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GapReport { From = Now.AddDays(-30), To = Now, NoAnswerTotal = 1, NotHelpfulTotal = 0, Groups = [Group("x", 1, 1, 1, 0, Now)] });

        var reply = await Commands(reports.Object).GapsAsync(90, CancellationToken.None);

        Assert.Equal("Unanswered questions, last 30 days", reply.Title);
        Assert.Contains("The analytics keep 30 days of data, so that is all this covers.", reply.Lines);
    }

    [Fact]
    public async Task GapsAndFeedback_AnalyticsOff_GiveTheirClearMessageAsAnError()
    {
        const string message = "Analytics are turned off (QaBot:Analytics:Enabled is false), so there is nothing to report.";
        reports.Setup(r => r.GetGapsAsync(It.IsAny<TimeSpan>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ThrowsAsync(new AnalyticsUnavailableException(message));
        reports.Setup(r => r.GetFeedbackAsync(It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).ThrowsAsync(new AnalyticsUnavailableException(message));
        var commands = Commands(reports.Object);

        var gaps = await commands.GapsAsync(7, CancellationToken.None);
        var feedback = await commands.FeedbackAsync(7, CancellationToken.None);

        Assert.All([gaps, feedback], reply =>
        {
            Assert.Equal("Analytics are not available", reply.Title);
            Assert.Equal(message, Assert.Single(reply.Lines));
            Assert.True(reply.IsError);
            Assert.Equal(Reminder, reply.Reminder);
        });
    }

    [Fact]
    public async Task GapsAsync_StoreFailsUnexpectedly_SaysSoByTheErrorsTypeOnly()
    {
        reports.Setup(r => r.GetGapsAsync(It.IsAny<TimeSpan>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("SQLite Error 11: 'database disk image is malformed' at /secret/path"));

        var reply = await Commands(reports.Object).GapsAsync(7, CancellationToken.None);

        Assert.True(reply.IsError);
        Assert.Equal("The analytics could not be read (InvalidOperationException). The details are in QaBot's log.", Assert.Single(reply.Lines));
    }

    [Fact]
    public async Task GapsAndFeedback_NoAnalyticsInThisHost_SayThereAreNone()
    {
        var commands = Commands(null);

        var gaps = await commands.GapsAsync(null, CancellationToken.None);
        var feedback = await commands.FeedbackAsync(null, CancellationToken.None);

        Assert.All([gaps, feedback], reply => Assert.Contains("keeps no analytics", Assert.Single(reply.Lines), StringComparison.Ordinal));
    }

    private static GapGroup Group(string example, int count, int users, int noAnswer, int notHelpful, DateTimeOffset last) => new()
    {
        Key = example,
        Example = example,
        Count = count,
        DistinctUsers = users,
        NoAnswerCount = noAnswer,
        NotHelpfulCount = notHelpful,
        LastAsked = last,
    };

    private ModeratorCommands Commands(IAnalyticsReports? analytics) =>
        new(Mock.Of<IKnowledgeBase>(), Options.Create(new AnsweringOptions()), time, NullLogger<ModeratorCommands>.Instance, analytics);
}
