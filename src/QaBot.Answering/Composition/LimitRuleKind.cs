namespace QaBot.Answering.Composition;

/// <summary>What a <see cref="LimitRule"/> does when its cue is in a question.</summary>
internal enum LimitRuleKind
{
    /// <summary>The question is about something else that shares words (plants, pets, MS Office): no answer.</summary>
    OffTopic,

    /// <summary>The question seeks a clinic: answered with the knowledge's unproven-clinic warning, when it has one.</summary>
    SeeksClinic,

    /// <summary>
    /// The question asks for something specific (a price, an insurer, a percentage): unless a passage near the question
    /// holds it, the reply says what is missing and lists related sections.
    /// </summary>
    AsksFor,
}
