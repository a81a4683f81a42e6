using System.ComponentModel.DataAnnotations;

namespace QaBot.Knowledge.Embeddings;

/// <summary>The local sentence-embedding model and the hybrid search. Section <c>QaBot:Embeddings</c>.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "QaBot:Embeddings";

    /// <summary>Use the embedding model (default true). Off, or when the model cannot load, search is lexical only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Folder of the passage-vector cache (relative to the content root). Empty disables the disk cache.</summary>
    public string? CachePath { get; set; } = ".qabot/vectors";

    /// <summary>ONNX Runtime threads per encoding call (default 1: one question on one core has the better p99).</summary>
    [Range(1, 64)]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Passages encoded in parallel when building the index (default: the number of cores).</summary>
    [Range(0, 64)]
    public int EncodeParallelism { get; set; }

    /// <summary>
    /// Obsolete: the fusion weight lives in <c>QaBot:Retrieval:LexicalWeight</c> (<see cref="Search.RetrievalOptions"/>).
    /// Read only to keep old settings working: when set, it is used for <c>QaBot:Retrieval:LexicalWeight</c> if that
    /// is not set, and the start logs a warning naming the new key.
    /// </summary>
    [Range(0.0, 1.0)]
    public double? LexicalWeight { get; set; }
}
