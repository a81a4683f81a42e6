using QaBot.Knowledge.Search;

namespace QaBot.Knowledge;

/// <summary>
/// One immutable generation of the knowledge: the loaded files and the index built from them. Questions use the
/// snapshot they started with, so a reload never shows them a half-built index.
/// </summary>
public sealed class KnowledgeSnapshot : IDisposable
{
    public KnowledgeSnapshot(KnowledgeSet knowledge, LexicalIndex index, DateTimeOffset loadedAt, TimeSpan buildTime)
    {
        Knowledge = knowledge;
        Index = index;
        LoadedAt = loadedAt;
        BuildTime = buildTime;
        Excerpts = new PassageExcerpts(index.IndexAnalyzer);
        byId = new Dictionary<string, Passage>(index.Passages.Count, StringComparer.Ordinal);
        foreach (var passage in index.Passages)
        {
            byId.TryAdd(passage.Id, passage);
        }
    }

    private readonly Dictionary<string, Passage> byId;

    public Passage? FindPassage(string id) => byId.GetValueOrDefault(id);

    public KnowledgeSet Knowledge { get; }

    public LexicalIndex Index { get; }

    public PassageExcerpts Excerpts { get; }

    public DateTimeOffset LoadedAt { get; }

    public TimeSpan BuildTime { get; }

    public IReadOnlyList<Passage> Passages => Index.Passages;

    public QueryPlan Plan(string question) => Index.Plan(question);

    /// <summary>The best passages for a question, best first.</summary>
    public IReadOnlyList<SearchHit> Search(QueryPlan plan, int top) => Index.Search(plan, top);

    public void Dispose() => Index.Dispose();
}
