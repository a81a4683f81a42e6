using QaBot.Answering;
using QaBot.Host.Cli;

namespace QaBot.Host.Tests;

public sealed class AnswerTextTests
{
    [Fact]
    public void Render_QuoteWithBoldAndEscapedAsterisk_PrintsNoMarkdownMarkers()
    {
        var answer = new Answer
        {
            Kind = AnswerKind.Answered,
            Text = "Stem cell therapy is studied in **lupus** [1].",
            Reminder = "Talk to your healthcare provider.",
            Citations =
            [
                new Citation { N = 1, Id = "conditions/lupus#a", Title = "Lupus", Section = "Can it help?", Quote = "Trials in **lupus** used 5\\* criteria." },
            ],
        };

        var text = AnswerText.Render(answer);

        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\*", text, StringComparison.Ordinal);
        Assert.Contains("Stem cell therapy is studied in lupus [1].", text, StringComparison.Ordinal);
        Assert.Contains("\"Trials in lupus used 5* criteria.\"", text, StringComparison.Ordinal);
        Assert.EndsWith("Talk to your healthcare provider.", text, StringComparison.Ordinal);
    }
}
