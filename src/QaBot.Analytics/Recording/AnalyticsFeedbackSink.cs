using QaBot.Answering.Feedback;

namespace QaBot.Analytics.Recording;

/// <summary>Records feedback clicks: hands them to the sink it wraps (the log), then queues a record without waiting.</summary>
internal sealed class AnalyticsFeedbackSink(IFeedbackSink inner, AnalyticsQueue queue, TimeProvider time) : IFeedbackSink
{
    public async ValueTask RecordAsync(FeedbackEntry feedback, CancellationToken cancellationToken)
    {
        await inner.RecordAsync(feedback, cancellationToken).ConfigureAwait(false);
        queue.TryEnqueue(new FeedbackEvent
        {
            At = feedback.At == default ? time.GetUtcNow() : feedback.At,
            Platform = feedback.Platform,
            UserId = feedback.UserId,
            Helpful = feedback.Helpful,
            AnswerKind = feedback.Kind,
            PassageIds = feedback.PassageIds,
            Text = feedback.Helpful ? null : feedback.Question,
        });
    }
}
