namespace QaBot.Knowledge.Search;

/// <summary>How lexical and dense results are fused.</summary>
public sealed record RetrievalOptions
{
    /// <summary>Weight of the min-max normalised BM25 score in the fused score (the dense cosine gets 1 - this).</summary>
    public double LexicalWeight { get; init; } = 0.1;

    /// <summary>Candidates taken from each of the lexical and dense searches before fusion.</summary>
    public int Candidates { get; init; } = 50;

    /// <summary>Added to the fused score of a passage whose section is named for what the question asks.</summary>
    public double IntentBonus { get; init; } = 0.1;

    /// <summary>Added to the fused score of a passage whose whole title occurs in the question.</summary>
    public double TitleBonus { get; init; }
}
