namespace QaBot.Answering.Safety;

/// <summary>One rule as written in a rules JSON file (snake_case).</summary>
internal sealed class SafetyRuleDefinition
{
    public string? Id { get; set; }

    /// <summary><c>emergency</c>, <c>self_harm</c>, <c>personal_medical_advice</c> or <c>dosing</c>.</summary>
    public string? Category { get; set; }

    /// <summary>Free text for moderators; not used by the code.</summary>
    public string? Description { get; set; }

    /// <summary>The language the patterns are written in (<c>es</c>, <c>fr</c>, <c>de</c>, <c>pt</c>, <c>it</c>...); null for English.</summary>
    public string? Language { get; set; }

    public List<string?>? Patterns { get; set; }

    public List<string?>? Unless { get; set; }

    /// <summary>Optional speed-up: the patterns are tried only when the normalised message contains one of these.</summary>
    public List<string?>? Keywords { get; set; }
}
