namespace QaBot.Knowledge;

/// <summary>One retrievable unit of knowledge: a Markdown section (or part of one) or a JSONL line.</summary>
public sealed record Passage
{
    /// <summary>Stable id: <c>path/without/extension#section-slug</c> for Markdown, the <c>id</c> field for JSONL.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>Section heading; empty when the passage has none.</summary>
    public string Section { get; init; } = "";

    public required string Text { get; init; }

    public string? Url { get; init; }

    /// <summary>Who wrote the facts (credited in citations).</summary>
    public string? Source { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string Language { get; init; } = "en";

    /// <summary>
    /// Other ways people ask the question this passage answers (a Markdown section's <c>Also asked:</c> line, a JSONL
    /// line's <c>also_asked</c>). Searched by both retrieval paths like the heading; never part of <see cref="Text"/>.
    /// </summary>
    public IReadOnlyList<string> AlsoAsked { get; init; } = [];

    /// <summary>Knowledge file the passage came from, relative to its knowledge root, with forward slashes.</summary>
    public string File { get; init; } = "";

    /// <summary>1-based line of the file where the passage starts.</summary>
    public int Line { get; init; }
}
