using System.Runtime.InteropServices;

namespace QaBot.Knowledge.Embeddings;

/// <summary>
/// Passage vectors in one contiguous array of 8-bit integers (a quarter of the memory of floats), searched
/// exhaustively by cosine similarity (dot products of L2-normalised vectors, SIMD). Each dimension has its own scale
/// (its largest magnitude over the passages maps to 127), so the few large dimensions sentence models have do not cost
/// the others their precision; the question stays at 16-bit precision. Cosines come out within about 0.004 of the
/// float ones (mean error about 0.0004 on MedQuAD with Arctic Embed XS). Identical vectors (byte-identical passages)
/// are stored once and map to all their passages. Immutable and thread-safe.
/// </summary>
public sealed class DenseIndex
{
    /// <summary>The largest query magnitude after scaling maps to this (sums of 384 products stay far from overflow).</summary>
    private const int QueryRange = 16383;

    /// <summary>Vectors scored per kernel call.</summary>
    private const int ScoreBlock = 256;

    private readonly sbyte[] data;
    private readonly float[] dimensionScales;
    private readonly int[] vectorOfPassage;
    private readonly int[][] passagesOfVector;

    /// <summary>For a passage with alternate questions, the rows of their vectors (null when no passage has any).</summary>
    private readonly Dictionary<int, int[]>? alternateRowsOfPassage;

    /// <summary>Rows that belong to more than one passage or are alternate questions: a search may meet a passage twice.</summary>
    private readonly int alternateCount;

    public DenseIndex(IReadOnlyList<float[]> passageVectors, int dimensions)
        : this(passageVectors, dimensions, [])
    {
    }

    /// <param name="passageVectors">One vector per passage, in passage order.</param>
    /// <param name="dimensions">Length of every vector.</param>
    /// <param name="alternates">
    /// Extra vectors, each for one passage (its alternate questions): a passage's similarity to a question is the largest
    /// of its own vector's and its alternates'.
    /// </param>
    public DenseIndex(IReadOnlyList<float[]> passageVectors, int dimensions, IReadOnlyList<(int Passage, float[] Vector)> alternates)
    {
        ArgumentNullException.ThrowIfNull(alternates);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
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

        if (alternates.Count > 0)
        {
            var extra = new Dictionary<int, List<int>>();
            foreach (var (passage, vector) in alternates)
            {
                if ((uint)passage >= (uint)passageVectors.Count)
                {
                    throw new ArgumentException($"an alternate vector names passage {passage}, but there are {passageVectors.Count} passages", nameof(alternates));
                }

                if (vector.Length != dimensions)
                {
                    throw new ArgumentException($"an alternate vector of passage {passage} has {vector.Length} dimensions, expected {dimensions}", nameof(alternates));
                }

                if (!unique.TryGetValue(vector, out var row))
                {
                    row = rows.Count;
                    unique[vector] = row;
                    rows.Add(vector);
                    owners.Add([]);
                }

                if (row == vectorOfPassage[passage] || owners[row].Contains(passage))
                {
                    continue; // the same vector as one the passage has already
                }

                owners[row].Add(passage);
                if (!extra.TryGetValue(passage, out var list))
                {
                    extra[passage] = list = [];
                }

                list.Add(row);
                alternateCount++;
            }

            alternateRowsOfPassage = extra.ToDictionary(e => e.Key, e => e.Value.ToArray());
        }

        dimensionScales = new float[dimensions];
        foreach (var row in rows)
        {
            for (var d = 0; d < dimensions; d++)
            {
                dimensionScales[d] = Math.Max(dimensionScales[d], Math.Abs(row[d]));
            }
        }

        for (var d = 0; d < dimensions; d++)
        {
            dimensionScales[d] = dimensionScales[d] > 0 && float.IsFinite(dimensionScales[d]) ? dimensionScales[d] / 127f : 1f;
        }

        data = new sbyte[rows.Count * dimensions];
        for (var r = 0; r < rows.Count; r++)
        {
            var target = data.AsSpan(r * dimensions, dimensions);
            for (var d = 0; d < dimensions; d++)
            {
                target[d] = (sbyte)Math.Clamp(MathF.Round(rows[r][d] / dimensionScales[d]), -127, 127);
            }
        }

        passagesOfVector = owners.Select(o => o.ToArray()).ToArray();
    }

    public int Dimensions { get; }

    /// <summary>Distinct vectors stored.</summary>
    public int VectorCount => passagesOfVector.Length;

    public long SizeInBytes => data.LongLength + ((long)dimensionScales.Length * sizeof(float));

    /// <summary>Prepares a question vector (L2-normalised, <see cref="Dimensions"/> long) for this index.</summary>
    public DenseQuery Prepare(ReadOnlySpan<float> query)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"the query has {query.Length} dimensions, expected {Dimensions}", nameof(query));
        }

        Span<float> scaled = query.Length <= 1024 ? stackalloc float[query.Length] : new float[query.Length];
        var largest = 0f;
        for (var d = 0; d < query.Length; d++)
        {
            scaled[d] = float.IsFinite(query[d]) ? query[d] * dimensionScales[d] : 0f;
            largest = Math.Max(largest, Math.Abs(scaled[d]));
        }

        var values = new short[query.Length];
        if (largest == 0)
        {
            return new DenseQuery(values, 0f);
        }

        var step = largest / QueryRange;
        for (var d = 0; d < query.Length; d++)
        {
            values[d] = (short)MathF.Round(scaled[d] / step);
        }

        return new DenseQuery(values, step);
    }

    /// <summary>Alternate-question vectors stored with their passages.</summary>
    public int AlternateCount => alternateCount;

    /// <summary>Cosine similarity of a query with one passage (the best of its own vector and its alternate questions').</summary>
    public float Similarity(DenseQuery query, int passage)
    {
        var best = Int8Dot.Dot(query.Values, data.AsSpan(vectorOfPassage[passage] * Dimensions, Dimensions));
        if (alternateRowsOfPassage is not null && alternateRowsOfPassage.TryGetValue(passage, out var extra))
        {
            foreach (var row in extra)
            {
                best = Math.Max(best, Int8Dot.Dot(query.Values, data.AsSpan(row * Dimensions, Dimensions)));
            }
        }

        return query.Scale * best;
    }

    /// <summary>Cosine similarity of a query with one passage.</summary>
    public float Similarity(ReadOnlySpan<float> query, int passage) => Similarity(Prepare(query), passage);

    /// <summary>The <paramref name="top"/> passages most similar to the query, best first (passage ordinal, cosine).</summary>
    public List<(int Passage, float Score)> Search(ReadOnlySpan<float> query, int top) => Search(Prepare(query), top);

    /// <summary>The <paramref name="top"/> passages most similar to the query, best first (passage ordinal, cosine).</summary>
    public List<(int Passage, float Score)> Search(DenseQuery query, int top)
    {
        if (top <= 0)
        {
            return [];
        }

        // A passage with alternate questions can fill more than one of the best rows: look a little deeper.
        var rowsWanted = alternateCount == 0 ? top : top + Math.Min(alternateCount, top);
        var best = new PriorityQueue<int, int>(rowsWanted + 1);
        var rows = passagesOfVector.Length;
        var values = query.Values;
        var threshold = int.MinValue;
        Span<int> scores = stackalloc int[ScoreBlock];
        for (var first = 0; first < rows; first += ScoreBlock)
        {
            var block = scores[..Math.Min(ScoreBlock, rows - first)];
            Int8Dot.DotMany(values, data.AsSpan(first * Dimensions, block.Length * Dimensions), block);
            for (var i = 0; i < block.Length; i++)
            {
                var score = block[i];
                if (best.Count < rowsWanted)
                {
                    best.Enqueue(first + i, score);
                    if (best.Count == rowsWanted)
                    {
                        best.TryPeek(out _, out threshold);
                    }
                }
                else if (score > threshold)
                {
                    best.EnqueueDequeue(first + i, score);
                    best.TryPeek(out _, out threshold);
                }
            }
        }

        var result = new List<(int, float)>(top);
        while (best.TryDequeue(out var row, out var score))
        {
            foreach (var passage in passagesOfVector[row])
            {
                result.Add((passage, query.Scale * score));
            }
        }

        result.Sort((a, b) => b.Item2 != a.Item2 ? b.Item2.CompareTo(a.Item2) : a.Item1.CompareTo(b.Item1));
        if (alternateCount > 0)
        {
            // Best first, so the first time a passage appears is its best score (max over its vectors).
            var seen = new HashSet<int>();
            result.RemoveAll(r => !seen.Add(r.Item1));
        }

        if (result.Count > top)
        {
            result.RemoveRange(top, result.Count - top);
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
