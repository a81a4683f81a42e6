using QaBot.Host.Evaluation;

namespace QaBot.Host.Tests;

public sealed class CaveatCuesTests
{
    [Theory]
    [InlineData("It is not approved by the FDA for MS.")]
    [InlineData("Early studies are hopeful; however, more research is needed.")]
    [InlineData("HSCT carries serious risks.")]
    [InlineData("It is given only in clinical trials.")]
    [InlineData("It is not a cure.")]
    public void HasCaveat_CautiousSentence_True(string text) => Assert.True(CaveatCues.HasCaveat(text));

    [Theory]
    [InlineData("Stem cell therapy has shown promise for MS and improved quality of life.")]
    [InlineData("")]
    public void HasCaveat_OnlyHopefulText_False(string text) => Assert.False(CaveatCues.HasCaveat(text));
}
