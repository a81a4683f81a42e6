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

    [Fact]
    public async Task Reload_PassagesDeleted_TheirVectorsLeaveTheCacheFile()
    {
        var folder = new TempKnowledgeFolder();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                folder.Write($"topic{i}.md", TempKnowledgeFolder.Markdown($"Topic {i}", ($"What is topic {i}?", $"Topic {i} is a subject number {i}.")));
            }

            var encoder = new CountingEncoder();
            var embeddings = Microsoft.Extensions.Options.Options.Create(new EmbeddingOptions { CachePath = directory });
            using var knowledge = new KnowledgeBase(
                Microsoft.Extensions.Options.Options.Create(folder.Options()), embeddings, new Source(encoder), TimeProvider.System);
            Assert.Equal(4, knowledge.Current.Passages.Count);
            var file = Path.Combine(directory, encoder.ModelId + ".vectors");
            var fullSize = new FileInfo(file).Length;

            for (var i = 1; i < 4; i++)
            {
                folder.Delete($"topic{i}.md");
            }

            await knowledge.ReloadAsync(CancellationToken.None);

            Assert.Equal(1, new VectorCache(directory, encoder.ModelId, encoder.Dimensions).Count);
            Assert.Equal(fullSize / 4, new FileInfo(file).Length);
        }
        finally
        {
            folder.Dispose();
        }
    }

    [Fact]
    public void PruneUnused_FewStaleRecords_KeepsTheFileAsItIs()
    {
        var keys = Enumerable.Range(0, 8).Select(i => VectorCache.Key("m", A with { Text = "t" + i })).ToList();
        new VectorCache(directory, "m", 2).AddRange(keys.Select(k => (k, new[] { 1f, 2f })).ToList());
        var file = Path.Combine(directory, "m.vectors");
        var size = new FileInfo(file).Length;
        var reopened = new VectorCache(directory, "m", 2);
        foreach (var key in keys.Skip(1))
        {
            Assert.True(reopened.TryGet(key, out _));
        }

        Assert.Equal(1, reopened.PruneUnused());

        Assert.Equal(7, reopened.Count);
        Assert.Equal(size, new FileInfo(file).Length); // 1 of 8 stale: under a quarter, not worth a rewrite
    }

    private sealed class Source(ITextEncoder encoder) : ITextEncoderSource
    {
        public ITextEncoder? Encoder => encoder;

        public string? Unavailable => null;
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
