using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using QaBot.Answering.Safety;

namespace QaBot.Benchmarks;

/// <summary>
/// Safety triage runs before every answer: how long it takes beyond the encoder pass (the question vector is given)
/// on an ordinary question, on a safety message and on a 2,000-character message full of rule keywords, with the
/// rules alone and with the served models (the text model trained on the repository's exemplars, and a k-NN classifier
/// over 1,200 random unit vectors of 384 dimensions, the size of the real one).
/// Run with <c>dotnet run -c Release --project benchmarks/QaBot.Benchmarks -- --filter *Safety*</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class SafetyBenchmarks
{
    private const string Ordinary = "Can stem cell therapy help rheumatoid arthritis, and how do the doctors decide who should get it?";
    private const string Indirect = "ever since the diagnosis i keep thinking everyone would cope better without me around";

    private readonly SafetyTriage rulesOnly = new(SafetyRuleSet.Default);
    private readonly string longMessage = string.Concat(Enumerable.Repeat(Ordinary + " How do my doctors decide? ", 20))[..2000];
    private SafetyTriage served = null!;
    private float[] vector = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = FindExemplars();
        var (exemplars, _) = SafetyExemplars.Read(path);
        var random = new Random(7);
        float[] Unit()
        {
            var v = new float[384];
            for (var i = 0; i < v.Length; i++)
            {
                v[i] = (float)((random.NextDouble() * 2) - 1);
            }

            var norm = MathF.Sqrt(v.Sum(x => x * x));
            return [.. v.Select(x => x / norm)];
        }

        var knn = new SafetyClassifier([.. exemplars.Select(e => (e, Unit()))], 5, 0.6, 0.06);
        var models = new SafetyModels(SafetyTextModel.Train(exemplars), knn);
        served = new SafetyTriage(SafetyRuleSet.Default, () => models, null, null);
        vector = Unit();
    }

    [Benchmark(Baseline = true)]
    public SafetyVerdict? RulesOnlyOrdinaryQuestion() => rulesOnly.Assess(Ordinary, null);

    [Benchmark]
    public SafetyVerdict? ServedOrdinaryQuestion() => served.Assess(Ordinary, vector);

    [Benchmark]
    public SafetyVerdict? ServedIndirectSelfHarm() => served.Assess(Indirect, vector);

    [Benchmark]
    public SafetyVerdict? ServedKeywordHeavy2000Characters() => served.Assess(longMessage, vector);

    private static string FindExemplars()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "knowledge", "safety", "exemplars.jsonl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("knowledge/safety/exemplars.jsonl was not found above " + AppContext.BaseDirectory);
    }

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig()
        {
            AddColumn(StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}
