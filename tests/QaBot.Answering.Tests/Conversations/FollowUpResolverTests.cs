using QaBot.Answering.Conversations;

namespace QaBot.Answering.Tests.Conversations;

public sealed class FollowUpResolverTests
{
    [Theory]
    [InlineData("Can stem cells help multiple sclerosis?", "is it safe though?", "is stem cell therapy for multiple sclerosis safe though?")]
    [InlineData("Can stem cells help multiple sclerosis?", "and what about lupus?", "Can stem cells help lupus?")]
    [InlineData("Can stem cells help multiple sclerosis?", "and the risks?", "the risks of stem cell therapy for multiple sclerosis?")]
    [InlineData("What is a clinical trial?", "how would I find one?", "how would I find a stem cell clinical trial?")]
    [InlineData("How much does stem cell therapy cost?", "is it covered?", "is stem cell therapy covered?")]
    [InlineData("Can stem cells help lupus?", "what have the studies found so far?", "what have the studies found so far about stem cell therapy for lupus?")]
    [InlineData("What is HSCT?", "is it safe for lupus?", "is HSCT safe for lupus?")]
    public void Resolve_FollowUp_ResolvedWithThePreviousTopic(string previous, string message, string expected)
    {
        var followUp = FollowUpResolver.Resolve(message, [Turn(previous)]);

        Assert.Equal(FollowUpKind.Resolved, followUp.Kind);
        Assert.Equal(expected, followUp.Question);
    }

    [Theory]
    [InlineData("Can stem cells help multiple sclerosis?", "What is HSCT for lupus?")]
    [InlineData("Can stem cells help multiple sclerosis?", "what's the weather going to be like tomorrow")]
    [InlineData("Can stem cells help multiple sclerosis?", "what is the stock price of apple")]
    [InlineData("Can stem cells help multiple sclerosis?", "thanks!")]
    [InlineData("Can stem cells help multiple sclerosis?", "How can I tell if a stem cell clinic is unproven?")]
    public void Resolve_SelfContainedOffTopicOrSmallTalk_LeftAlone(string previous, string message)
    {
        var followUp = FollowUpResolver.Resolve(message, [Turn(previous)]);

        Assert.Equal(FollowUpKind.Alone, followUp.Kind);
        Assert.Equal(message, followUp.Question);
    }

    [Theory]
    [InlineData("is it painful?")]
    [InlineData("how much does it cost?")]
    [InlineData("is it safe?")]
    public void Resolve_PointsAtATopicWithNoContext_Ambiguous(string message)
    {
        Assert.Equal(FollowUpKind.Ambiguous, FollowUpResolver.Resolve(message, []).Kind);
    }

    [Theory]
    [InlineData("Can stem cells help lupus?")]
    [InlineData("what's the weather like")]
    [InlineData("hi there")]
    public void Resolve_NamesItsTopicOrNoneWithNoContext_Alone(string message)
    {
        Assert.Equal(FollowUpKind.Alone, FollowUpResolver.Resolve(message, []).Kind);
    }

    [Fact]
    public void Resolve_PreviousTurnWasASafetyReply_ItsTopicIsNotInherited()
    {
        var safety = new ConversationTurn("I have chest pain after my MS transplant", "I have chest pain after my MS transplant", [], AnswerKind.Safety, QaBot.Answering.Safety.SafetyCategory.Emergency, DateTimeOffset.UnixEpoch);

        Assert.Equal(FollowUpKind.Ambiguous, FollowUpResolver.Resolve("is it safe?", [safety]).Kind);
    }

    [Fact]
    public void Broader_FollowUpOnAConditionTopic_ResolvedWithTheSubjectAlone()
    {
        var followUp = FollowUpResolver.Resolve("is it safe though?", [Turn("Can stem cells help multiple sclerosis?")]);

        var broader = FollowUpResolver.Broader(followUp);

        Assert.Equal("is stem cell therapy safe though?", broader?.Question);
    }

    [Fact]
    public void Broader_MessageNamingItsSubjectWithAPronoun_PronounStandsForTheSubjectAlone()
    {
        var followUp = FollowUpResolver.Resolve("how would I find a trial for it?", [Turn("Can stem cells help lupus?")]);

        var broader = FollowUpResolver.Broader(followUp);

        Assert.Equal("how would I find a trial for stem cell therapy for lupus?", followUp.Question);
        Assert.Equal("how would I find a trial for stem cell therapy?", broader?.Question);
    }

    private static ConversationTurn Turn(string question) =>
        new(question, question, [], AnswerKind.Answered, null, DateTimeOffset.UnixEpoch);
}
