

namespace QaBot.Knowledge.Embeddings;

/// <summary>
/// Turns text into L2-normalised vectors. Implementations are thread-safe.
/// </summary>
public interface ITextEncoder : IDisposable
{
    /// <summary>
    /// Stable id used as part of a vector-cache key, e.g. "arctic-embed-xs-v1-cls-256".
    /// Changes whenever stored passage vectors would change (model, pooling, passage token limit, passage text layout).
    /// </summary>
    string ModelId { get; }

    /// <summary>Length of every vector returned.</summary>
    int Dimensions { get; }

    /// <summary>Encodes a user question (query side of an asymmetric retrieval model).</summary>
    float[] EncodeQuery(string text);

    /// <summary>Encodes one knowledge passage (document side).</summary>
    /// <remarks>
    /// There is deliberately no batch method: padded batches were slower than one passage per call on the target
    /// 2-core machines. For bulk indexing, call this from several threads instead.
    /// </remarks>
    float[] EncodePassage(string title, string section, string text);
}
