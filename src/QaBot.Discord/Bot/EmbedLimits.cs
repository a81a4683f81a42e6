using QaBot.Discord.Model;

namespace QaBot.Discord.Bot;

/// <summary>Discord's message and embed size limits, in characters.</summary>
internal static class EmbedLimits
{
    public const int Content = 2000;
    public const int Title = 256;
    public const int Description = 4096;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int Fields = 25;
    public const int Footer = 2048;

    /// <summary>Title, description, field names and values, and footer of all embeds of a message together.</summary>
    public const int Total = 6000;

    public static int TotalLength(Embed embed) =>
        (embed.Title?.Length ?? 0)
        + (embed.Description?.Length ?? 0)
        + (embed.Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0)
        + (embed.Footer?.Text.Length ?? 0);
}
