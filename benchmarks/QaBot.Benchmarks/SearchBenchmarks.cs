using BenchmarkDotNet.Attributes;
using QaBot.Knowledge;
using QaBot.Knowledge.Search;

namespace QaBot.Benchmarks;

/// <summary>
/// The lexical hot path on the bundled knowledge: analysing a question, searching, and quoting a passage.
/// Run: <c>dotnet run -c Release --project benchmarks/QaBot.Benchmarks -- --filter '*'</c> from the repository root.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks : IDisposable
{
    private KnowledgeSnapshot snapshot = null!;
    private QueryPlan plan = null!;
    private Passage passage = null!;

    [Params("can stem cells help lupus", "my sister just got diagnosed with lupus what even is it and can stem cells help her")]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var knowledge = new KnowledgeLoader().Load([Path.Combine(RepositoryRoot(), "knowledge")]);
        var index = LexicalIndex.Build(knowledge.Passages, knowledge.Synonyms);
        snapshot = new KnowledgeSnapshot(knowledge, index, DateTimeOffset.UtcNow, TimeSpan.Zero);
        plan = snapshot.Plan(Question);
        passage = snapshot.Search(plan, 1)[0].Passage;
    }

    /// <summary>BenchmarkDotNet runs the benchmarks from a generated folder below this project: walk up to QaBot.sln.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "QaBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("QaBot.sln not found above " + AppContext.BaseDirectory);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        snapshot.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public QueryPlan Plan() => snapshot.Plan(Question);

    [Benchmark]
    public int PlanAndSearch() => snapshot.Search(snapshot.Plan(Question), 10).Count;

    [Benchmark]
    public string Quote() => snapshot.Excerpts.Quote(passage, plan, 300);
}
