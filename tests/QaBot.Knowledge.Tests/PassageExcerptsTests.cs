using QaBot.Knowledge.Search;

namespace QaBot.Knowledge.Tests;

public sealed class PassageExcerptsTests
{
    private static readonly Passage Long = new()
    {
        Id = "p",
        Title = "Stem cells",
        Text = "Stem cells are unspecialised cells. They can become many other kinds of cells. " +
               "In rheumatoid arthritis, stem cells may calm inflamed joints and ease pain. " +
               string.Join(' ', Enumerable.Repeat("Research continues in many laboratories around the world.", 10)),
    };

    [Fact]
    public void Quote_StartsAtBestSentence_BoldsQuestionWordsAndRespectsTheLimit()
    {
        using var index = LexicalIndex.Build([Long]);
        var plan = index.Plan("inflamed joints pain");

        var quote = new PassageExcerpts(index.IndexAnalyzer).Quote(Long, plan, 300);

        Assert.StartsWith("… In rheumatoid arthritis", quote, StringComparison.Ordinal);
        Assert.Contains("**inflamed** **joints**", quote, StringComparison.Ordinal);
        Assert.Contains("**pain**", quote, StringComparison.Ordinal);
        Assert.True(quote.Replace("**", "", StringComparison.Ordinal).Length <= 300 + 4);
        Assert.EndsWith("…", quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_MatchesStemmedForms()
    {
        var passage = new Passage { Id = "t", Title = "T", Text = "Treatments are being refined." };
        using var index = LexicalIndex.Build([passage]);

        var quote = new PassageExcerpts(index.IndexAnalyzer).Quote(passage, index.Plan("treatment"), 300);

        Assert.Equal("**Treatments** are being refined.", quote);
    }
}
