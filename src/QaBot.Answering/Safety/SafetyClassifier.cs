using System.Numerics;

namespace QaBot.Answering.Safety;

/// <summary>
/// Nearest examples on the question's sentence embedding: for each category (the four safety categories and
/// "ordinary") the mean cosine of its <c>k</c> most similar examples. The best safety category routes the message
/// when that mean is at least the minimum similarity and beats the ordinary examples' mean by the margin.
/// Immutable and thread-safe; one dot product per example (about 0.1 ms for 1,000 examples of 384 dimensions).
/// </summary>
public sealed class SafetyClassifier
{
    private const int Classes = 5; // four safety categories, then ordinary
    private const int Ordinary = 4;

    private readonly float[][] vectors;
    private readonly int[] labels;
    private readonly string[] ids;
    private readonly int neighbours;
    private readonly float minSimilarity;
    private readonly float margin;

    /// <param name="exemplars">The examples with their L2-normalised query vectors (all of one length).</param>
    public SafetyClassifier(IReadOnlyList<(SafetyExemplar Exemplar, float[] Vector)> exemplars, int neighbours, double minSimilarity, double margin)
    {
        ArgumentNullException.ThrowIfNull(exemplars);
        ArgumentOutOfRangeException.ThrowIfLessThan(neighbours, 1);
        vectors = [.. exemplars.Select(e => e.Vector)];
        labels = [.. exemplars.Select(e => e.Exemplar.Category is { } c ? (int)c : Ordinary)];
        ids = [.. exemplars.Select(e => e.Exemplar.Id)];
        Dimensions = vectors.Length == 0 ? 0 : vectors[0].Length;
        if (vectors.Any(v => v.Length != Dimensions))
        {
            throw new ArgumentException("every exemplar vector must have the same length", nameof(exemplars));
        }

        this.neighbours = neighbours;
        this.minSimilarity = (float)minSimilarity;
        this.margin = (float)margin;
    }

    public int Count => vectors.Length;

    public int Dimensions { get; }

    /// <summary>The examples per category (safety categories in enum order, then ordinary).</summary>
    public IReadOnlyList<int> CountsPerClass => [.. Enumerable.Range(0, Classes).Select(c => labels.Count(l => l == c))];

    /// <summary>The routed category and the id of its most similar example, or null when the message looks ordinary.</summary>
    public (SafetyCategory Category, string ExemplarId)? Classify(ReadOnlySpan<float> question)
    {
        if (question.Length != Dimensions || vectors.Length == 0)
        {
            return null;
        }

        var scores = Scores(question, out var nearest);
        var best = -1;
        for (var c = 0; c < Ordinary; c++)
        {
            if (!float.IsNaN(scores[c]) && (best < 0 || scores[c] > scores[best]))
            {
                best = c;
            }
        }

        if (best < 0 || scores[best] < minSimilarity)
        {
            return null;
        }

        var ordinary = float.IsNaN(scores[Ordinary]) ? -1f : scores[Ordinary];
        return scores[best] - ordinary >= margin ? ((SafetyCategory)best, ids[nearest[best]]) : null;
    }

    /// <summary>
    /// How much closer the message is to its nearest safety category than to the ordinary examples (the best safety
    /// mean minus the ordinary mean); NaN when it cannot be told (wrong length, a class without examples).
    /// </summary>
    public float Lean(ReadOnlySpan<float> question)
    {
        if (question.Length != Dimensions || vectors.Length == 0)
        {
            return float.NaN;
        }

        var scores = Scores(question, out _);
        var best = float.NaN;
        for (var c = 0; c < Ordinary; c++)
        {
            if (!float.IsNaN(scores[c]) && (float.IsNaN(best) || scores[c] > best))
            {
                best = scores[c];
            }
        }

        return best - scores[Ordinary];
    }

    /// <summary>The mean cosine of each class's k nearest examples (NaN for a class without examples).</summary>
    internal float[] Scores(ReadOnlySpan<float> question, out int[] nearest)
    {
        // Per class, the k best similarities kept in a small sorted array (descending).
        var top = new float[Classes * neighbours];
        var filled = new int[Classes];
        nearest = new int[Classes];
        for (var i = 0; i < vectors.Length; i++)
        {
            var similarity = Dot(question, vectors[i]);
            var c = labels[i];
            var slot = c * neighbours;
            var n = filled[c];
            if (n == 0 || similarity > top[slot])
            {
                nearest[c] = i;
            }

            if (n < neighbours)
            {
                filled[c] = ++n;
            }
            else if (similarity <= top[slot + n - 1])
            {
                continue;
            }

            var j = n - 1;
            while (j > 0 && top[slot + j - 1] < similarity)
            {
                top[slot + j] = top[slot + j - 1];
                j--;
            }

            top[slot + j] = similarity;
        }

        var scores = new float[Classes];
        for (var c = 0; c < Classes; c++)
        {
            if (filled[c] == 0)
            {
                scores[c] = float.NaN;
                continue;
            }

            var sum = 0f;
            for (var j = 0; j < filled[c]; j++)
            {
                sum += top[(c * neighbours) + j];
            }

            scores[c] = sum / filled[c];
        }

        return scores;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var result = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            result += a[i] * b[i];
        }

        return result;
    }
}
