namespace QaBot.Answering.Conversations;

/// <summary>How a message relates to the conversation before it.</summary>
internal enum FollowUpKind
{
    /// <summary>Self-contained, off-topic, small talk, or there is no earlier topic: answered as written.</summary>
    Alone,

    /// <summary>Leans on the previous turn's topic: answered as <see cref="FollowUp.Question"/>.</summary>
    Resolved,

    /// <summary>Leans on a topic that was never named (no context): ask which topic is meant.</summary>
    Ambiguous,
}
