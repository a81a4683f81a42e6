namespace QaBot.Embeddings;

/// <summary>Settings for <see cref="ArcticXsEncoder"/>.</summary>
public sealed record ArcticXsEncoderOptions
{
    /// <summary>ONNX Runtime intra-op threads per inference call. 1 keeps one request on one core.</summary>
    public int IntraOpNumThreads { get; init; } = 1;

    /// <summary>Token limit for questions, counting [CLS], [SEP] and the query prefix (8..512).</summary>
    public int MaxQueryTokens { get; init; } = 128;

    /// <summary>Token limit for passages, counting [CLS] and [SEP] (8..512). Part of <see cref="ArcticXsEncoder.ModelId"/>.</summary>
    public int MaxPassageTokens { get; init; } = 256;

    /// <summary>Run one tiny inference while loading so the first real request is not slow.</summary>
    public bool WarmUp { get; init; } = true;
}
