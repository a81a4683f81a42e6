namespace QaBot.Answering.Turns;

/// <summary>
/// The one question turn every adapter (HTTP, chat page, Discord, Teams, CLI, eval) goes through; adapters only
/// translate the platform's message in and render the <see cref="TurnResult"/> out. In order: clean the text (empty: a
/// polite reply); encode the question once; safety triage on the message, outside every limit and queue (a verdict is
/// answered at once; a triage that throws or times out counts as an emergency); the platform's own gate; the shared
/// per-user and global limits; an answering slot; then the answer, reusing the same vector for retrieval.
/// </summary>
public interface IQuestionTurn
{
    /// <summary>The whole turn.</summary>
    Task<TurnResult> AskAsync(TurnRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The first half: everything up to and including the rate limits, never waiting for a slot. A safety reply, an empty
    /// message's reply or a refusal ends the turn here (<see cref="TurnAdmission.Result"/>).
    /// </summary>
    Task<TurnAdmission> AdmitAsync(TurnRequest request, CancellationToken cancellationToken);

    /// <summary>The second half of an admitted question: an answering slot (busy: a refusal), then the answer.</summary>
    Task<TurnResult> AnswerAsync(TurnAdmission admission, CancellationToken cancellationToken);
}
