namespace QaBot.Answering.Safety;

/// <summary>The root of a rules JSON file: <c>{"rules":[...]}</c>.</summary>
internal sealed class SafetyRulesDocument
{
    public List<SafetyRuleDefinition?>? Rules { get; set; }
}
