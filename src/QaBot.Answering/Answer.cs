using QaBot.Answering.Safety;

namespace QaBot.Answering;

/// <summary>
/// The platform-neutral reply to a question. Every answer, whatever its kind, carries the healthcare-provider
/// <see cref="Reminder"/>; adapters must show it.
/// </summary>
public sealed record Answer
{
    public required AnswerKind Kind { get; init; }

    /// <summary>For safety answers, why; otherwise null.</summary>
    public SafetyCategory? Category { get; init; }

    /// <summary>The reply text; for answered questions, sentences of the cited passages with <c>[n]</c> markers.</summary>
    public required string Text { get; init; }

    public IReadOnlyList<Citation> Citations { get; init; } = [];

    /// <summary>
    /// For emergency and self-harm replies, where to get help now, in the order to show them (emergency services first
    /// under an emergency, the crisis line first under self-harm); otherwise empty.
    /// </summary>
    public IReadOnlyList<CrisisContact> Contacts { get; init; } = [];

    /// <summary>For a safety reply to a message in another language, one line in that language telling the person to call their local emergency number; otherwise null.</summary>
    public string? LanguageNote { get; init; }

    /// <summary>The standing reminder to consult a healthcare provider.</summary>
    public required string Reminder { get; init; }

    /// <summary>
    /// For <see cref="AnswerKind.NoAnswer"/> replies where the knowledge is near the question but lacks what it asks:
    /// up to three sections the person may want to read instead. Not citations; empty otherwise.
    /// </summary>
    public IReadOnlyList<RelatedSection> Related { get; init; } = [];

    /// <summary>
    /// The question as answered after follow-up resolution ("is stem cell therapy for multiple sclerosis safe?" for
    /// "is it safe?"); null when the message was answered as written.
    /// </summary>
    public string? ResolvedQuestion { get; init; }

    /// <summary>On a <see cref="AnswerKind.Clarify"/> reply, the topics to choose from; empty otherwise.</summary>
    public IReadOnlyList<AnswerChoice> Choices { get; init; } = [];

    /// <summary>How sure the engine is that the best passage answers the question (0..1; 0 when not answered).</summary>
    public double Confidence { get; init; }
}
