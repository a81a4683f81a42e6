using BenchmarkDotNet.Attributes;
using QaBot.Answering.Safety;

namespace QaBot.Benchmarks;

/// <summary>
/// Safety triage runs before every answer: how long it takes on an ordinary question and on a 2,000-character
/// message full of rule keywords ("my", "should", "dose", ...), so that most rules run.
/// Run with <c>dotnet run -c Release --project benchmarks/QaBot.Benchmarks -- --filter *Safety*</c>.
/// </summary>
[MemoryDiagnoser]
public class SafetyBenchmarks
{
    private const string Ordinary = "Can stem cell therapy help rheumatoid arthritis, and how do the doctors decide who should get it?";

    private readonly SafetyTriage triage = new(SafetyRuleSet.Default);
    private readonly string longMessage = string.Concat(Enumerable.Repeat(Ordinary + " How do my doctors decide? ", 20))[..2000];

    [Benchmark(Baseline = true)]
    public SafetyVerdict? OrdinaryQuestion() => triage.Assess(Ordinary, null);

    [Benchmark]
    public SafetyVerdict? KeywordHeavy2000Characters() => triage.Assess(longMessage, null);
}
