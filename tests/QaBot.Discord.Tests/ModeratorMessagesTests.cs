using System.Text.Json;
using QaBot.Discord.Bot;
using QaBot.Discord.Model;
using QaBot.Discord.Tests.Fakes;
using QaBot.Moderation;
using ModeratorMessages = QaBot.Discord.Moderation.ModeratorMessages;

namespace QaBot.Discord.Tests;

/// <summary>How moderator replies look on Discord, and that even a huge one fits Discord's limits.</summary>
public sealed class ModeratorMessagesTests
{
    [Fact]
    public void Render_HugeReply_StaysWithinEveryDiscordLimitKeepsTheReminderAndSaysWhatIsLeftOut()
    {
        var problems = Enumerable.Range(1, 400).Select(i => $"`knowledge/file-{i:D3}.md:{i}` error: the front matter has no 'title'").ToList();
        var reply = new ModeratorReply
        {
            Title = "Knowledge status " + new string('x', 400),
            Lines = [new string('a', 5000), "second line"],
            Fields = Enumerable.Range(1, 30).Select(i => new ModeratorField("Block " + i, problems)).ToList(),
            IsError = true,
            Reminder = TestAnswers.Reminder,
        };

        var message = ModeratorMessages.Render(reply, ephemeral: true);

        Assert.Empty(DiscordLimitChecker.Violations(JsonSerializer.SerializeToElement(message, DiscordJson.Options)));
        var embed = message.Embeds![0];
        Assert.Equal(TestAnswers.Reminder, embed.Footer!.Text);
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.Matches(@"… and \d+ more$", embed.Fields![0].Value);
        Assert.True(EmbedLimits.TotalLength(embed) <= EmbedLimits.Total);
    }

    [Fact]
    public void Render_ChannelPost_IsNotEphemeralAndUsesTheInfoColourUnlessAnError()
    {
        var reply = new ModeratorReply { Title = "Knowledge problems fixed", Lines = ["All good."], Reminder = TestAnswers.Reminder };

        var message = ModeratorMessages.Render(reply, ephemeral: false);

        Assert.Null(message.Flags);
        Assert.Equal(ModeratorMessages.InfoColor, message.Embeds![0].Color);
        Assert.Equal(ModeratorMessages.ErrorColor, ModeratorMessages.Render(reply with { IsError = true }, ephemeral: false).Embeds![0].Color);
        Assert.Empty(message.AllowedMentions!.Parse); // nobody is pinged by text from files
    }

    [Theory]
    [InlineData(100, "first line\nsecond line\nthe third line")]
    [InlineData(35, "first line\nsecond line\n… and 1 more")]
    [InlineData(32, "first line\n… and 2 more")]
    [InlineData(8, "first…")]
    public void Fit_Lines_KeepsWholeLinesThenCountsTheRest(int maxChars, string expected)
    {
        var fitted = ModeratorMessages.Fit(["first line", "second line", "the third line"], maxChars);

        Assert.Equal(expected, fitted);
        Assert.True(fitted.Length <= maxChars);
    }

    [Fact]
    public void Fit_FirstLineTooLong_IsShortenedAndTheRestCounted()
    {
        var fitted = ModeratorMessages.Fit([new string('a', 50) + " " + new string('b', 50), "two"], 60);

        Assert.True(fitted.Length <= 60);
        Assert.EndsWith("\n… and 1 more", fitted, StringComparison.Ordinal);
        Assert.StartsWith("aaaa", fitted, StringComparison.Ordinal);
    }
}
