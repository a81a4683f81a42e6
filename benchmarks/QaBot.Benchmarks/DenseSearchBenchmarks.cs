using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Cloud.Unum.USearch;
using QaBot.Knowledge.Embeddings;

namespace QaBot.Benchmarks;

/// <summary>
/// One question's dense search (top 50) over 164,230 distinct random 384-dimensional unit vectors, the size of
/// MedQuAD's scale variant if none of its passages were copies: exhaustive float cosine (what DenseIndex did before),
/// exhaustive 8-bit (what DenseIndex does now), and USearch's HNSW graph (approximate). Each setup prints its build
/// time, memory and recall against the exact float search.
/// Run: <c>dotnet run -c Release --project benchmarks/QaBot.Benchmarks -- --filter '*DenseSearch*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class DenseSearchBenchmarks : IDisposable
{
    private const int Vectors = 164_230;
    private const int Dimensions = 384;
    private const int Top = 50;
    private const int Questions = 64;

    private float[][] vectors = [];
    private float[][] questions = [];
    private float[] flat = [];
    private DenseIndex? int8;
    private USearchIndex? hnsw;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        vectors = new float[Vectors][];
        for (var i = 0; i < Vectors; i++)
        {
            vectors[i] = Unit(Enumerable.Range(0, Dimensions).Select(d => (float)(random.NextDouble() - 0.5) + (d == 17 ? 2f : 0f)).ToArray());
        }

        // Questions near a stored vector, so that there is a clear best answer as with real passages.
        questions = Enumerable.Range(0, Questions)
            .Select(_ => Unit(vectors[random.Next(Vectors)].Select(x => x + (float)((random.NextDouble() - 0.5) * 0.05)).ToArray()))
            .ToArray();
    }

    [GlobalSetup(Target = nameof(FloatExhaustive))]
    public void SetupFloat()
    {
        Setup();
        flat = new float[Vectors * Dimensions];
        for (var i = 0; i < Vectors; i++)
        {
            vectors[i].CopyTo(flat, i * Dimensions);
        }

        Console.WriteLine($"// float: {flat.LongLength * sizeof(float) / (1 << 20)} MiB");
    }

    [GlobalSetup(Target = nameof(Int8Exhaustive))]
    public void SetupInt8()
    {
        Setup();
        var stopwatch = Stopwatch.StartNew();
        int8 = new DenseIndex(vectors, Dimensions);
        Console.WriteLine($"// int8: built in {stopwatch.Elapsed.TotalSeconds:F1} s, {int8.SizeInBytes / (1 << 20)} MiB, recall@{Top} {Recall(q => int8.Search(q, Top).Select(h => h.Passage)):F3}");
    }

    [GlobalSetup(Target = nameof(UsearchHnsw))]
    public void SetupHnsw()
    {
        Setup();
        var before = Environment.WorkingSet;
        var stopwatch = Stopwatch.StartNew();
        hnsw = new USearchIndex(MetricKind.Ip, ScalarKind.Int8, Dimensions, connectivity: 16, expansionAdd: 128, expansionSearch: 128);
        for (var i = 0; i < Vectors; i++)
        {
            hnsw.Add((ulong)i, vectors[i]);
        }

        Console.WriteLine($"// usearch hnsw (int8, M=16, ef 128): built in {stopwatch.Elapsed.TotalSeconds:F1} s, about {(Environment.WorkingSet - before) / (1 << 20)} MiB more resident, recall@{Top} {Recall(q => Hnsw(q).Select(k => (int)k)):F3}");
    }

    [GlobalCleanup]
    public void Dispose()
    {
        hnsw?.Dispose();
        hnsw = null;
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public int FloatExhaustive() => FloatSearch(NextQuestion()).Count;

    [Benchmark]
    public int Int8Exhaustive() => int8!.Search(NextQuestion(), Top).Count;

    [Benchmark]
    public int UsearchHnsw() => Hnsw(NextQuestion()).Length;

    private float[] NextQuestion() => questions[next++ % questions.Length];

    private ulong[] Hnsw(float[] question)
    {
        hnsw!.Search(question, Top, out var keys, out _);
        return keys;
    }

    private List<int> FloatSearch(float[] question)
    {
        var best = new PriorityQueue<int, float>(Top + 1);
        for (var r = 0; r < Vectors; r++)
        {
            var score = Dot(question, flat.AsSpan(r * Dimensions, Dimensions));
            if (best.Count < Top)
            {
                best.Enqueue(r, score);
            }
            else if (best.TryPeek(out _, out var lowest) && score > lowest)
            {
                best.EnqueueDequeue(r, score);
            }
        }

        var result = new List<int>(Top);
        while (best.TryDequeue(out var row, out _))
        {
            result.Add(row);
        }

        return result;
    }

    private double Recall(Func<float[], IEnumerable<int>> search)
    {
        var found = 0;
        foreach (var question in questions.Take(16))
        {
            var exact = Enumerable.Range(0, Vectors).OrderByDescending(i => Dot(question, vectors[i])).Take(Top).ToHashSet();
            found += search(question).Count(exact.Contains);
        }

        return found / (16.0 * Top);
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (var i = 0; i < va.Length; i++)
        {
            sum += va[i] * vb[i];
        }

        return Vector.Sum(sum);
    }

    private static float[] Unit(float[] values)
    {
        var length = MathF.Sqrt(values.Sum(v => v * v));
        return values.Select(v => v / length).ToArray();
    }
}
