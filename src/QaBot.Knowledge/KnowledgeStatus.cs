namespace QaBot.Knowledge;

/// <summary>
/// What the knowledge base serves and how its reloads went, for moderators (<c>qabot kb status</c>, a status command
/// in chat, a notifier). Immutable: <see cref="IKnowledgeBase.Status"/> returns a new one after every reload attempt,
/// so a caller can read it from any thread without locking.
/// </summary>
public sealed record KnowledgeStatus
{
    /// <summary>The status before the first load (nothing served yet).</summary>
    public static KnowledgeStatus NotLoaded { get; } = new() { Files = [], Problems = [], Embeddings = "not loaded yet" };

    /// <summary>
    /// Every knowledge file read, in load order, with its kind, passages, errors and warnings, and whether its last
    /// good version is served because it is broken now (<see cref="KnowledgeFileSummary.ServingLastGoodSince"/>).
    /// </summary>
    public required IReadOnlyList<KnowledgeFileSummary> Files { get; init; }

    /// <summary>Passages served (after duplicates are dropped).</summary>
    public int Passages { get; init; }

    /// <summary>Synonym rules in use.</summary>
    public int SynonymRules { get; init; }

    /// <summary>
    /// Every current problem with its file and line (the served knowledge's diagnostics): errors, warnings, and a
    /// warning "serving the last good version from ..." for each file kept at its last good version.
    /// </summary>
    public required IReadOnlyList<KnowledgeDiagnostic> Problems { get; init; }

    /// <summary>"on (model: N vectors, ...)" or "off: reason", as in <c>qabot kb stats</c>.</summary>
    public required string Embeddings { get; init; }

    /// <summary>
    /// When the last successful load or reload (the one whose knowledge is served) read the files; null before the
    /// first. The same time is quoted by "serving the last good version from ...".
    /// </summary>
    public DateTimeOffset? LastReloadAt { get; init; }

    /// <summary>When the last load or reload started, whether it succeeded or not.</summary>
    public DateTimeOffset? LastAttemptAt { get; init; }

    /// <summary>Why the last attempt could not finish (the knowledge from <see cref="LastReloadAt"/> is still served); null when it succeeded.</summary>
    public string? LastFailure { get; init; }

    /// <summary>True once knowledge has been loaded and is served.</summary>
    public bool IsLoaded => LastReloadAt is not null;

    public int ErrorCount => Problems.Count(p => p.IsError);

    public int WarningCount => Problems.Count(p => !p.IsError);

    /// <summary>True when any file has an error (it is skipped, partly loaded, or served at its last good version).</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>The broken files whose last good version is served.</summary>
    public IEnumerable<KnowledgeFileSummary> FilesServingLastGood => Files.Where(f => f.ServingLastGood);

    /// <summary>
    /// One line for a status message: "28 passages from 9 files; 1 error, 0 warnings; 1 file on its last good
    /// version; loaded 2026-11-26 10:02:03 UTC", plus the last failure when the last attempt failed.
    /// </summary>
    public string Summary
    {
        get
        {
            if (!IsLoaded)
            {
                return LastFailure is null ? "not loaded yet" : $"not loaded: {LastFailure}";
            }

            var lastGood = FilesServingLastGood.Count();
            var text = $"{Passages} passages from {Files.Count} files; {ErrorCount} errors, {WarningCount} warnings";
            if (lastGood > 0)
            {
                text += $"; {lastGood} {(lastGood == 1 ? "file" : "files")} on the last good version";
            }

            text += $"; loaded {LastReloadAt:yyyy-MM-dd HH:mm:ss} UTC";
            return LastFailure is null ? text : $"{text}; the last reload failed: {LastFailure}";
        }
    }
}
