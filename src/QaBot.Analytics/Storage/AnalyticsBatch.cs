namespace QaBot.Analytics.Storage;

/// <summary>Records written together, in one transaction.</summary>
public sealed record AnalyticsBatch(IReadOnlyList<QuestionRecord> Questions, IReadOnlyList<FeedbackRecord> Feedback)
{
    public int Count => Questions.Count + Feedback.Count;
}
