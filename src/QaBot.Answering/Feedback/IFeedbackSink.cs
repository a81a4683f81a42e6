namespace QaBot.Answering.Feedback;

/// <summary>Receives feedback clicks from every platform. Implementations must not block the reply.</summary>
public interface IFeedbackSink
{
    ValueTask RecordAsync(FeedbackEntry feedback, CancellationToken cancellationToken);
}
