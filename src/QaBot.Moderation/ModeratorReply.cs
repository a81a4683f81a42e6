using System.Text;

namespace QaBot.Moderation;

/// <summary>
/// The platform-neutral reply to a moderator command (or a moderators'-channel post): a title, a few lines, named
/// fields, and whether it reports a failure. Discord renders it as an embed, Teams as an Adaptive Card, the command line
/// as text (<see cref="ToPlainText"/>). Like every reply, it carries the healthcare-provider <see cref="Reminder"/>.
/// Lines may use Markdown bold (<c>**...**</c>) and code (<c>`...`</c>), which all three render or tolerate.
/// </summary>
public sealed record ModeratorReply
{
    public required string Title { get; init; }

    /// <summary>The text under the title, one entry per line.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];

    public IReadOnlyList<ModeratorField> Fields { get; init; } = [];

    /// <summary>True when the command failed or was refused (shown in an error colour / style).</summary>
    public bool IsError { get; init; }

    /// <summary>The standing reminder to consult a healthcare provider.</summary>
    public required string Reminder { get; init; }

    /// <summary>Title, lines, fields (heading, then their lines indented) and the reminder, as plain text.</summary>
    public string ToPlainText()
    {
        var builder = new StringBuilder(Title).Append('\n');
        foreach (var line in Lines)
        {
            builder.Append(line).Append('\n');
        }

        foreach (var field in Fields)
        {
            builder.Append('\n').Append(field.Name).Append('\n');
            foreach (var line in field.Lines)
            {
                builder.Append("  ").Append(line).Append('\n');
            }
        }

        return builder.Append('\n').Append(Reminder).ToString();
    }
}
