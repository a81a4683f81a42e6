using QaBot.Knowledge.Embeddings;

namespace QaBot.Knowledge.Search;

/// <summary>
/// Finds passages for a question: BM25 alone, or (with an encoder) BM25 fused with dense cosine similarity:
/// <c>w * minmax(bm25) + (1 - w) * minmax(cosine)</c> over the union of both candidate lists, where every candidate's
/// cosine is computed (from the dense index's 8-bit vectors) and a candidate BM25 did not find scores 0 on that side; plus small bonuses for a
/// section named for what the question asks and for a title that occurs whole in the question. Thread-safe.
/// </summary>
public sealed class Retriever
{
    private readonly LexicalIndex lexical;
    private readonly DenseIndex? dense;
    private readonly ITextEncoder? encoder;
    private readonly RetrievalOptions options;

    public Retriever(LexicalIndex lexical, DenseIndex? dense = null, ITextEncoder? encoder = null, RetrievalOptions? options = null)
    {
        if ((dense is null) != (encoder is null))
        {
            throw new ArgumentException("a dense index needs its encoder, and the other way round");
        }

        this.lexical = lexical;
        this.dense = dense;
        this.encoder = encoder;
        this.options = options ?? new RetrievalOptions();
    }

    public LexicalIndex Lexical => lexical;

    public DenseIndex? Dense => dense;

    /// <summary>Encodes a question for the dense search (null when embeddings are off).</summary>
    public float[]? EncodeQuestion(string question) => encoder?.EncodeQuery(question);

    public IReadOnlyList<SearchHit> Search(QueryPlan plan, int top) => Search(plan, EncodeQuestion(plan.SearchText), top);

    /// <summary>Searches with an already encoded question (so callers can time encoding alone).</summary>
    public IReadOnlyList<SearchHit> Search(QueryPlan plan, float[]? questionVector, int top)
    {
        if (top <= 0 || lexical.Passages.Count == 0)
        {
            return [];
        }

        if (dense is null || questionVector is null)
        {
            return lexical.Search(plan, top);
        }

        var lexicalHits = lexical.SearchOrdinals(plan, options.Candidates);
        var query = dense.Prepare(questionVector);
        var denseHits = dense.Search(query, options.Candidates);

        var candidates = new Dictionary<int, (float Lexical, float Cosine)>(lexicalHits.Count + denseHits.Count);
        foreach (var (passage, score) in lexicalHits)
        {
            candidates[passage] = (score, dense.Similarity(query, passage));
        }

        foreach (var (passage, cosine) in denseHits)
        {
            candidates.TryAdd(passage, (0f, cosine));
        }

        var (lexMin, lexMax) = Range(lexicalHits.Select(h => h.Score));
        var (cosMin, cosMax) = Range(candidates.Values.Select(v => v.Cosine));
        var w = options.LexicalWeight;
        var baseline = denseHits.Count == 0 ? 0f : denseHits.Average(h => h.Score);
        var fused = new List<SearchHit>(candidates.Count);
        foreach (var (passage, (lexicalScore, cosine)) in candidates)
        {
            var lexicalPart = lexicalScore <= 0 ? 0 : Normalize(lexicalScore, lexMin, lexMax);
            var score = (w * lexicalPart) + ((1 - w) * Normalize(cosine, cosMin, cosMax));
            if (options.IntentBonus > 0 && lexical.SectionMatchesIntent(passage, plan))
            {
                score += options.IntentBonus;
            }

            if (options.TitleBonus > 0 && lexical.TitleInQuestion(passage, plan))
            {
                score += options.TitleBonus;
            }

            fused.Add(new SearchHit(lexical.Passages[passage], (float)score) { LexicalScore = lexicalScore, DenseScore = cosine, DenseBaseline = baseline });
        }

        fused.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : (b.DenseScore ?? 0).CompareTo(a.DenseScore ?? 0));
        return fused.Count > top ? fused.GetRange(0, top) : fused;
    }

    private static (float Min, float Max) Range(IEnumerable<float> values)
    {
        float min = float.MaxValue, max = float.MinValue;
        foreach (var value in values)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        return min > max ? (0, 0) : (min, max);
    }

    private static double Normalize(float value, float min, float max) => max - min < 1e-9 ? 1.0 : (value - min) / (max - min);
}
