using QaBot.Answering.Composition;

namespace QaBot.Answering.Tests;

/// <summary>Greetings, thanks, goodbyes and "what can you do?" in wordings the fixed phrases do not list.</summary>
public sealed class SmallTalkTests
{
    [Theory]
    [InlineData("ok thanks bye", "Thanks")]
    [InlineData("cheers mate, much appreciated", "Thanks")]
    [InlineData("that was really useful, ta", "Thanks")]
    [InlineData("heyyy 👋", "Greeting")]
    [InlineData("good evening bot", "Greeting")]
    [InlineData("hello, how are you doing?", "Greeting")]
    [InlineData("Thanks a lot, have a nice day", "Thanks")]
    [InlineData("ok bye", "Goodbye")]
    [InlineData("what kind of questions can i ask you?", "Capabilities")]
    [InlineData("are you a real person?", "Capabilities")]
    [InlineData("am I talking to a bot?", "Capabilities")]
    [InlineData("what topics do you cover?", "Capabilities")]
    [InlineData("how do I use this?", "Capabilities")]
    public void Classify_SocialMessageInAnUnlistedWording_IsSmallTalkOfItsKind(string message, string kind)
    {
        Assert.Equal(kind, SmallTalk.Classify(message)?.ToString());
    }

    [Theory]
    [InlineData("how does it work?")]
    [InlineData("thanks, is it safe?")]
    [InlineData("ok so is hsct approved")]
    [InlineData("what do you know about lupus")]
    [InlineData("is it good for ms")]
    public void Classify_MessageThatAsksSomething_IsNotSmallTalk(string message)
    {
        Assert.Null(SmallTalk.Classify(message));
    }
}
