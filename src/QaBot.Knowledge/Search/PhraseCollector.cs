using Lucene.Net.Index;
using Lucene.Net.Search;

namespace QaBot.Knowledge.Search;

/// <summary>
/// Collects every passage a Lucene query matches, with its score: how a multi-word synonym alternative ("multiple
/// sclerosis", which needs positions) is scored once when the index is built. In doc-id order, so Lucene needs no
/// bucket table.
/// </summary>
internal sealed class PhraseCollector(int[] docToPassage) : ICollector
{
    private Scorer? scorer;
    private int docBase;

    public List<int> Passages { get; } = [];

    public List<float> Scores { get; } = [];

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

    public void Collect(int doc)
    {
        var score = scorer!.GetScore();
        if (score > 0)
        {
            Passages.Add(docToPassage[docBase + doc]);
            Scores.Add(score);
        }
    }
}
