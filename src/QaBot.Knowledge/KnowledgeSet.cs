using QaBot.Knowledge.Files;

namespace QaBot.Knowledge;

/// <summary>Everything read from the knowledge paths: passages (duplicates removed), synonyms and all problems found.</summary>
public sealed record KnowledgeSet
{
    public required IReadOnlyList<Passage> Passages { get; init; }

    public required IReadOnlyList<SynonymRule> Synonyms { get; init; }

    public required IReadOnlyList<KnowledgeDiagnostic> Diagnostics { get; init; }

    /// <summary>Each file read, with the number of passages it contributed.</summary>
    public required IReadOnlyList<KnowledgeFileSummary> Files { get; init; }

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);

    public static KnowledgeSet FromPassages(IReadOnlyList<Passage> passages, IReadOnlyList<SynonymRule>? synonyms = null) => new()
    {
        Passages = passages,
        Synonyms = synonyms ?? [],
        Diagnostics = [],
        Files = [],
    };
}

/// <summary>
/// One knowledge file as loaded: its kind (<c>markdown</c>, <c>jsonl</c> or <c>synonyms</c>), the passages it
/// contributes, and the errors and warnings found in it.
/// </summary>
public sealed record KnowledgeFileSummary(string File, string Kind, int Passages, int Errors, int Warnings)
{
    /// <summary>
    /// When the file is broken now but loaded fine earlier, the time of that earlier load: its passages (or synonyms)
    /// from then are still served. Null when the file is served as it is now.
    /// </summary>
    public DateTimeOffset? ServingLastGoodSince { get; init; }

    /// <summary>True when the file's last good version is served instead of the broken current one.</summary>
    public bool ServingLastGood => ServingLastGoodSince is not null;
}
