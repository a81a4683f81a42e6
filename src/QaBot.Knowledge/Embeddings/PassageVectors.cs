using System.Diagnostics;

namespace QaBot.Knowledge.Embeddings;

/// <summary>
/// Vectors for a list of passages, and one for each of their alternate questions (<see cref="Passage.AlsoAsked"/>):
/// from the cache where possible, otherwise encoded (in parallel) and cached. Each alternate question has its own
/// cache key, so editing a section's <c>Also asked:</c> line encodes only the questions that changed.
/// </summary>
public static class PassageVectors
{
    /// <param name="Vectors">One vector per passage, in passage order.</param>
    /// <param name="Encoded">Vectors encoded now (passages and alternate questions).</param>
    /// <param name="FromCache">Vectors read from the cache (passages and alternate questions).</param>
    public sealed record Result(float[][] Vectors, int Encoded, int FromCache, TimeSpan Elapsed)
    {
        /// <summary>One vector per alternate question, with the ordinal of its passage.</summary>
        public IReadOnlyList<(int Passage, float[] Vector)> Alternates { get; init; } = [];
    }

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

        var (alternates, alternatesEncoded, alternatesCached) = ComputeAlternates(passages, encoder, cache, parallelism, cancellationToken);
        return new Result(vectors, missing.Count + alternatesEncoded, passages.Count - missing.Count - duplicates.Count + alternatesCached, stopwatch.Elapsed)
        {
            Alternates = alternates,
        };
    }

    private static (List<(int Passage, float[] Vector)> Alternates, int Encoded, int FromCache) ComputeAlternates(
        IReadOnlyList<Passage> passages,
        ITextEncoder encoder,
        VectorCache cache,
        int parallelism,
        CancellationToken cancellationToken)
    {
        var items = new List<(int Passage, string Question, UInt128 Key)>();
        for (var i = 0; i < passages.Count; i++)
        {
            foreach (var question in passages[i].AlsoAsked)
            {
                items.Add((i, question, VectorCache.AlternateKey(encoder.ModelId, passages[i].Title, question)));
            }
        }

        if (items.Count == 0)
        {
            return ([], 0, 0);
        }

        var vectors = new float[items.Count][];
        var missing = new List<int>();
        var firstOfKey = new Dictionary<UInt128, int>();
        var duplicates = new List<(int Index, int Of)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (cache.TryGet(items[i].Key, out var cached))
            {
                vectors[i] = cached;
            }
            else if (firstOfKey.TryGetValue(items[i].Key, out var first))
            {
                duplicates.Add((i, first));
            }
            else
            {
                firstOfKey[items[i].Key] = i;
                missing.Add(i);
            }
        }

        // An alternate question is encoded as a passage whose heading is that question (document side of the model),
        // so that a user's question is compared with it as with the section's own heading.
        Parallel.ForEach(
            missing,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount, CancellationToken = cancellationToken },
            i => vectors[i] = encoder.EncodePassage(passages[items[i].Passage].Title, items[i].Question, ""));
        cache.AddRange(missing.Select(i => (items[i].Key, vectors[i])).ToList());
        foreach (var (index, of) in duplicates)
        {
            vectors[index] = vectors[of];
        }

        return (items.Select((item, i) => (item.Passage, vectors[i])).ToList(), missing.Count, items.Count - missing.Count - duplicates.Count);
    }
}
