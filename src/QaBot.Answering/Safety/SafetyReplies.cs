namespace QaBot.Answering.Safety;

/// <summary>
/// The safety reply for a verdict: the text of its category, the contacts to show (emergency services first under an
/// emergency reply, the crisis line first under a self-harm reply; none under advice and dosing refusals) and, when
/// the message was in another language, one line in that language telling the person to call their local emergency
/// number.
/// </summary>
internal sealed class SafetyReplies(SafetyOptions options, IReadOnlyDictionary<string, string> languageNotes)
{
    public SafetyReplies(SafetyOptions options)
        : this(options, SafetyRuleSet.Load(options.RulesFile).LanguageNotes)
    {
    }

    public string For(SafetyCategory category) => category switch
    {
        SafetyCategory.Emergency => options.EmergencyText,
        SafetyCategory.SelfHarm => options.SelfHarmText,
        SafetyCategory.PersonalMedicalAdvice => options.PersonalAdviceText,
        _ => options.DosingText,
    };

    /// <summary>The contacts for a category, in the order to show them; empty for advice and dosing refusals.</summary>
    public IReadOnlyList<CrisisContact> ContactsFor(SafetyCategory category)
    {
        var first = category switch
        {
            SafetyCategory.Emergency => ContactKind.Emergency,
            SafetyCategory.SelfHarm => ContactKind.Crisis,
            _ => (ContactKind?)null,
        };
        if (first is null)
        {
            return [];
        }

        var contacts = options.EffectiveCrisisContacts;
        return [.. contacts.Where(c => c.Kind == first), .. contacts.Where(c => c.Kind != first)];
    }

    /// <summary>The note in the verdict's language, or null for English (or a language without a note).</summary>
    public string? LanguageNote(SafetyVerdict verdict) =>
        verdict.Language is { Length: > 0 } language && languageNotes.TryGetValue(language, out var note) ? note : null;

    /// <summary>The whole safety answer for a verdict.</summary>
    public Answer Answer(SafetyVerdict verdict, string reminder) => new()
    {
        Kind = AnswerKind.Safety,
        Category = verdict.Category,
        Text = For(verdict.Category),
        Contacts = ContactsFor(verdict.Category),
        LanguageNote = LanguageNote(verdict),
        Reminder = reminder,
    };
}
