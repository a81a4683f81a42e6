namespace QaBot.Embeddings.Tests;

/// <summary>The real Arctic Embed XS model, loaded once for the test class (about a second).</summary>
public sealed class ModelFixture : IDisposable
{
    public ModelFixture()
    {
        Assert.True(ArcticXsEncoder.TryCreate(out var encoder, out var error), error);
        Encoder = encoder;
    }

    public ArcticXsEncoder Encoder { get; }

    public void Dispose() => Encoder.Dispose();
}
