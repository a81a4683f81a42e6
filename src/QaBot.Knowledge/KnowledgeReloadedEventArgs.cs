namespace QaBot.Knowledge;

/// <summary>
/// Raised after every load or reload attempt, successful or not. <see cref="NewProblems"/> and
/// <see cref="ResolvedProblems"/> compare with the previous attempt, so a notifier can post only what changed:
/// <code>
/// knowledge.Reloaded += (_, e) =>
/// {
///     if (e.HasNews) { Post(e.Succeeded ? e.Status.Summary : "Reload failed: " + e.Status.LastFailure, e.NewProblems, e.ResolvedProblems); }
/// };
/// </code>
/// </summary>
public sealed class KnowledgeReloadedEventArgs : EventArgs
{
    /// <summary>The status after this attempt (on failure: the knowledge still served, with <see cref="KnowledgeStatus.LastFailure"/>).</summary>
    public required KnowledgeStatus Status { get; init; }

    /// <summary>Problems that the previous attempt did not have (all of them after the first load). Empty when the attempt failed.</summary>
    public required IReadOnlyList<KnowledgeDiagnostic> NewProblems { get; init; }

    /// <summary>Problems of the previous attempt that are gone (fixed files, deleted files). Empty when the attempt failed.</summary>
    public required IReadOnlyList<KnowledgeDiagnostic> ResolvedProblems { get; init; }

    /// <summary>Passages served before this attempt (0 before the first load).</summary>
    public int PreviousPassages { get; init; }

    /// <summary>True for the first load (nothing was served before it).</summary>
    public bool IsFirstLoad { get; init; }

    /// <summary>Why the attempt could not finish; null when it succeeded.</summary>
    public Exception? Exception { get; init; }

    /// <summary>True when the new knowledge is served.</summary>
    public bool Succeeded => Exception is null;

    /// <summary>True when there is something to tell moderators: a failure, or problems that appeared or went away.</summary>
    public bool HasNews => !Succeeded || NewProblems.Count > 0 || ResolvedProblems.Count > 0;
}
