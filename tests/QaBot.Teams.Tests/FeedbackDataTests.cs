using Newtonsoft.Json.Linq;
using QaBot.Answering;
using QaBot.Teams.Cards;

namespace QaBot.Teams.Tests;

public sealed class FeedbackDataTests
{
    private static CardContent Content() => new()
    {
        Kind = AnswerKind.NoAnswer,
        Text = "No good answer.",
        Citations = [new CardCitation { N = 1, Id = "a#b", Title = "T", Section = "S", Url = "https://example.org/", File = "a.md" }],
    };

    [Fact]
    public void TryRead_CreatedData_RoundTrips()
    {
        var data = FeedbackData.Create(Content(), helpful: false, question: "why?");

        Assert.True(FeedbackData.TryRead(data, out var click));

        Assert.False(click.Helpful);
        Assert.Equal("why?", click.Question);
        Assert.Equal(AnswerKind.NoAnswer, click.Content.Kind);
        Assert.Equal(Content().Citations, click.Content.Citations);
    }

    [Fact]
    public void Create_HelpfulButton_DoesNotCarryTheQuestion()
    {
        var data = FeedbackData.Create(Content(), helpful: true, question: "why?");

        Assert.Null(data["question"]);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"qabot\": \"other\", \"helpful\": true, \"kind\": \"answered\"}")]
    [InlineData("{\"qabot\": \"qabot.feedback\", \"helpful\": \"yes\", \"kind\": \"answered\"}")]
    [InlineData("{\"qabot\": \"qabot.feedback\", \"helpful\": true, \"kind\": \"safety\"}")]
    [InlineData("{\"qabot\": \"qabot.feedback\", \"helpful\": true}")]
    [InlineData("{\"qabot\": 1, \"helpful\": true, \"kind\": \"answered\"}")]
    public void TryRead_ForeignOrForgedData_IsRefused(string json)
    {
        Assert.False(FeedbackData.TryRead(JToken.Parse(json), out _));
    }

    [Fact]
    public void TryRead_OversizedOrHostileFields_AreBoundedAndUnsafeLinksDropped()
    {
        var data = new JObject
        {
            ["qabot"] = FeedbackData.Verb,
            ["helpful"] = false,
            ["kind"] = "answered",
            ["text"] = new string('x', 50_000),
            ["question"] = new string('q', 50_000),
            ["citations"] = new JArray(Enumerable.Range(1, 100).Select(n => new JObject
            {
                ["n"] = n,
                ["id"] = new string('i', 5000),
                ["title"] = "t",
                ["url"] = "javascript:alert(1)",
            })),
        };

        Assert.True(FeedbackData.TryRead(data, out var click));

        Assert.True(click.Content.Text.Length <= CardContent.MaxTextChars);
        Assert.True(click.Question!.Length <= FeedbackData.MaxQuestionChars);
        Assert.Equal(CardContent.MaxCitations, click.Content.Citations.Count);
        Assert.All(click.Content.Citations, c =>
        {
            Assert.Null(c.Url);
            Assert.True(c.Id.Length <= CardContent.MaxFieldChars);
        });
    }
}
