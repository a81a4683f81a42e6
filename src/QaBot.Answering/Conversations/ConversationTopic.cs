namespace QaBot.Answering.Conversations;

/// <summary>The topic of a turn: a subject (a treatment, trials, clinics...), a condition, or both.</summary>
internal sealed record ConversationTopic(TopicSubject? Subject, TopicCondition? Condition)
{
    public bool IsEmpty => Subject is null && Condition is null;

    /// <summary>The words put into a resolved question ("stem cell therapy for multiple sclerosis").</summary>
    public string Phrase => Condition is { } c
        ? TopicTerms.SubjectPhrase(Subject ?? TopicSubject.StemCellTherapy) + " for " + TopicTerms.ConditionPhrase(c)
        : TopicTerms.SubjectPhrase(Subject ?? TopicSubject.StemCellTherapy);

    /// <summary>The words shown to the person ("stem cell therapy for MS").</summary>
    public string Label => Condition is { } c
        ? TopicTerms.SubjectPhrase(Subject ?? TopicSubject.StemCellTherapy) + " for " + TopicTerms.ConditionLabel(c)
        : TopicTerms.SubjectPhrase(Subject ?? TopicSubject.StemCellTherapy);

    /// <summary>This topic with the slots <paramref name="other"/> names replaced.</summary>
    public ConversationTopic With(ConversationTopic other) => new(other.Subject ?? Subject, other.Condition ?? Condition);
}
