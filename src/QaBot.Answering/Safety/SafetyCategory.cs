namespace QaBot.Answering.Safety;

/// <summary>Why a message got a safety reply. Serialised in snake_case.</summary>
public enum SafetyCategory
{
    /// <summary>A medical emergency: chest pain, stroke signs, trouble breathing, anaphylaxis, fever after a transplant, overdose.</summary>
    Emergency,

    /// <summary>Self-harm or suicide.</summary>
    SelfHarm,

    /// <summary>A personal treatment decision ("should I stop my methotrexate?", "am I a candidate?").</summary>
    PersonalMedicalAdvice,

    /// <summary>A question about doses.</summary>
    Dosing,
}
