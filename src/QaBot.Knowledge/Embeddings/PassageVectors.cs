using System.Diagnostics;

namespace QaBot.Knowledge.Embeddings;

/// <summary>Vectors for a list of passages: from the cache where possible, otherwise encoded (in parallel) and cached.</summary>
public static class PassageVectors
{
    public sealed record Result(float[][] Vectors, int Encoded, int FromCache, TimeSpan Elapsed);

    public static Result Compute(
        IReadOnlyList<Passage> passages,
        ITextEncoder encoder,
        VectorCache cache,
        int parallelism,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var vectors = new float[passages.Count][];
        var keys = new UInt128[passages.Count];
        var missing = new List<int>();
        var firstOfKey = new Dictionary<UInt128, int>();
        var duplicates = new List<(int Index, int Of)>();
        for (var i = 0; i < passages.Count; i++)
        {
            keys[i] = VectorCache.Key(encoder.ModelId, passages[i]);
            if (cache.TryGet(keys[i], out var cached))
            {
                vectors[i] = cached;
            }
            else if (firstOfKey.TryGetValue(keys[i], out var first))
            {
                duplicates.Add((i, first)); // the same passage text again: encode once
            }
            else
            {
                firstOfKey[keys[i]] = i;
                missing.Add(i);
            }
        }

        const int BatchSize = 256;
        for (var start = 0; start < missing.Count; start += BatchSize)
        {
            var batch = missing.Skip(start).Take(BatchSize).ToArray();
            Parallel.ForEach(
                batch,
                new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount, CancellationToken = cancellationToken },
                i => vectors[i] = encoder.EncodePassage(passages[i].Title, passages[i].Section, passages[i].Text));
            cache.AddRange(batch.Select(i => (keys[i], vectors[i])).ToList());
        }

        foreach (var (index, of) in duplicates)
        {
            vectors[index] = vectors[of];
        }

        return new Result(vectors, missing.Count, passages.Count - missing.Count - duplicates.Count, stopwatch.Elapsed);
    }
}
