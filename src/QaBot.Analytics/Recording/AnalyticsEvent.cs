namespace QaBot.Analytics.Recording;

/// <summary>
/// Something to record, as queued by the answering path: still with the platform's user id and the raw question. The
/// writer hashes and redacts it before anything reaches the store; the queue lives in memory only.
/// </summary>
internal abstract record AnalyticsEvent
{
    public required DateTimeOffset At { get; init; }

    public required string Platform { get; init; }

    public string? UserId { get; init; }
}
