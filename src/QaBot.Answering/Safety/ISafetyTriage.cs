namespace QaBot.Answering.Safety;

/// <summary>Looks at a message before any search and decides whether it needs a safety reply.</summary>
public interface ISafetyTriage
{
    /// <summary>
    /// Returns the verdict for a message that must get a safety reply, or null for an ordinary question.
    /// Emergencies and self-harm win over personal advice and dosing when several rules match.
    /// </summary>
    /// <param name="message">The cleaned message (<see cref="TextCleaner.Clean"/>), at most a bounded prefix of it.</param>
    /// <param name="questionVector">
    /// The question's sentence vector (<c>ITextEncoder.EncodeQuery(TextCleaner.Clean(raw))</c>, L2-normalised), the same
    /// vector retrieval uses; null when embeddings are off or unavailable.
    /// </param>
    SafetyVerdict? Assess(string message, float[]? questionVector);
}
