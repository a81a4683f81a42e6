namespace QaBot.Knowledge.Embeddings;

/// <summary>
/// A question vector prepared for one <see cref="DenseIndex"/>: multiplied by the index's per-dimension scales and
/// rounded to 16-bit integers (a relative error of about 1/30,000), so each passage costs an integer dot product.
/// </summary>
public sealed class DenseQuery
{
    internal DenseQuery(short[] values, float scale)
    {
        Values = values;
        Scale = scale;
    }

    internal short[] Values { get; }

    /// <summary>Turns an integer dot product back into a cosine similarity.</summary>
    internal float Scale { get; }
}
