using System.Collections.Concurrent;
using QaBot.Answering.Feedback;

namespace QaBot.Host.Tests;

/// <summary>Keeps every feedback click it is handed, for tests that check what an endpoint recorded.</summary>
public sealed class RecordingFeedbackSink : IFeedbackSink
{
    public ConcurrentQueue<FeedbackEntry> Entries { get; } = new();

    public ValueTask RecordAsync(FeedbackEntry feedback, CancellationToken cancellationToken)
    {
        Entries.Enqueue(feedback);
        return ValueTask.CompletedTask;
    }
}
