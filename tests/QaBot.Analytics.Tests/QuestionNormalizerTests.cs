using QaBot.Analytics.Reports;

namespace QaBot.Analytics.Tests;

public sealed class QuestionNormalizerTests
{
    [Theory]
    [InlineData("what is lupus?")]
    [InlineData("What is Lupus")]
    [InlineData("whats lupus")]
    [InlineData("What's lupus??")]
    [InlineData("what is lúpus")]
    [InlineData("  WHAT   IS   LUPUS  ")]
    public void Key_WaysOfAskingWhatLupusIs_AreOneGroup(string question) => Assert.Equal("lupus", QuestionNormalizer.Key(question));

    [Fact]
    public void Key_SameWordsInAnotherOrderOrNumber_AreOneGroup()
    {
        var key = QuestionNormalizer.Key("Can stem cells help lupus?");

        Assert.Equal(key, QuestionNormalizer.Key("lupus: do stem cells help?"));
        Assert.Equal(key, QuestionNormalizer.Key("can a stem cell help with lupus"));
        Assert.Equal("cell help lupus stem", key);
    }

    [Theory]
    [InlineData("what causes lupus", "what caused lupus")]
    [InlineData("how is MS treated", "treating MS")]
    [InlineData("stem cell therapies", "stem cell therapy")]
    public void Key_InflectedWords_AreOneGroup(string first, string second) => Assert.Equal(QuestionNormalizer.Key(first), QuestionNormalizer.Key(second));

    [Theory]
    [InlineData("what is lupus", "what causes lupus")]
    [InlineData("is HSCT safe", "is HSCT not safe")]
    [InlineData("stem cells for MS", "stem cells for RA")]
    public void Key_DifferentQuestions_AreDifferentGroups(string first, string second) => Assert.NotEqual(QuestionNormalizer.Key(first), QuestionNormalizer.Key(second));

    [Theory]
    [InlineData("lupus", "lupus")]
    [InlineData("sclerosis", "sclerosis")]
    [InlineData("swelling", "swell")]
    [InlineData("stopping", "stop")]
    [InlineData("diseases", "diseas")]
    public void Stem_KeepsWordsEndingInUsOrIsAndStripsSuffixes(string word, string expected) => Assert.Equal(expected, QuestionNormalizer.Stem(word));

    [Fact]
    public void Key_RedactionPlaceholders_DoNotCount() =>
        Assert.Equal(QuestionNormalizer.Key("what is lupus? mail me"), QuestionNormalizer.Key("what is lupus? mail me [email] [phone] [number] [date]"));

    [Fact]
    public void Key_OnlyCommonWords_KeepsThemRatherThanNothing() => Assert.Equal("is it what", QuestionNormalizer.Key("What is it?"));

    [Fact]
    public void Key_NoWords_IsEmpty() => Assert.Equal("", QuestionNormalizer.Key("?!… "));
}
