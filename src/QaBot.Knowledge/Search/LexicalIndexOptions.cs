namespace QaBot.Knowledge.Search;

/// <summary>Field weights of the lexical search; bound from <c>QaBot:Retrieval:Lexical</c> (see <see cref="RetrievalOptions"/>).</summary>
public sealed record LexicalIndexOptions
{
    public float TitleBoost { get; init; } = 2f;

    public float SectionBoost { get; init; } = 1f;

    public float TextBoost { get; init; } = 1f;

    /// <summary>
    /// Boost of a passage's alternate questions (its <c>Also asked:</c> line): like its section heading, since each says
    /// what the passage answers.
    /// </summary>
    public float AlsoAskedBoost { get; init; } = 1f;

    /// <summary>Boost for a passage whose whole title occurs in the question (0 turns it off).</summary>
    public float TitleMatchBoost { get; init; } = 2f;

    /// <summary>Boost for a section named for what the question asks, e.g. "Symptoms" (0 turns it off).</summary>
    public float IntentBoost { get; init; } = 3f;

    /// <summary>How many BM25 candidates are re-ranked with the intent bonus.</summary>
    public int IntentRerankDepth { get; init; } = 100;

    /// <summary>Correct misspelt question words against the knowledge's own words before searching.</summary>
    public bool SpellingCorrection { get; init; } = true;
}
