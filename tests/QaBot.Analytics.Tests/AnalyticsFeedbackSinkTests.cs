using QaBot.Analytics.Recording;
using QaBot.Analytics.Tests.Support;
using QaBot.Answering;
using QaBot.Answering.Feedback;

namespace QaBot.Analytics.Tests;

public sealed class AnalyticsFeedbackSinkTests
{
    [Fact]
    public async Task RecordAsync_PassesTheClickOnAndQueuesItWithoutTheQuestionWhenHelpful()
    {
        using var harness = new AnalyticsHarness();
        var inner = new Mock<IFeedbackSink>();
        var sink = new AnalyticsFeedbackSink(inner.Object, harness.Queue, harness.Time);
        var click = new FeedbackEntry { Platform = "teams", UserId = "u", Helpful = true, Kind = AnswerKind.Answered, Question = "what is lupus", PassageIds = ["a#b"] };

        await sink.RecordAsync(click, CancellationToken.None);

        inner.Verify(s => s.RecordAsync(click, CancellationToken.None), Times.Once);
        Assert.True(harness.Queue.Reader.TryRead(out var queued));
        var feedback = Assert.IsType<FeedbackEvent>(queued);
        Assert.Null(feedback.Text);
        Assert.Equal(AnalyticsHarness.Start, feedback.At);
        Assert.Equal(["a#b"], feedback.PassageIds);
    }

    [Fact]
    public async Task RecordAsync_NotHelpfulWithoutTheQuestion_IsStoredWithItsPassagesOnly()
    {
        using var harness = new AnalyticsHarness();

        await harness.ClickAsync(helpful: false, question: null, "discord", "u", "conditions/ms#what-is-ms");

        var row = Assert.Single(harness.Query("SELECT helpful, text, group_key, passage_ids FROM feedback"));
        Assert.Equal([0L, null, null, """["conditions/ms#what-is-ms"]"""], row);
    }
}
