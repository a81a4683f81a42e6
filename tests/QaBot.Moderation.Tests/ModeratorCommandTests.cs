namespace QaBot.Moderation.Tests;

/// <summary>Reading chat text as a moderator command (Teams), forgiving about case, slashes, punctuation and units.</summary>
public sealed class ModeratorCommandTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("what is kb?")]
    [InlineData("kbstatus")]
    [InlineData("//kb status")]
    [InlineData("can stem cells help lupus?")]
    public void TryParse_TextNotStartingWithTheWordKb_IsNoCommand(string text)
    {
        Assert.False(ModeratorCommand.TryParse(text, out var command));
        Assert.Null(command);
    }

    [Theory]
    [InlineData("kb status", ModeratorAction.Status, null)]
    [InlineData("KB Reload!", ModeratorAction.Reload, null)]
    [InlineData("/kb gaps 14", ModeratorAction.Gaps, 14)]
    [InlineData("kb gaps 14d", ModeratorAction.Gaps, 14)]
    [InlineData("kb  gaps\u00A030 days", ModeratorAction.Gaps, 30)]
    [InlineData("kb feedback", ModeratorAction.Feedback, null)]
    [InlineData("kb feedback 1 day", ModeratorAction.Feedback, 1)]
    [InlineData("kb gaps 500", ModeratorAction.Gaps, 500)]
    [InlineData("kb", ModeratorAction.Help, null)]
    [InlineData("kb help", ModeratorAction.Help, null)]
    public void TryParse_ACommand_ReadsTheActionAndDays(string text, ModeratorAction action, int? days)
    {
        Assert.True(ModeratorCommand.TryParse(text, out var command));

        Assert.Equal(new ModeratorCommand(action, days), command);
    }

    [Theory]
    [InlineData("kb gaps soon", "takes a number of days from 1 to 90")]
    [InlineData("kb gaps -3", "takes a number of days from 1 to 90")]
    [InlineData("kb feedback 7 weeks", "takes a number of days from 1 to 90")]
    [InlineData("kb status now", "\"kb status\" takes no further words")]
    [InlineData("kb wipe", "I don't know the command \"kb wipe\"")]
    public void TryParse_AKbCommandThatCannotBeRead_IsHelpWithTheProblem(string text, string problem)
    {
        Assert.True(ModeratorCommand.TryParse(text, out var command));

        Assert.Equal(ModeratorAction.Help, command.Action);
        Assert.Contains(problem, command.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 7)]
    [InlineData(1, 1)]
    [InlineData(90, 90)]
    [InlineData(0, null)]
    [InlineData(91, null)]
    public void EffectiveDays_DefaultAndRange(int? days, int? expected) =>
        Assert.Equal(expected, ModeratorCommand.EffectiveDays(days));
}
