using QaBot.Knowledge.Files;

namespace QaBot.Knowledge.Tests;

public sealed class SynonymsParserTests
{
    [Fact]
    public void Parse_SolrFormat_ReadsGroupsAndMappings()
    {
        var (rules, diagnostics) = SynonymsParser.Parse("synonyms.txt", "# c\n\nMS, Multiple Sclerosis\nsle, lupus, systemic lupus erythematosus\nrhuematoid => rheumatoid\n");

        Assert.Empty(diagnostics);
        Assert.Equal(3, rules.Count);
        Assert.Equal(["ms", "multiple sclerosis"], rules[0].Inputs);
        Assert.Equal(rules[0].Inputs, rules[0].Outputs);
        Assert.Equal(["rhuematoid"], rules[2].Inputs);
        Assert.Equal(["rheumatoid"], rules[2].Outputs);
        Assert.Equal(5, rules[2].Line);
    }

    [Theory]
    [InlineData("a => b => c", true)]
    [InlineData(" => b", true)]
    [InlineData("lonely", false)]
    public void Parse_BadLine_ReportsItsLine(string line, bool isError)
    {
        var (rules, diagnostics) = SynonymsParser.Parse("s.txt", "ok, fine\n" + line + "\n");

        Assert.Single(rules);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((2, isError), (diagnostic.Line, diagnostic.IsError));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n")]
    public void Parse_EmptyFile_IsAnError(string content)
    {
        var (rules, diagnostics) = SynonymsParser.Parse("synonyms.txt", content);

        Assert.Empty(rules);
        var error = Assert.Single(diagnostics);
        Assert.Equal((1, true, "the file is empty"), (error.Line, error.IsError, error.Message));
    }
}
