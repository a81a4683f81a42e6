using QaBot.Knowledge.Search;

namespace QaBot.Knowledge;

/// <summary>
/// One immutable generation of the knowledge: the loaded files and the indexes built from them. Questions use the
/// snapshot they started with, so a reload never shows them a half-built index.
/// </summary>
public sealed class KnowledgeSnapshot : IDisposable
{
    private readonly Dictionary<string, Passage> byId;

    public KnowledgeSnapshot(KnowledgeSet knowledge, LexicalIndex index, DateTimeOffset loadedAt, TimeSpan buildTime)
        : this(knowledge, new Retriever(index), loadedAt, buildTime, "off")
    {
    }

    public KnowledgeSnapshot(KnowledgeSet knowledge, Retriever retriever, DateTimeOffset loadedAt, TimeSpan buildTime, string embeddings)
    {
        Knowledge = knowledge;
        Retriever = retriever;
        LoadedAt = loadedAt;
        BuildTime = buildTime;
        Embeddings = embeddings;
        Excerpts = new PassageExcerpts(retriever.Lexical.IndexAnalyzer);
        byId = new Dictionary<string, Passage>(retriever.Lexical.Passages.Count, StringComparer.Ordinal);
        foreach (var passage in retriever.Lexical.Passages)
        {
            byId.TryAdd(passage.Id, passage);
        }
    }

    public KnowledgeSet Knowledge { get; }

    public Retriever Retriever { get; }

    public LexicalIndex Index => Retriever.Lexical;

    public PassageExcerpts Excerpts { get; }

    public DateTimeOffset LoadedAt { get; }

    public TimeSpan BuildTime { get; }

    /// <summary>"on (...)" with the model and vector counts, or "off: reason".</summary>
    public string Embeddings { get; }

    public IReadOnlyList<Passage> Passages => Index.Passages;

    public Passage? FindPassage(string id) => byId.GetValueOrDefault(id);

    public QueryPlan Plan(string question) => Index.Plan(question);

    /// <summary>The best passages for a question, best first (hybrid when embeddings are on).</summary>
    public IReadOnlyList<SearchHit> Search(QueryPlan plan, int top) => Retriever.Search(plan, top);

    /// <summary>
    /// The best passages for a question already encoded (<see cref="EncodeQuestion"/>), so that one encoder pass serves
    /// safety triage and retrieval. A vector this snapshot cannot use (null, or from another model) means lexical search.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(QueryPlan plan, float[]? questionVector, int top) =>
        Retriever.Search(plan, questionVector is not null && questionVector.Length == Retriever.Dense?.Dimensions ? questionVector : null, top);

    /// <summary>The question's sentence vector (the encoder's query vector), or null when embeddings are off.</summary>
    public float[]? EncodeQuestion(string question) => Retriever.EncodeQuestion(question);

    public void Dispose() => Index.Dispose();
}
