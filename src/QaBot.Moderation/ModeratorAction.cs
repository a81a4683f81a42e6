namespace QaBot.Moderation;

/// <summary>What a moderator command asks for.</summary>
public enum ModeratorAction
{
    /// <summary>The list of commands (also the reply to a command that could not be read).</summary>
    Help,

    /// <summary>Files, passages, last reload, problems, embeddings.</summary>
    Status,

    /// <summary>Read the knowledge files again now.</summary>
    Reload,

    /// <summary>The most frequent questions that got no answer or "Not helpful".</summary>
    Gaps,

    /// <summary>Helpful / not helpful counts and the passages most often marked not helpful.</summary>
    Feedback,
}
