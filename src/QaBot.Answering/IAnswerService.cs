namespace QaBot.Answering;

/// <summary>The one entry point every platform uses to answer a question.</summary>
public interface IAnswerService
{
    /// <summary>
    /// Answers a question from the knowledge, or with a safety or no-answer reply. Never throws for bad input:
    /// empty, huge, binary or query-syntax text gets a polite answer.
    /// </summary>
    Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken);
}
