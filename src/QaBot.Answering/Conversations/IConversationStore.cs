namespace QaBot.Answering.Conversations;

/// <summary>
/// The recent turns of each conversation, bounded in count (<see cref="ConversationOptions.MaxTurns"/>) and in time
/// (<see cref="ConversationOptions.Lifetime"/>, sliding: a conversation is forgotten that long after its last turn).
/// In memory by default (one process); shared by every replica through Redis when <c>QaBot:State:Store</c> is <c>Redis</c>.
/// A store that cannot be reached never throws from <see cref="GetTurnsAsync"/> or <see cref="AppendAsync"/> and never
/// waits long: the question is then answered without context (the store logs a warning once per outage).
/// </summary>
public interface IConversationStore
{
    /// <summary>The remembered turns of the conversation, oldest first; empty when there are none (or none any more).</summary>
    ValueTask<IReadOnlyList<ConversationTurn>> GetTurnsAsync(ConversationKey key, CancellationToken cancellationToken);

    /// <summary>Remembers a turn, drops the oldest beyond the count bound, and restarts the conversation's lifetime.</summary>
    ValueTask AppendAsync(ConversationKey key, ConversationTurn turn, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every conversation of the user with this id, on <paramref name="platform"/> or, when null, on every
    /// platform, and returns how many conversations were deleted. Conversations without a user id are not reached
    /// (they expire after <see cref="ConversationOptions.Lifetime"/>).
    /// </summary>
    /// <exception cref="ConversationStoreUnavailableException">The store cannot be reached, so nothing could be deleted.</exception>
    ValueTask<int> ForgetUserAsync(string userId, string? platform, CancellationToken cancellationToken);
}
