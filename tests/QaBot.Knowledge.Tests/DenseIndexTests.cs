using QaBot.Knowledge.Embeddings;

namespace QaBot.Knowledge.Tests;

public sealed class DenseIndexTests
{
    private static float[] Unit(params float[] values)
    {
        var length = (float)Math.Sqrt(values.Sum(v => v * v));
        return values.Select(v => v / length).ToArray();
    }

    [Fact]
    public void Search_ReturnsTheMostSimilarFirstWithTheirCosines()
    {
        var index = new DenseIndex([Unit(1, 0, 0), Unit(0, 1, 0), Unit(1, 1, 0)], 3);

        var hits = index.Search(Unit(1, 0.1f, 0), 2);

        Assert.Equal([0, 2], hits.Select(h => h.Passage));
        Assert.Equal(Unit(1, 0.1f, 0)[0], hits[0].Score, tolerance: 0.005);
        Assert.Equal(Cosine(Unit(1, 0.1f, 0), Unit(1, 1, 0)), hits[1].Score, tolerance: 0.005);
    }

    [Fact]
    public void Search_ManyRealisticVectors_CosinesWithinQuantisationErrorAndTheSameBest()
    {
        // 384 dimensions like the model's, one of them much larger than the rest as in sentence models.
        var random = new Random(7);
        float[] Vector()
        {
            var v = Enumerable.Range(0, 384).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
            v[17] = 4f;
            return Unit(v);
        }

        var vectors = Enumerable.Range(0, 2000).Select(_ => Vector()).ToList();
        var index = new DenseIndex(vectors, 384);
        var query = vectors[1234].Select((x, i) => x + (float)(random.NextDouble() * 0.02)).ToArray();
        query = Unit(query);

        var hits = index.Search(query, 10);

        Assert.Equal(1234, hits[0].Passage);
        foreach (var (passage, score) in hits)
        {
            Assert.Equal(Cosine(query, vectors[passage]), score, tolerance: 0.004);
            Assert.Equal(score, index.Similarity(query, passage));
        }

        var exactOrder = Enumerable.Range(0, vectors.Count).OrderByDescending(i => Cosine(query, vectors[i])).Take(10);
        Assert.True(exactOrder.Intersect(hits.Select(h => h.Passage)).Count() >= 9);
    }

    [Fact]
    public void SizeInBytes_OneBytePerDimension()
    {
        var index = new DenseIndex(Enumerable.Range(0, 100).Select(i => Unit(i + 1, 1, 2, 3)).ToList(), 4);

        Assert.Equal((100 * 4) + (4 * sizeof(float)), index.SizeInBytes);
    }

    [Fact]
    public void Prepare_WrongDimensions_Throws() =>
        Assert.Throws<ArgumentException>(() => new DenseIndex([Unit(1, 0, 0)], 3).Prepare(new float[4]));

    private static float Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();

    [Fact]
    public void Search_IdenticalVectorsAreStoredOnceAndReturnAllTheirPassages()
    {
        var same = Unit(0, 0, 1);
        var index = new DenseIndex([Unit(1, 0, 0), same, (float[])same.Clone(), Unit(0, 1, 0)], 3);

        var hits = index.Search(same, 2);

        Assert.Equal(3, index.VectorCount);
        Assert.Equal([1, 2], hits.Select(h => h.Passage).Order());
    }

    [Fact]
    public void Constructor_WrongDimensions_Throws() =>
        Assert.Throws<ArgumentException>(() => new DenseIndex([new float[3], new float[4]], 3));
}
