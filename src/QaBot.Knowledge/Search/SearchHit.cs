namespace QaBot.Knowledge.Search;

/// <summary>A passage found for a question, with the signals that ranked it.</summary>
public sealed record SearchHit(Passage Passage, float Score)
{
    /// <summary>BM25 score of the lexical search (0 when the passage was found only by meaning).</summary>
    public float LexicalScore { get; init; }

    /// <summary>Cosine similarity with the question (null when embeddings are off).</summary>
    public float? DenseScore { get; init; }

    /// <summary>
    /// The mean cosine similarity of the question with the dense candidates (the knowledge's "background" for this
    /// question); null when embeddings are off.
    /// </summary>
    public float? DenseBaseline { get; init; }
}
