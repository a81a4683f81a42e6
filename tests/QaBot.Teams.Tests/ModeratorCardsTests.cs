using System.Text;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using QaBot.Moderation;
using QaBot.Teams.Cards;

namespace QaBot.Teams.Tests;

/// <summary>How moderator replies look in Teams, and that even a huge one stays under the message size limit.</summary>
public sealed class ModeratorCardsTests
{
    private const string Reminder = "This is general information, not medical advice. Please talk to your healthcare provider about your own situation.";
    private readonly ModeratorCards cards = new(Options.Create(new TeamsOptions()));

    [Fact]
    public void Render_AReply_HeadingLinesFieldBlocksAndTheReminderFooterWithAPlainTextSummary()
    {
        var reply = new ModeratorReply
        {
            Title = "Knowledge status",
            Lines = ["**3** passages from **2 files**"],
            Fields = [new ModeratorField("Problems", ["`a.md:2` error: no title"])],
            IsError = true,
            Reminder = Reminder,
        };

        var activity = cards.Render(reply);

        var card = (JObject)activity.Attachments.Single().Content;
        var body = (JArray)card["body"]!;
        Assert.Equal(("Knowledge status", "Attention"), ((string?)body[0]["text"], (string?)body[0]["color"]));
        Assert.Equal(["**3** passages from **2 files**", "**Problems**", "`a.md:2` error: no title"], body.Skip(1).Take(3).Select(b => (string?)b["text"]));
        Assert.Equal(Reminder, (string?)body.Last!["items"]![0]!["text"]);
        Assert.Equal(reply.ToPlainText(), (string?)card["fallbackText"]);
        Assert.Null(activity.Text); // no second, unformatted copy
    }

    [Fact]
    public void Render_HugeReply_FitsTheSizeLimitWithFewerLinesAndKeepsTheReminder()
    {
        var problems = Enumerable.Range(1, 500).Select(i => $"`knowledge/file-{i:D3}.md:{i}` error: the front matter has no 'title'").ToList();
        var reply = new ModeratorReply
        {
            Title = "Knowledge status",
            Lines = ["**28** passages"],
            Fields = [new ModeratorField("Problems", problems), new ModeratorField("Files", problems)],
            Reminder = Reminder,
        };

        var activity = cards.Render(reply);

        var bytes = Encoding.UTF8.GetByteCount(JsonConvert.SerializeObject(activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));
        Assert.True(bytes <= new TeamsOptions().MaxActivityBytes, $"{bytes} bytes");
        var texts = ((JObject)activity.Attachments.Single().Content).SelectTokens("$..text").Select(t => (string?)t).ToList();
        Assert.Contains(texts, t => t is not null && t.StartsWith("… and ", StringComparison.Ordinal) && t.EndsWith(" more", StringComparison.Ordinal));
        Assert.Equal(Reminder, texts[^1]);
        Assert.EndsWith(Reminder, (string?)((JObject)activity.Attachments.Single().Content)["fallbackText"], StringComparison.Ordinal);
    }
}
