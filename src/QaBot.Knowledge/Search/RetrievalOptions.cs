namespace QaBot.Knowledge.Search;

/// <summary>How lexical and dense results are fused.</summary>
public sealed record RetrievalOptions
{
    /// <summary>Weight of the min-max normalised BM25 score in the fused score (the dense cosine gets 1 - this).</summary>
    public double LexicalWeight { get; init; } = 0.1;

    /// <summary>Candidates taken from each of the lexical and dense searches before fusion.</summary>
    public int Candidates { get; init; } = 50;
}
