namespace QaBot.Answering.Tests;

public sealed class AnswerReadabilityTests
{
    [Theory]
    [InlineData("Stem cell therapy is studied in trials. It is not yet standard. [1]")]
    [InlineData("Warning signs:\n- it promises a cure;\n- it is not a trial. [1] Ask your doctor about any offer. [2]")]
    [InlineData("No. No stem cell therapy is approved for lupus. [1]")]
    public void Check_WholeText_HasNoProblems(string text) => Assert.Empty(AnswerReadability.Check(text));

    [Theory]
    [InlineData("The three main kinds are: [1]", ReadabilityProblemKind.Fragment)]
    [InlineData("Stem cells are studied. [1] embryonic stem cells; [2]", ReadabilityProblemKind.Fragment)]
    [InlineData("Because of this, stem cells may mend joints. [1]", ReadabilityProblemKind.Fragment)]
    [InlineData("Stem cells may help lupus. [1] There they can help joints heal. [2]", ReadabilityProblemKind.Fragment)]
    [InlineData("Stem cells may help lupus. [1] No. [2]", ReadabilityProblemKind.Fragment)]
    [InlineData("People with lupus reported a much better quality of life after stem cell treatment. [1] After stem cell treatment, people with lupus reported a better quality of life. [2]", ReadabilityProblemKind.Repeated)]
    [InlineData("Stem cell therapy may help some people with severe lupus, but it is…", ReadabilityProblemKind.Cut)]
    [InlineData("Stem cell therapy may help some people with sev [1]", ReadabilityProblemKind.Cut)]
    public void Check_BrokenText_ReportsTheProblem(string text, ReadabilityProblemKind kind) =>
        Assert.Contains(AnswerReadability.Check(text), p => p.Kind == kind);

    [Theory]
    [InlineData("is stem cell therapy approved for MS?", true)]
    [InlineData("will stem cells cure my RA", true)]
    [InlineData("is it safe?", true)]
    [InlineData("how does stem cell therapy work?", false)]
    [InlineData("what is HSCT?", false)]
    public void NeedsCaveat_WhetherItWorksQuestions_AreRecognised(string question, bool expected) =>
        Assert.Equal(expected, AnswerReadability.NeedsCaveat(question));

    [Fact]
    public void Check_SafetyReply_IsNotChecked()
    {
        var answer = new Answer { Kind = AnswerKind.Safety, Text = "please call 988", Reminder = "r" };

        Assert.Empty(AnswerReadability.Check(answer));
    }
}
