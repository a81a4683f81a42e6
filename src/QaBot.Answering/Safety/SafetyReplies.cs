using System.Text;

namespace QaBot.Answering.Safety;

/// <summary>The reply text for each safety category, with crisis contacts for urgent ones.</summary>
internal sealed class SafetyReplies(SafetyOptions options)
{
    public string For(SafetyCategory category)
    {
        var text = category switch
        {
            SafetyCategory.Emergency => options.EmergencyText,
            SafetyCategory.SelfHarm => options.SelfHarmText,
            SafetyCategory.PersonalMedicalAdvice => options.PersonalAdviceText,
            _ => options.DosingText,
        };
        if (category is not (SafetyCategory.Emergency or SafetyCategory.SelfHarm) || options.EffectiveCrisisContacts.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text);
        builder.Append("\n\nWhere to get help now:");
        foreach (var contact in options.EffectiveCrisisContacts)
        {
            builder.Append("\n- ").Append(contact.Name).Append(": ").Append(contact.Contact);
            if (!string.IsNullOrWhiteSpace(contact.Region))
            {
                builder.Append(" (").Append(contact.Region).Append(')');
            }
        }

        return builder.ToString();
    }
}
