namespace QaBot.Answering.Safety;

/// <summary>The root of a rules JSON file: <c>{"rules":[...]}</c>.</summary>
internal sealed class SafetyRulesDocument
{
    public List<SafetyRuleDefinition?>? Rules { get; set; }

    /// <summary>Per language code, the line telling the person to call their local emergency number.</summary>
    public Dictionary<string, string?>? LanguageNotes { get; set; }
}
