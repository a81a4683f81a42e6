using System.Diagnostics;
using System.Text.Json.Serialization;
using QaBot.Knowledge;

namespace QaBot.Bench;

/// <summary>One benchmark result line, as <c>BENCHMARK.md</c> defines it.</summary>
public sealed record BenchResult
{
    [JsonPropertyName("engine")] public required string Engine { get; init; }
    [JsonPropertyName("variant")] public required string Variant { get; init; }
    [JsonPropertyName("docs")] public int Docs { get; init; }
    [JsonPropertyName("queries")] public int Queries { get; init; }
    [JsonPropertyName("index_s")] public double IndexSeconds { get; init; }
    [JsonPropertyName("qps")] public double Qps { get; init; }
    [JsonPropertyName("p50_ms")] public double? P50Ms { get; init; }
    [JsonPropertyName("p99_ms")] public double? P99Ms { get; init; }
    [JsonPropertyName("rss_mb")] public double? RssMb { get; init; }
    [JsonPropertyName("r1")] public double? R1 { get; init; }
    [JsonPropertyName("r5")] public double? R5 { get; init; }
    [JsonPropertyName("r10")] public double? R10 { get; init; }
    [JsonPropertyName("mrr10")] public double? Mrr10 { get; init; }
}

/// <summary>A benchmark question: text and relevant ids.</summary>
public sealed record BenchQuestion(string Id, string Question, IReadOnlyList<string> Relevant);

/// <summary>
/// The protocol of <c>BENCHMARK.md</c>: index all passages (timed until a searcher is ready), run the first 500
/// questions untimed as warm-up, then every question in file order, single-threaded, top 10.
/// </summary>
public static class BenchRunner
{
    public const int WarmupQuestions = 500;

    /// <summary>The scale variant: the corpus 10 times, copy k &gt; 0 with ids suffixed <c>#k</c>.</summary>
    public static IReadOnlyList<Passage> Scale(IReadOnlyList<Passage> passages, int copies = 10)
    {
        var result = new List<Passage>(passages.Count * copies);
        result.AddRange(passages);
        for (var k = 1; k < copies; k++)
        {
            foreach (var passage in passages)
            {
                result.Add(passage with { Id = $"{passage.Id}#{k}" });
            }
        }

        return result;
    }

    public static BenchResult Run(IBenchEngine engine, string variant, IReadOnlyList<Passage> passages, IReadOnlyList<BenchQuestion> questions, CancellationToken cancellationToken, TextWriter? details = null)
    {
        var build = Stopwatch.StartNew();
        engine.Build(passages, cancellationToken);
        build.Stop();

        foreach (var question in questions.Take(WarmupQuestions))
        {
            engine.Search(question.Question, 10);
        }

        var latencies = new double[questions.Count];
        int hit1 = 0, hit5 = 0, hit10 = 0;
        double reciprocal = 0;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < questions.Count; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var started = Stopwatch.GetTimestamp();
            var ids = engine.Search(questions[i].Question, 10);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var rank = Measure.FirstRelevantRank(ids, questions[i].Relevant);
            details?.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { engine = engine.Name, id = questions[i].Id, rank, top = ids.Take(3) }));
            hit1 += rank == 1 ? 1 : 0;
            hit5 += rank is >= 1 and <= 5 ? 1 : 0;
            hit10 += rank >= 1 ? 1 : 0;
            reciprocal += rank > 0 ? 1.0 / rank : 0;
        }

        wall.Stop();
        var quality = variant == "base" && questions.Count > 0;
        double? Share(double part) => quality ? Math.Round(part / questions.Count, 4) : null;
        return new BenchResult
        {
            Engine = engine.Name,
            Variant = variant,
            Docs = passages.Count,
            Queries = questions.Count,
            IndexSeconds = Math.Round(build.Elapsed.TotalSeconds, 3),
            Qps = Math.Round(questions.Count / wall.Elapsed.TotalSeconds, 1),
            P50Ms = Measure.Round(Measure.Percentile(latencies, 50), 3),
            P99Ms = Measure.Round(Measure.Percentile(latencies, 99), 3),
            RssMb = Measure.PeakRssMb(),
            R1 = Share(hit1),
            R5 = Share(hit5),
            R10 = Share(hit10),
            Mrr10 = Share(reciprocal),
        };
    }
}
