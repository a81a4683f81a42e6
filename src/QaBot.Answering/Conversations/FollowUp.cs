namespace QaBot.Answering.Conversations;

/// <summary>What <see cref="FollowUpResolver"/> made of a message.</summary>
/// <param name="Kind">How it relates to the conversation.</param>
/// <param name="Question">The question to answer (the message itself unless <see cref="FollowUpKind.Resolved"/>).</param>
/// <param name="Topic">The topic taken from the conversation when resolved; null otherwise.</param>
internal sealed record FollowUp(FollowUpKind Kind, string Question, ConversationTopic? Topic)
{
    /// <summary>The message as written, on a resolved follow-up that may also be resolved with a broader topic.</summary>
    public string? Message { get; init; }
}
