using Moq;
using QaBot.Bench;
using QaBot.Knowledge;
using QaBot.Knowledge.Embeddings;

namespace QaBot.Bench.Tests;

public sealed class QaBotHybridEngineTests
{
    private static readonly Passage[] Corpus =
    [
        new() { Id = "lupus", Title = "Lupus", Section = "Overview", Text = "Lupus is an autoimmune disease." },
        new() { Id = "ms", Title = "Multiple sclerosis", Section = "Overview", Text = "Multiple sclerosis affects the nerves." },
        new() { Id = "ra", Title = "Rheumatoid arthritis", Section = "Overview", Text = "Rheumatoid arthritis affects the joints." },
    ];

    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 30)]
    public void Build_ScaleCopies_StoredOnceUnlessDistinctCopiesAsked(bool distinctCopies, int expectedVectors)
    {
        using var engine = new QaBotHybridEngine([], Encoder().Object, cachePath: null, distinctCopies: distinctCopies);

        engine.Build(BenchRunner.Scale(Corpus), CancellationToken.None);

        Assert.Equal(expectedVectors, engine.Dense!.VectorCount);
        Assert.StartsWith("ms", engine.Search("multiple sclerosis nerves", 10)[0], StringComparison.Ordinal); // a copy may win by its moved vector
    }

    /// <summary>A stand-in encoder: one axis per topic word, so the right passage is the most similar.</summary>
    private static Mock<ITextEncoder> Encoder()
    {
        static float[] Vector(string text)
        {
            var v = new float[8];
            v[0] = text.Contains("upus", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            v[1] = text.Contains("sclerosis", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            v[2] = text.Contains("arthritis", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            v[7] = 0.1f;
            var length = MathF.Sqrt(v.Sum(x => x * x));
            return v.Select(x => x / length).ToArray();
        }

        var encoder = new Mock<ITextEncoder>();
        encoder.SetupGet(e => e.ModelId).Returns("test-axes");
        encoder.SetupGet(e => e.Dimensions).Returns(8);
        encoder.Setup(e => e.EncodeQuery(It.IsAny<string>())).Returns((string text) => Vector(text));
        encoder.Setup(e => e.EncodePassage(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>()))
            .Returns((string title, string section, string text) => Vector(title + " " + text));
        return encoder;
    }
}
