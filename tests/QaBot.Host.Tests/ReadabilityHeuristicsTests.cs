using QaBot.Host.Evaluation;

namespace QaBot.Host.Tests;

public sealed class ReadabilityHeuristicsTests
{
    private readonly ReadabilityHeuristics check = new();

    [Fact]
    public void Check_WholeSentencesWithDirectNo_HasNoProblem()
    {
        var problems = check.Check("No. No stem cell therapy is approved by the FDA for lupus [1]. It is given in clinical trials [2].");

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("The three main kinds are: [1]")]
    [InlineData("Stem cells are studied in lupus. better quality of life [1].")]
    [InlineData("Because of this, doctors are careful [1].")]
    [InlineData("Stem cells are studied in lupus [1]. There they [2].")]
    [InlineData("Stem cells are studied in lupus [1]. No. [2]")]
    public void Check_Fragment_IsFound(string text)
    {
        Assert.Contains(check.Check(text), p => p.Kind == ReadabilityProblem.Fragment);
    }

    [Fact]
    public void Check_ListKeptWholeWithItsHeader_HasNoProblem()
    {
        var problems = check.Check("A clinic is likely unproven if it sells to patients directly. Warning signs include:\n- The clinic promises a cure.\n- It asks for payment up front. [1]");

        Assert.Empty(problems);
    }

    [Fact]
    public void Check_ListItemsWithoutTheirHeader_AreFragments()
    {
        var problems = check.Check("A clinic is likely unproven if it sells to patients directly.\n- The clinic promises a cure. [1]");

        Assert.Contains(problems, p => p.Kind == ReadabilityProblem.Fragment);
    }

    [Fact]
    public void Check_SameSentenceTwice_IsRepeated()
    {
        var problems = check.Check("Patients reported a better quality of life after treatment [1]. Patients reported a better quality of life after the treatment [2].");

        var problem = Assert.Single(problems);
        Assert.Equal(ReadabilityProblem.Repeated, problem.Kind);
        Assert.StartsWith("Patients reported", problem.Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Stem cells can become many kinds of cells and are studied in…")]
    [InlineData("Stem cells can become many kinds of cells and are studied in [1]")]
    public void Check_CutText_IsFound(string text)
    {
        Assert.Contains(check.Check(text), p => p.Kind == ReadabilityProblem.Cut);
    }
}
