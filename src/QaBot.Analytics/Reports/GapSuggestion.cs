namespace QaBot.Analytics.Reports;

/// <summary>
/// The knowledge section an unanswered question group could be attached to (the best section retrieval found for it,
/// even below the answer threshold), with the exact line a moderator adds to that section.
/// </summary>
public sealed record GapSuggestion
{
    /// <summary>The section's id, e.g. <c>overview#is-stem-cell-therapy-just-hype</c>.</summary>
    public required string SectionId { get; init; }

    public required string Title { get; init; }

    /// <summary>The section heading (empty for a passage without one).</summary>
    public required string Section { get; init; }

    /// <summary>The knowledge file, relative to its knowledge root.</summary>
    public required string File { get; init; }

    /// <summary>1-based line of the section heading (Markdown) or of the passage (JSONL).</summary>
    public required int Line { get; init; }

    /// <summary>
    /// What to add: for Markdown, the section's whole <c>Also asked:</c> line with the question appended (replacing the
    /// section's current line if it has one); for JSONL, the line's <c>also_asked</c> array.
    /// </summary>
    public required string Add { get; init; }
}
