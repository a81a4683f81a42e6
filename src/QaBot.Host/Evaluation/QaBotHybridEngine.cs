using System.Diagnostics;
using QaBot.Knowledge;
using QaBot.Knowledge.Embeddings;
using QaBot.Knowledge.Files;
using QaBot.Knowledge.Search;

namespace QaBot.Host.Evaluation;

/// <summary>
/// QaBot's default search: BM25 fused with the local embedding model. Passage vectors come from the on-disk cache
/// where possible; question encoding is timed separately (<see cref="EncodeLatencies"/>).
/// </summary>
public sealed class QaBotHybridEngine(IReadOnlyList<SynonymRule> synonyms, ITextEncoder encoder, string? cachePath, RetrievalOptions? options = null, LexicalIndexOptions? indexOptions = null) : IBenchEngine
{
    private LexicalIndex? lexical;
    private Retriever? retriever;

    public string Name => "qabot-hybrid";

    public List<double> EncodeLatencies { get; } = [];

    /// <summary>How the passage vectors were obtained in the last build.</summary>
    public PassageVectors.Result? Vectors { get; private set; }

    public void Build(IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        lexical = LexicalIndex.Build(passages, synonyms, indexOptions, cancellationToken);
        Vectors = PassageVectors.Compute(passages, encoder, new VectorCache(cachePath, encoder.ModelId, encoder.Dimensions), 0, cancellationToken);
        retriever = new Retriever(lexical, new DenseIndex(Vectors.Vectors, encoder.Dimensions), encoder, options);
    }

    public IReadOnlyList<string> Search(string question, int k)
    {
        var plan = lexical!.Plan(question);
        var started = Stopwatch.GetTimestamp();
        var vector = retriever!.EncodeQuestion(plan.SearchText);
        EncodeLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return retriever.Search(plan, vector, k).Select(h => h.Passage.Id).ToList();
    }

    public void Dispose() => lexical?.Dispose();
}
