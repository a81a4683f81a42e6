using System.Globalization;
using System.Text;
using QaBot.Answering;
using QaBot.Discord.Bot;
using QaBot.Discord.Model;
using QaBot.Moderation;

namespace QaBot.Discord.Moderation;

/// <summary>
/// Renders a <see cref="ModeratorReply"/> as one Discord embed: the title, the lines as the description, one field per
/// <see cref="ModeratorField"/>, and the healthcare-provider reminder in the footer, red for errors. Within Discord's
/// limits (<see cref="EmbedLimits"/>): the reminder is never cut; long blocks lose lines from the end, with
/// "… and N more" in their place.
/// </summary>
internal static class ModeratorMessages
{
    public const int ErrorColor = AnswerMessageBuilder.SafetyColor;
    public const int InfoColor = AnswerMessageBuilder.AnsweredColor;

    /// <summary>The message for a reply; <paramref name="ephemeral"/> for interaction replies (only the moderator sees it).</summary>
    public static MessageCreate Render(ModeratorReply reply, bool ephemeral) => new()
    {
        Embeds = [Embed(reply)],
        AllowedMentions = AllowedMentions.ReplyOnly,
        Flags = ephemeral ? MessageFlags.Ephemeral : null,
    };

    internal static Embed Embed(ModeratorReply reply)
    {
        var footer = TextCleaner.Shorten(reply.Reminder, EmbedLimits.Footer);
        var title = TextCleaner.Shorten(reply.Title, EmbedLimits.Title);
        var budget = EmbedLimits.Total - footer.Length - title.Length;

        var fields = reply.Fields.Take(EmbedLimits.Fields)
            .Select(f => (Name: TextCleaner.Shorten(f.Name.Length > 0 ? f.Name : "—", EmbedLimits.FieldName), f.Lines))
            .ToList();
        var fieldsNeed = fields.Sum(f => f.Name.Length + Math.Min(EmbedLimits.FieldValue, Joined(f.Lines)));
        var descriptionRoom = Math.Min(EmbedLimits.Description, budget - Math.Min(fieldsNeed, budget / 2));
        var description = Fit(reply.Lines, descriptionRoom);
        var left = budget - description.Length;

        var rendered = new List<EmbedField>();
        foreach (var (name, lines) in fields)
        {
            var room = Math.Min(EmbedLimits.FieldValue, left - name.Length);
            if (room < 20)
            {
                break;
            }

            var value = Fit(lines, room);
            value = value.Length > 0 ? value : "—";
            rendered.Add(new EmbedField { Name = name, Value = value });
            left -= name.Length + value.Length;
        }

        return new Embed
        {
            Title = title,
            Description = description.Length > 0 ? description : null,
            Color = reply.IsError ? ErrorColor : InfoColor,
            Fields = rendered.Count > 0 ? rendered : null,
            Footer = new EmbedFooter { Text = footer },
        };
    }

    /// <summary>As many whole lines as fit in <paramref name="maxChars"/>, then "… and N more"; a first line too long on
    /// its own is shortened.</summary>
    internal static string Fit(IReadOnlyList<string> lines, int maxChars)
    {
        if (maxChars <= 0 || lines.Count == 0)
        {
            return "";
        }

        var joined = string.Join('\n', lines);
        if (joined.Length <= maxChars)
        {
            return joined;
        }

        var builder = new StringBuilder();
        var kept = 0;
        while (kept < lines.Count)
        {
            var length = builder.Length + (kept > 0 ? 1 : 0) + lines[kept].Length + 1 + More(lines.Count - kept - 1).Length;
            if (length > maxChars)
            {
                break;
            }

            builder.Append(kept > 0 ? "\n" : "").Append(lines[kept]);
            kept++;
        }

        if (kept == 0)
        {
            var room = maxChars - 1 - More(lines.Count - 1).Length;
            if (lines.Count == 1)
            {
                return AnswerMessageBuilder.ShortenMarkdown(lines[0], maxChars);
            }

            if (room < 10)
            {
                return TextCleaner.Shorten(joined, maxChars); // no room to say how many are left out: the ellipsis says it
            }

            builder.Append(AnswerMessageBuilder.ShortenMarkdown(lines[0], room));
            kept = 1;
        }

        return builder.Append('\n').Append(More(lines.Count - kept)).ToString();
    }

    private static string More(int count) => string.Format(CultureInfo.InvariantCulture, "… and {0} more", count);

    private static int Joined(IReadOnlyList<string> lines) => lines.Sum(l => l.Length + 1);
}
