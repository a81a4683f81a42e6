using QaBot.Answering.Safety;

namespace QaBot.Answering.Tests.Safety;

public sealed class SafetySentencesTests
{
    [Fact]
    public void Split_LongMessage_GivesEachSentenceAndJoinsShortOnes()
    {
        var sentences = SafetySentences.Split("Hi. I have had lupus for years and it is fine. Lately I want to end it!\nAnyway, what is HSCT?");

        Assert.Equal(["Hi I have had lupus for years and it is fine", "Lately I want to end it", "Anyway, what is HSCT"], sentences);
    }

    [Fact]
    public void Split_OneSentence_GivesNothing()
    {
        Assert.Empty(SafetySentences.Split("what is the death rate of HSCT?"));
    }
}
