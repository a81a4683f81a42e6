using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QaBot.Knowledge;
using QaBot.Knowledge.Embeddings;

namespace QaBot.Embeddings.Tests;

/// <summary>The whole knowledge base with the real model on the bundled knowledge (28 passages).</summary>
public sealed class HybridRetrievalTests(ModelFixture model) : IClassFixture<ModelFixture>, IDisposable
{
    private readonly string cache = Path.Combine(Path.GetTempPath(), "qabot-vectors-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(cache))
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    private KnowledgeBase Build() => new(
        Options.Create(new KnowledgeOptions { Paths = [Path.Combine(Repository.Root, "knowledge")] }),
        Options.Create(new EmbeddingOptions { CachePath = cache }),
        new FixedSource(model.Encoder),
        TimeProvider.System,
        NullLogger<KnowledgeBase>.Instance);

    [Theory]
    [InlineData("my sister just got diagnosed with lupus what even is it", "conditions/lupus#")]
    [InlineData("can ms pts get stem cells", "conditions/multiple-sclerosis#")]
    [InlineData("rhuematoid arthritis treatmnt", "conditions/rheumatoid-arthritis#")]
    [InlineData("where do the cells come from", "cell-types#where-do-the-stem-cells-used-in-therapy-come-from")]
    public void Search_ConsumerWording_FindsThePassageByMeaning(string question, string expectedPrefix)
    {
        using var knowledge = Build();
        var snapshot = knowledge.Current;

        var hits = snapshot.Search(snapshot.Plan(question), 3);

        Assert.StartsWith("on (", snapshot.Embeddings, StringComparison.Ordinal);
        Assert.StartsWith(expectedPrefix, hits[0].Passage.Id, StringComparison.Ordinal);
        Assert.NotNull(hits[0].DenseScore);
    }

    [Fact]
    public void Build_SecondTime_TakesEveryVectorFromTheDiskCache()
    {
        using (var first = Build())
        {
            Assert.Contains(" 0 from cache", first.Current.Embeddings, StringComparison.Ordinal);
        }

        using var second = Build();

        Assert.Contains(" 0 encoded", second.Current.Embeddings, StringComparison.Ordinal);
    }

    private sealed class FixedSource(ITextEncoder encoder) : ITextEncoderSource
    {
        public ITextEncoder? Encoder => encoder;

        public string? Unavailable => null;
    }
}
