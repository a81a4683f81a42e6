using QaBot.Knowledge.Embeddings;

namespace QaBot.Answering.Tests;

/// <summary>
/// A tiny deterministic stand-in for the embedding model: each lower-cased word adds 1 to one of 256 dimensions, then
/// the vector is normalised. Texts sharing words are similar, which is all the decision rules need.
/// </summary>
internal sealed class WordHashEncoder : ITextEncoder
{
    public string ModelId => "word-hash-256";

    public int Dimensions => 256;

    public float[] EncodeQuery(string text) => Encode(text);

    public float[] EncodePassage(string title, string section, string text) => Encode(title + " " + section + " " + text);

    public void Dispose()
    {
    }

    private float[] Encode(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split([' ', '?', '.', ',', '!', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var hash = 2166136261u; // FNV-1a: the same dimensions in every run
            foreach (var c in word)
            {
                hash = (hash ^ c) * 16777619u;
            }

            vector[(int)(hash % (uint)Dimensions)] += 1;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? vector : vector.Select(v => v / norm).ToArray();
    }
}
