using System.Numerics;
using System.Runtime.InteropServices;

namespace QaBot.Knowledge.Embeddings;

/// <summary>
/// Passage vectors in one contiguous array, searched by exact cosine similarity (dot products of L2-normalised
/// vectors, SIMD). Identical vectors (byte-identical passages) are stored once and map to all their passages.
/// Immutable and thread-safe.
/// </summary>
public sealed class DenseIndex
{
    private readonly float[] data;
    private readonly int[] vectorOfPassage;
    private readonly int[][] passagesOfVector;

    public DenseIndex(IReadOnlyList<float[]> passageVectors, int dimensions)
    {
        Dimensions = dimensions;
        vectorOfPassage = new int[passageVectors.Count];
        var unique = new Dictionary<float[], int>(VectorComparer.Instance);
        var owners = new List<List<int>>();
        var rows = new List<float[]>();
        for (var i = 0; i < passageVectors.Count; i++)
        {
            var vector = passageVectors[i];
            if (vector.Length != dimensions)
            {
                throw new ArgumentException($"vector {i} has {vector.Length} dimensions, expected {dimensions}", nameof(passageVectors));
            }

            if (!unique.TryGetValue(vector, out var row))
            {
                row = rows.Count;
                unique[vector] = row;
                rows.Add(vector);
                owners.Add([]);
            }

            vectorOfPassage[i] = row;
            owners[row].Add(i);
        }

        data = new float[rows.Count * dimensions];
        for (var r = 0; r < rows.Count; r++)
        {
            rows[r].CopyTo(data, r * dimensions);
        }

        passagesOfVector = owners.Select(o => o.ToArray()).ToArray();
    }

    public int Dimensions { get; }

    /// <summary>Distinct vectors stored.</summary>
    public int VectorCount => passagesOfVector.Length;

    public long SizeInBytes => (long)data.Length * sizeof(float);

    /// <summary>Cosine similarity of a query with one passage.</summary>
    public float Similarity(ReadOnlySpan<float> query, int passage) =>
        Dot(query, data.AsSpan(vectorOfPassage[passage] * Dimensions, Dimensions));

    /// <summary>The <paramref name="top"/> passages most similar to the query, best first (passage ordinal, cosine).</summary>
    public List<(int Passage, float Score)> Search(ReadOnlySpan<float> query, int top)
    {
        var best = new PriorityQueue<int, float>(top + 1);
        var rows = passagesOfVector.Length;
        var rowsWanted = top;
        for (var r = 0; r < rows; r++)
        {
            var score = Dot(query, data.AsSpan(r * Dimensions, Dimensions));
            if (best.Count < rowsWanted)
            {
                best.Enqueue(r, score);
            }
            else if (best.TryPeek(out _, out var lowest) && score > lowest)
            {
                best.EnqueueDequeue(r, score);
            }
        }

        var result = new List<(int, float)>(top);
        while (best.TryDequeue(out var row, out var score))
        {
            foreach (var passage in passagesOfVector[row])
            {
                result.Add((passage, score));
            }
        }

        result.Sort((a, b) => b.Item2 != a.Item2 ? b.Item2.CompareTo(a.Item2) : a.Item1.CompareTo(b.Item1));
        if (result.Count > top)
        {
            result.RemoveRange(top, result.Count - top);
        }

        return result;
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

        var result = Vector.Sum(sum);
        for (var i = va.Length * Vector<float>.Count; i < a.Length; i++)
        {
            result += a[i] * b[i];
        }

        return result;
    }

    private sealed class VectorComparer : IEqualityComparer<float[]>
    {
        public static readonly VectorComparer Instance = new();

        public bool Equals(float[]? x, float[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(float[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(obj.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
