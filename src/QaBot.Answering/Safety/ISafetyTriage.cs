namespace QaBot.Answering.Safety;

/// <summary>Looks at a message before any search and decides whether it needs a safety reply.</summary>
public interface ISafetyTriage
{
    /// <summary>
    /// Returns the verdict for a message that must get a safety reply, or null for an ordinary question.
    /// Emergencies and self-harm win over personal advice and dosing when several rules match.
    /// </summary>
    SafetyVerdict? Assess(string message);
}
