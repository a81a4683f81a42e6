namespace QaBot.Knowledge.Embeddings;

/// <summary>Embeddings off: the knowledge base searches lexically.</summary>
public sealed class NoTextEncoder(string reason = "embeddings are disabled") : ITextEncoderSource
{
    public ITextEncoder? Encoder => null;

    public string? Unavailable => reason;
}
