using QaBot.Embeddings;

namespace QaBot.Answering.Tests.Safety;

/// <summary>The real Arctic Embed XS model, loaded once for the classifier tests (about a second).</summary>
public sealed class ExemplarModel : IDisposable
{
    public ExemplarModel()
    {
        Assert.True(ArcticXsEncoder.TryCreate(out var encoder, out var error), error);
        Encoder = encoder;
    }

    public ArcticXsEncoder Encoder { get; }

    public void Dispose() => Encoder.Dispose();
}
