namespace QaBot.Knowledge;

/// <summary>The knowledge currently served, a way to reload it, and how loading went.</summary>
public interface IKnowledgeBase
{
    /// <summary>The current snapshot. Take it once per question and use only that one.</summary>
    KnowledgeSnapshot Current { get; }

    /// <summary>
    /// What is served and how the last reloads went: files, passages, problems, last good versions in use, the last
    /// failure, embeddings. Cheap and never blocks (it does not load the knowledge; before the first load it is
    /// <see cref="KnowledgeStatus.NotLoaded"/>).
    /// </summary>
    KnowledgeStatus Status { get; }

    /// <summary>
    /// Raised after every load or reload attempt, successful or not, with the new status and the problems that
    /// appeared or went away since the previous attempt. Handlers run on the reloading thread, one at a time and in
    /// order: keep them short (queue slow work such as posting to a chat) and do not wait for a reload from one.
    /// An exception from a handler is logged and does not affect the reload.
    /// </summary>
    event EventHandler<KnowledgeReloadedEventArgs>? Reloaded;

    /// <summary>
    /// Reads the knowledge files again and swaps the new snapshot in when it is built; questions already running
    /// finish on the old one. Broken files keep their last good version (see <see cref="KnowledgeStatus"/>).
    /// </summary>
    /// <exception cref="KnowledgeReloadException">The reload could not finish; the previous knowledge is still served.</exception>
    Task<KnowledgeSnapshot> ReloadAsync(CancellationToken cancellationToken);
}
