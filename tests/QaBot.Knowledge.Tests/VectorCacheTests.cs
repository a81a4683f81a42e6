using QaBot.Knowledge.Embeddings;

namespace QaBot.Knowledge.Tests;

public sealed class VectorCacheTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "qabot-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static readonly Passage A = new() { Id = "a", Title = "T", Section = "S", Text = "one" };

    [Fact]
    public void AddRange_ThenNewCache_ReadsTheVectorsBack()
    {
        var key = VectorCache.Key("model-1", A);
        new VectorCache(directory, "model-1", 3).AddRange([(key, [1f, 2f, 3f])]);

        var reopened = new VectorCache(directory, "model-1", 3);

        Assert.True(reopened.TryGet(key, out var vector));
        Assert.Equal([1f, 2f, 3f], vector);
    }

    [Fact]
    public void Key_DependsOnModelAndTextButNotOnId()
    {
        Assert.Equal(VectorCache.Key("m", A), VectorCache.Key("m", A with { Id = "other" }));
        Assert.NotEqual(VectorCache.Key("m", A), VectorCache.Key("m2", A));
        Assert.NotEqual(VectorCache.Key("m", A), VectorCache.Key("m", A with { Text = "two" }));
    }

    [Fact]
    public void Load_TornLastRecord_IsIgnored()
    {
        var key = VectorCache.Key("m", A);
        new VectorCache(directory, "m", 2).AddRange([(key, [1f, 2f])]);
        File.AppendAllText(Path.Combine(directory, "m.vectors"), "partial");

        var reopened = new VectorCache(directory, "m", 2);

        Assert.Equal(1, reopened.Count);
    }

    [Fact]
    public void Compute_EncodesOnlyWhatIsMissingAndIdenticalPassagesOnce()
    {
        var encoder = new CountingEncoder();
        var cache = new VectorCache(directory, encoder.ModelId, encoder.Dimensions);
        Passage[] passages = [A, A with { Id = "a-copy" }, A with { Id = "b", Text = "two" }];

        var first = PassageVectors.Compute(passages, encoder, cache, 2, CancellationToken.None);
        var second = PassageVectors.Compute(passages, encoder, new VectorCache(directory, encoder.ModelId, encoder.Dimensions), 2, CancellationToken.None);

        Assert.Equal(2, first.Encoded);
        Assert.Equal(0, second.Encoded);
        Assert.Equal(3, second.FromCache);
        Assert.Equal(2, encoder.Calls);
        Assert.Equal(first.Vectors.Select(v => v.ToArray()), second.Vectors.Select(v => v.ToArray()));
    }

    private sealed class CountingEncoder : ITextEncoder
    {
        private int calls;

        public int Calls => calls;

        public string ModelId => "counting";

        public int Dimensions => 2;

        public float[] EncodeQuery(string text) => [1, 0];

        public float[] EncodePassage(string title, string section, string text)
        {
            Interlocked.Increment(ref calls);
            return [text.Length, 1];
        }

        public void Dispose()
        {
        }
    }
}
