namespace QaBot.Knowledge.Embeddings;

/// <summary>
/// Supplies the sentence encoder when embeddings are on and the model loaded; otherwise says why not. The knowledge
/// base then answers lexically.
/// </summary>
public interface ITextEncoderSource
{
    /// <summary>The encoder, or null when embeddings are off or the model could not be loaded.</summary>
    ITextEncoder? Encoder { get; }

    /// <summary>Why <see cref="Encoder"/> is null ("disabled in configuration", or the load error).</summary>
    string? Unavailable { get; }
}
