using System.Diagnostics;
using QaBot.Knowledge;
using QaBot.Knowledge.Embeddings;
using QaBot.Knowledge.Files;
using QaBot.Knowledge.Search;

namespace QaBot.Bench;

/// <summary>
/// QaBot's default search: BM25 fused with the local embedding model, on the path the answer service takes (plan,
/// encode the question, both searches, fusion). Passage vectors come from the on-disk cache where possible; question
/// encoding is timed separately (<see cref="EncodeLatencies"/>).
/// </summary>
/// <param name="distinctCopies">
/// Give every repeated passage its own slightly different vector, so the dense index cannot store copies once (the
/// scale variant's copies would otherwise cost nothing to search).
/// </param>
public sealed class QaBotHybridEngine(IReadOnlyList<SynonymRule> synonyms, ITextEncoder encoder, string? cachePath, RetrievalOptions? options = null, LexicalIndexOptions? indexOptions = null, bool distinctCopies = false) : IBenchEngine
{
    private LexicalIndex? lexical;
    private Retriever? retriever;

    public string Name => "qabot-hybrid";

    public List<double> EncodeLatencies { get; } = [];

    /// <summary>How the passage vectors were obtained in the last build.</summary>
    public PassageVectors.Result? Vectors { get; private set; }

    /// <summary>The dense index of the last build.</summary>
    public DenseIndex? Dense { get; private set; }

    public void Build(IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        lexical = LexicalIndex.Build(passages, synonyms, indexOptions, cancellationToken);
        Vectors = PassageVectors.Compute(passages, encoder, new VectorCache(cachePath, encoder.ModelId, encoder.Dimensions), 0, cancellationToken);
        Dense = new DenseIndex(distinctCopies ? Distinct(Vectors.Vectors) : Vectors.Vectors, encoder.Dimensions, Vectors.Alternates);
        retriever = new Retriever(lexical, Dense, encoder, options);
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

    /// <summary>Each repeated vector replaced by a copy moved by about 0.001 and normalised again (fixed seed).</summary>
    private static float[][] Distinct(float[][] vectors)
    {
        var random = new Random(4);
        var seen = new HashSet<float[]>(ReferenceEqualityComparer.Instance);
        var result = new float[vectors.Length][];
        for (var i = 0; i < vectors.Length; i++)
        {
            var vector = vectors[i];
            if (seen.Add(vector))
            {
                result[i] = vector;
                continue;
            }

            var moved = vector.Select(x => x + (float)((random.NextDouble() - 0.5) * 0.002)).ToArray();
            var length = MathF.Sqrt(moved.Sum(x => x * x));
            result[i] = moved.Select(x => x / length).ToArray();
        }

        return result;
    }
}
