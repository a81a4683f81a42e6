using Lucene.Net.Index;
using Lucene.Net.Search;

namespace QaBot.Knowledge.Search;

/// <summary>
/// Hands every passage a Lucene query matches, with its score, to the accumulator as one alternative of a synonym
/// concept. Used for the multi-word alternatives ("multiple sclerosis"), which need positions.
/// </summary>
internal sealed class AlternativeCollector(ScoreAccumulator accumulator, int[] docToPassage) : ICollector
{
    private Scorer? scorer;
    private int docBase;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

    public void Collect(int doc)
    {
        var score = scorer!.GetScore();
        if (score > 0)
        {
            accumulator.AddAlternative(docToPassage[docBase + doc], score);
        }
    }
}
