using QaBot.Answering;

namespace QaBot.Analytics.Recording;

/// <summary>
/// Records the outcome of every answer: wraps the real <see cref="IAnswerService"/> and, once the answer is made,
/// queues a record without waiting for anything (a full queue drops the record and counts it).
/// </summary>
internal sealed class AnalyticsAnswerService(IAnswerService inner, AnalyticsQueue queue, TimeProvider time) : IAnswerService
{
    public async Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken)
    {
        var answer = await inner.AnswerAsync(question, cancellationToken).ConfigureAwait(false);
        queue.TryEnqueue(new QuestionEvent
        {
            At = time.GetUtcNow(),
            Platform = question.Platform,
            UserId = question.UserId,
            Outcome = answer.Kind,
            Category = answer.Category,
            PassageIds = answer.Citations.Select(c => c.Id).ToList(),
            Text = answer.Kind == AnswerKind.NoAnswer ? question.Text : null,
        });
        return answer;
    }
}
