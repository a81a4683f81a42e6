using QaBot.Answering;
using QaBot.Answering.Safety;
using QaBot.Discord.Model;

namespace QaBot.Discord.Bot;

/// <summary>
/// The crisis and emergency contacts of a safety reply as embed fields, one per contact in the answer's order
/// (emergency services first under an emergency, the crisis line first under self-harm): the name with its region and
/// kind, then how to reach them with the number in bold. Discord cannot dial from an embed, so the number is shown, not linked.
/// </summary>
internal static class ContactFields
{
    /// <summary>At most this many contacts are shown (a configured list is short; the embed's room is not endless).</summary>
    public const int MaxContacts = 10;

    public static IReadOnlyList<EmbedField> For(Answer answer) =>
        answer.Contacts.Take(MaxContacts).Select(Field).ToList();

    /// <summary>The description of a safety reply: the note in the person's language first, when there is one.</summary>
    public static string Description(Answer answer) =>
        answer.LanguageNote is { Length: > 0 } note ? "**" + TextCleaner.Clean(note).Replace("*", "", StringComparison.Ordinal) + "**\n\n" + answer.Text : answer.Text;

    private static EmbedField Field(CrisisContact contact)
    {
        var icon = contact.Kind == ContactKind.Emergency ? "🚨 " : "📞 ";
        var name = icon + TextCleaner.Clean(contact.Name) + (contact.Region is { Length: > 0 } region ? " (" + TextCleaner.Clean(region) + ")" : "");
        var how = TextCleaner.Clean(contact.Contact);
        var value = contact.Phone is { Length: > 0 } phone && !how.Contains(phone, StringComparison.Ordinal)
            ? how + " · **" + phone + "**"
            : contact.Phone is { Length: > 0 } shown ? how.Replace(shown, "**" + shown + "**", StringComparison.Ordinal) : how;
        return new EmbedField
        {
            Name = TextCleaner.Shorten(name, 100),
            Value = TextCleaner.Shorten(value.Length > 0 ? value : "—", 300),
        };
    }
}
