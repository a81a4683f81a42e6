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
    public void Search_ReturnsTheMostSimilarFirstWithExactCosines()
    {
        var index = new DenseIndex([Unit(1, 0, 0), Unit(0, 1, 0), Unit(1, 1, 0)], 3);

        var hits = index.Search(Unit(1, 0.1f, 0), 2);

        Assert.Equal([0, 2], hits.Select(h => h.Passage));
        Assert.Equal(Unit(1, 0.1f, 0)[0], hits[0].Score, precision: 5);
    }

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
