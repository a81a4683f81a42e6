namespace QaBot.Answering.Safety;

/// <summary>The headline adapters show above a safety reply and its contacts, one per category.</summary>
public static class SafetyHeadlines
{
    public static string For(SafetyCategory? category) => category switch
    {
        SafetyCategory.Emergency => "Call emergency services now",
        SafetyCategory.SelfHarm => "You're not alone: reach out now",
        SafetyCategory.Dosing => "Please ask your prescriber or pharmacist",
        _ => "Please ask your care team",
    };

    /// <summary>The heading of the contact list: emergency numbers under an emergency, crisis lines under self-harm.</summary>
    public static string ContactsHeading(SafetyCategory? category) => category switch
    {
        SafetyCategory.SelfHarm => "Talk to someone now",
        _ => "Call now",
    };
}
