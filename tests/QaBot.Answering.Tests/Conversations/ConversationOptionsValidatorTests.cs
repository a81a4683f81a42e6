using QaBot.Answering.Conversations;

namespace QaBot.Answering.Tests.Conversations;

public sealed class ConversationOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_SucceedWithFiveTurnsAndFifteenMinutes()
    {
        var defaults = new ConversationOptions();

        Assert.True(new ConversationOptionsValidator().Validate(null, defaults).Succeeded);
        Assert.Equal((5, TimeSpan.FromMinutes(15)), (defaults.MaxTurns, defaults.Lifetime));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOneWithItsKey()
    {
        var options = new ConversationOptions { MaxTurns = 0, Lifetime = TimeSpan.Zero, MaxConversations = 0, MaxTurnChars = 5 };

        var result = new ConversationOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            ["QaBot:Conversations:MaxTurns", "QaBot:Conversations:Lifetime", "QaBot:Conversations:MaxConversations", "QaBot:Conversations:MaxTurnChars"],
            result.Failures!.Select(f => f[..f.IndexOf(' ', StringComparison.Ordinal)]));
    }
}
