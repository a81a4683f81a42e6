using System.Buffers;

namespace QaBot.Answering.Safety;

/// <summary>
/// A second safety classifier that needs no encoder: multinomial logistic regression on hashed character n-grams
/// (3 to 5 characters, across word boundaries) and word unigrams and bigrams of the normalised message
/// (<see cref="SafetyTextNormalizer"/>). Character n-grams survive typos ("sucidal", "cant breath"), slang and the
/// shared stems of Spanish, French, German, Portuguese and Italian ("morir", "mourir", "morrer"), which the English
/// sentence encoder does not. Trained from the same labelled examples as the k-NN classifier, in well under a second,
/// deterministically (fixed order and seed). Immutable and thread-safe once built; scoring a message is one pass over
/// its characters.
/// </summary>
public sealed class SafetyTextModel
{
    /// <summary>The classes: the four safety categories in enum order, then ordinary.</summary>
    public const int Classes = 5;

    private const int Ordinary = 4;
    private const int Bits = 18;
    private const int Buckets = 1 << Bits;
    private const int MinGram = 3;
    private const int MaxGram = 5;
    private const uint WordSeed = 0x9E3779B9;
    private const uint PairSeed = 0x85EBCA6B;

    private readonly float[] weights; // Buckets x Classes, row-major by bucket
    private readonly float[] bias;

    private SafetyTextModel(float[] weights, float[] bias)
    {
        this.weights = weights;
        this.bias = bias;
    }

    /// <summary>The number of examples the model was trained on.</summary>
    public int Count { get; private init; }

    /// <summary>Trains the model on the examples (their questions are normalised here).</summary>
    /// <param name="exemplars">Labelled examples; a category of null is ordinary.</param>
    /// <param name="epochs">Passes over the examples (default 12).</param>
    /// <param name="l2">L2 regularisation per update of a touched weight (default 1e-5).</param>
    public static SafetyTextModel Train(IReadOnlyList<SafetyExemplar> exemplars, int epochs = 12, float l2 = 1e-5f)
    {
        ArgumentNullException.ThrowIfNull(exemplars);
        var features = new int[exemplars.Count][];
        var labels = new int[exemplars.Count];
        var buffer = new List<int>(512);
        for (var i = 0; i < exemplars.Count; i++)
        {
            buffer.Clear();
            AddFeatures(SafetyTextNormalizer.Normalize(exemplars[i].Question), buffer);
            features[i] = [.. buffer];
            labels[i] = exemplars[i].Category is { } c ? (int)c : Ordinary;
        }

        var model = new SafetyTextModel(new float[Buckets * Classes], new float[Classes]) { Count = exemplars.Count };
        var order = Enumerable.Range(0, exemplars.Count).ToArray();
        var random = new Random(20261208);
        Span<float> p = stackalloc float[Classes];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = 0.8f / (1f + (0.25f * epoch));
            foreach (var i in order)
            {
                var x = features[i];
                if (x.Length == 0)
                {
                    continue;
                }

                var value = 1f / MathF.Sqrt(x.Length);
                model.Probabilities(x, value, p);
                for (var k = 0; k < Classes; k++)
                {
                    var g = p[k] - (k == labels[i] ? 1f : 0f);
                    model.bias[k] -= rate * g * 0.1f;
                    var step = rate * g * value;
                    foreach (var f in x)
                    {
                        ref var w = ref model.weights[(f * Classes) + k];
                        w -= step + (rate * l2 * w);
                    }
                }
            }
        }

        return model;
    }

    /// <summary>The probability of each class (safety categories in enum order, then ordinary) for a normalised message.</summary>
    public void Probabilities(string normalised, Span<float> probabilities)
    {
        if (probabilities.Length < Classes)
        {
            throw new ArgumentException("room for five probabilities is needed", nameof(probabilities));
        }

        var buffer = ArrayPool<int>.Shared.Rent(FeatureCount(normalised.Length));
        try
        {
            var n = AddFeatures(normalised, buffer);
            if (n == 0)
            {
                probabilities[..Classes].Clear();
                probabilities[Ordinary] = 1f;
                return;
            }

            Probabilities(buffer.AsSpan(0, n), 1f / MathF.Sqrt(n), probabilities);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    private void Probabilities(ReadOnlySpan<int> features, float value, Span<float> p)
    {
        for (var k = 0; k < Classes; k++)
        {
            p[k] = bias[k];
        }

        foreach (var f in features)
        {
            var row = weights.AsSpan(f * Classes, Classes);
            for (var k = 0; k < Classes; k++)
            {
                p[k] += row[k] * value;
            }
        }

        var max = p[0];
        for (var k = 1; k < Classes; k++)
        {
            max = MathF.Max(max, p[k]);
        }

        var sum = 0f;
        for (var k = 0; k < Classes; k++)
        {
            p[k] = MathF.Exp(p[k] - max);
            sum += p[k];
        }

        for (var k = 0; k < Classes; k++)
        {
            p[k] /= sum;
        }
    }

    /// <summary>An upper bound of the features of a normalised message of <paramref name="length"/> characters.</summary>
    internal static int FeatureCount(int length) => ((length + 2) * (MaxGram - MinGram + 1)) + (2 * (length + 1)) + 4;

    private static void AddFeatures(string text, List<int> features)
    {
        var buffer = ArrayPool<int>.Shared.Rent(FeatureCount(text.Length));
        try
        {
            var n = AddFeatures(text, buffer);
            for (var i = 0; i < n; i++)
            {
                features.Add(buffer[i]);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes the hashed features of a normalised message; returns how many.</summary>
    private static int AddFeatures(string text, int[] features)
    {
        var n = 0;
        if (text.Length == 0)
        {
            return 0;
        }

        // Character n-grams of " text ", so that word starts and ends are features of their own.
        var padded = text.Length + 2;
        for (var start = 0; start < padded; start++)
        {
            var hash = 2166136261u;
            for (var length = 1; length <= MaxGram && start + length <= padded; length++)
            {
                var i = start + length - 1;
                var c = i == 0 || i == padded - 1 ? ' ' : text[i - 1];
                hash = (hash ^ c) * 16777619u;
                if (length >= MinGram)
                {
                    features[n++] = Bucket(hash + (uint)length);
                }
            }
        }

        // Words and word pairs.
        var previous = 0u;
        var havePrevious = false;
        foreach (var range in text.AsSpan().Split(' '))
        {
            var word = text.AsSpan(range);
            if (word.IsEmpty)
            {
                continue;
            }

            var hash = 2166136261u;
            foreach (var c in word)
            {
                hash = (hash ^ c) * 16777619u;
            }

            features[n++] = Bucket(hash ^ WordSeed);
            if (havePrevious)
            {
                features[n++] = Bucket((previous * 31) ^ hash ^ PairSeed);
            }

            previous = hash;
            havePrevious = true;
        }

        return n;
    }

    private static int Bucket(uint hash)
    {
        hash ^= hash >> 15;
        hash *= 0x2C1B3C6D;
        hash ^= hash >> 12;
        return (int)(hash & (Buckets - 1));
    }
}
