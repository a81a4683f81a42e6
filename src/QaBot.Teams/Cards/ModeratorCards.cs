using System.Globalization;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using QaBot.Moderation;

namespace QaBot.Teams.Cards;

/// <summary>
/// Renders a <see cref="ModeratorReply"/> as an Adaptive Card in the layout of every QaBot reply: a heading (in the
/// attention colour for errors), the lines, one block per field, and the healthcare-provider reminder in the footer;
/// the activity's <c>text</c> is the reply as plain text. Kept under <see cref="TeamsOptions.MaxActivityBytes"/> by
/// showing fewer lines per block ("… and N more").
/// </summary>
internal sealed class ModeratorCards(IOptions<TeamsOptions> teams)
{
    private const int MaxLineChars = 500;
    private static readonly int[] LinesPerBlock = [int.MaxValue, 30, 15, 8, 4, 2, 1];

    public Activity Render(ModeratorReply reply)
    {
        var reminder = CardContent.Bound(reply.Reminder, 600);
        Activity? activity = null;
        foreach (var lines in LinesPerBlock)
        {
            activity = TeamsCards.Message(Card(reply, lines, reminder), Summary(reply, lines, reminder));
            if (TeamsCards.ByteSize(activity) <= teams.Value.MaxActivityBytes)
            {
                return activity;
            }
        }

        return activity!;
    }

    private static JObject Card(ModeratorReply reply, int linesPerBlock, string reminder)
    {
        var heading = TeamsCards.Heading(CardContent.Bound(reply.Title, 200));
        if (reply.IsError)
        {
            heading["color"] = "Attention";
        }

        var body = new JArray { heading };
        foreach (var line in Take(reply.Lines, linesPerBlock))
        {
            body.Add(Line(line));
        }

        foreach (var field in reply.Fields)
        {
            var name = TeamsCards.TextBlock("**" + CardContent.Bound(field.Name, 200).Replace("*", "", StringComparison.Ordinal) + "**");
            name["spacing"] = "Medium";
            body.Add(name);
            foreach (var line in Take(field.Lines, linesPerBlock))
            {
                body.Add(Line(line));
            }
        }

        body.Add(TeamsCards.Footer(reminder));
        return TeamsCards.CardOf(body);
    }

    private static JObject Line(string text)
    {
        var block = TeamsCards.TextBlock(CardContent.Bound(text, MaxLineChars));
        block["spacing"] = "Small";
        return block;
    }

    private static string Summary(ModeratorReply reply, int linesPerBlock, string reminder) =>
        (reply with
        {
            Lines = Take(reply.Lines, linesPerBlock).ToList(),
            Fields = reply.Fields.Select(f => f with { Lines = Take(f.Lines, linesPerBlock).ToList() }).ToList(),
            Reminder = reminder,
        }).ToPlainText();

    private static IEnumerable<string> Take(IReadOnlyList<string> lines, int count) =>
        lines.Count <= count
            ? lines.Select(l => CardContent.Bound(l, MaxLineChars))
            : lines.Take(count).Select(l => CardContent.Bound(l, MaxLineChars))
                .Append(string.Format(CultureInfo.InvariantCulture, "… and {0} more", lines.Count - count));
}
