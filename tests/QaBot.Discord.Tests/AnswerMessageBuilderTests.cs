using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using QaBot.Answering;
using QaBot.Discord.Bot;
using QaBot.Discord.Model;
using QaBot.Discord.Tests.Fakes;

namespace QaBot.Discord.Tests;

/// <summary>How answers look on Discord, and that they always fit Discord's limits.</summary>
public sealed class AnswerMessageBuilderTests
{
    private readonly FeedbackContextStore store = new(new FakeTimeProvider());

    private AnswerMessageBuilder Builder => new(store);

    [Fact]
    public void Answer_HugeAnswer_StaysWithinEveryDiscordLimitAndKeepsTheReminder()
    {
        var message = Builder.Answer(TestAnswers.Huge);

        var json = JsonSerializer.SerializeToElement(message, DiscordJson.Options);
        Assert.Empty(DiscordLimitChecker.Violations(json));
        var embed = message.Embeds![0];
        Assert.Equal(TestAnswers.Reminder, embed.Footer!.Text);
        Assert.EndsWith("…", embed.Description, StringComparison.Ordinal);
        Assert.InRange(embed.Fields!.Count, 1, EmbedLimits.Fields);
        Assert.StartsWith("[1] A very long title", embed.Fields[0].Name, StringComparison.Ordinal);
        Assert.True(EmbedLimits.TotalLength(embed) <= EmbedLimits.Total);
        Assert.All(embed.Fields, f => Assert.Equal(0, CountOf(f.Value, "**") % 2)); // bold markers stay paired
    }

    [Fact]
    public void Answer_EmergencyWithContacts_ListsEmergencyServicesFirstAsFieldsWithTheNoteOnTopAndTheReminder()
    {
        var message = Builder.Answer(TestAnswers.EmergencyWithContacts, "help");

        var embed = message.Embeds![0];
        Assert.Equal(
            ["🚨 Emergency services (US)", "🚨 Emergency services (EU)", "📞 988 Suicide & Crisis Lifeline (US)"],
            embed.Fields!.Select(f => f.Name));
        Assert.Equal(["call **911**", "call **112**", "call or text **988**"], embed.Fields!.Select(f => f.Value));
        Assert.StartsWith("**Llame ahora a su número local de emergencias.**\n\n" + TestAnswers.Emergency.Text, embed.Description, StringComparison.Ordinal);
        Assert.Equal(TestAnswers.Reminder, embed.Footer!.Text);
        Assert.Empty(DiscordLimitChecker.Violations(JsonSerializer.SerializeToElement(message, DiscordJson.Options)));
    }

    [Fact]
    public void Answer_SelfHarmWithContacts_ListsTheCrisisLineFirst()
    {
        var message = Builder.Answer(TestAnswers.SelfHarmWithContacts, "x");

        var embed = message.Embeds![0];
        Assert.Equal(["📞 988 Suicide & Crisis Lifeline (US)", "🚨 Emergency services (US)"], embed.Fields!.Select(f => f.Name));
        Assert.Equal(TestAnswers.SelfHarmWithContacts.Text, embed.Description);
        Assert.Equal(TestAnswers.Reminder, embed.Footer!.Text);
    }

    [Fact]
    public void Answer_SmallTalk_HasTheReminderAndNoFeedbackButtons()
    {
        var answer = new Answer { Kind = AnswerKind.SmallTalk, Text = "Hello! You could ask, for example:\n- What is HSCT?", Reminder = TestAnswers.Reminder };

        var message = Builder.Answer(answer, "hi");

        Assert.Null(message.Components);
        Assert.Equal(TestAnswers.Reminder, message.Embeds![0].Footer!.Text);
        Assert.Equal(answer.Text, message.Embeds[0].Description);
    }

    [Fact]
    public void Answer_NoAnswerWithRelatedSections_ListsThemUnderTheTextWithTheReminder()
    {
        var answer = new Answer
        {
            Kind = AnswerKind.NoAnswer,
            Text = "I don't have prices or cost figures for stem cell treatment.",
            Reminder = TestAnswers.Reminder,
            Related = [new RelatedSection("cost-and-insurance#how-much-does-stem-cell-therapy-cost", "Cost and insurance", "How much does stem cell therapy cost?")],
        };

        var embed = Builder.Answer(answer, "how much in Mexico?").Embeds![0];

        Assert.Equal(answer.Text + "\n\n**Related topics:**\n• How much does stem cell therapy cost?", embed.Description);
        Assert.Null(embed.Fields);
        Assert.Equal(TestAnswers.Reminder, embed.Footer!.Text);
    }

    [Fact]
    public void Answer_Normal_ShowsTextCitationsWithLinksAndTheReminderUnshortened()
    {
        var embed = Builder.Answer(TestAnswers.Lupus).Embeds![0];

        Assert.Equal(TestAnswers.Lupus.Text, embed.Description);
        Assert.Equal(AnswerMessageBuilder.AnsweredColor, embed.Color);
        Assert.Equal(2, embed.Fields!.Count);
        Assert.Equal(
            "Small studies of **stem cells** in severe **lupus** reported fewer flares.\n[Adapted from an article, in our own words](https://example.org/lupus)",
            embed.Fields[0].Value);
        Assert.Equal("[2] What the evidence says · What do studies show?", embed.Fields[1].Name);
        Assert.Equal("Larger randomised trials are still needed for **lupus**.", embed.Fields[1].Value); // no URL, no source: no link line
    }

    [Theory]
    [InlineData(AnswerKind.NoAnswer, "I couldn't find a good answer", AnswerMessageBuilder.NoAnswerColor)]
    [InlineData(AnswerKind.Safety, "Please get help now", AnswerMessageBuilder.SafetyColor)]
    public void Answer_NoAnswerAndSafety_UseTheSameLayoutWithTheirOwnWording(AnswerKind kind, string title, int color)
    {
        var answer = kind == AnswerKind.Safety ? TestAnswers.Emergency : TestAnswers.NoAnswer;

        var message = Builder.Answer(answer);

        var embed = message.Embeds![0];
        Assert.Equal(title, embed.Title);
        Assert.Equal(color, embed.Color);
        Assert.Equal(answer.Text, embed.Description);
        Assert.Equal(TestAnswers.Reminder, embed.Footer!.Text);
        Assert.Null(embed.Fields);
        Assert.Equal(2, message.Components![0].Components!.Count);
    }

    [Fact]
    public void Answer_Buttons_CarryVerdictKindAndAKeyToThePassagesButNotTheQuestion()
    {
        var buttons = Builder.Answer(TestAnswers.Lupus).Components![0].Components!;

        Assert.True(FeedbackClick.TryParse(buttons[0].CustomId, out var helpful));
        Assert.True(FeedbackClick.TryParse(buttons[1].CustomId, out var notHelpful));
        Assert.True(helpful.Helpful);
        Assert.False(notHelpful.Helpful);
        Assert.Equal(AnswerKind.Answered, helpful.Kind);
        Assert.Equal(helpful.Key, notHelpful.Key);
        Assert.Equal(TestAnswers.Lupus.Citations.Select(c => c.Id), store.Recall(helpful.Key));
        Assert.All(buttons, b => Assert.InRange(b.CustomId!.Length, 1, 100));
    }

    [Theory]
    [InlineData("lupus **stem cells** help", 18)]
    [InlineData("**lupus** and **stem cells** may help people", 22)]
    public void ShortenMarkdown_CutInsideBold_KeepsMarkersPaired(string text, int max)
    {
        var shortened = AnswerMessageBuilder.ShortenMarkdown(text, max);

        Assert.True(shortened.Length <= max);
        Assert.Equal(0, CountOf(shortened, "**") % 2);
        Assert.EndsWith("…", shortened, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("qabot:fb:x:a:key")]
    [InlineData("qabot:fb:y:q:key")]
    [InlineData("qabot:fb:y:a:")]
    [InlineData("other:fb:y:a:key")]
    public void FeedbackClick_ForeignOrMalformedCustomId_IsNotAFeedbackClick(string? customId)
    {
        Assert.False(FeedbackClick.TryParse(customId, out _));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
