using QaBot.Knowledge.Files;

namespace QaBot.Knowledge.Tests;

public sealed class PassageSplitterTests
{
    [Fact]
    public void Split_ParagraphWithoutSentenceBreaks_IsCutAtWordsWithinTheLimit()
    {
        var words = Enumerable.Range(0, 2000).Select(i => "word" + i).ToList();
        var paragraph = string.Join(' ', words);

        var pieces = PassageSplitter.Split([paragraph], 1200);

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 1200));
        Assert.Equal(words, pieces.SelectMany(p => p.Split(' ')));
    }

    [Fact]
    public void Split_TextWithoutSpaces_IsCutHardAtTheLimit()
    {
        var paragraph = new string('x', 5000);

        var pieces = PassageSplitter.Split([paragraph], 1200);

        Assert.Equal([1200, 1200, 1200, 1200, 200], pieces.Select(p => p.Length));
        Assert.Equal(paragraph, string.Concat(pieces));
    }

    [Fact]
    public void Split_ShortSentences_StillPackedAtSentenceBoundaries()
    {
        var paragraph = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"Sentence number {i} is here."));

        var pieces = PassageSplitter.Split([paragraph], 400);

        Assert.All(pieces, p => Assert.EndsWith("is here.", p, StringComparison.Ordinal));
        Assert.All(pieces, p => Assert.True(p.Length <= 400));
    }
}
