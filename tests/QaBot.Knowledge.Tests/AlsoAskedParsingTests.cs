using QaBot.Knowledge.Files;

namespace QaBot.Knowledge.Tests;

/// <summary>Alternate questions: the <c>Also asked:</c> line of a Markdown section and the <c>also_asked</c> of a JSONL line.</summary>
public sealed class AlsoAskedParsingTests
{
    private const string Hype = """
        ---
        title: The basics
        ---
        ## Is stem cell therapy just hype?
        No. Researchers are studying it seriously, but most uses are still experimental.
        also ASKED: is it all hype? |  does stem cell therapy really work?|is it all hype?

        ## What are stem cells?
        Stem cells are cells that can become other kinds of cells.
        """;

    [Fact]
    public void Parse_AlsoAskedLine_GivesTheSectionItsQuestionsAndIsNotText()
    {
        var result = MarkdownKnowledgeParser.Parse("overview.md", Hype);

        Assert.Empty(result.Diagnostics);
        var hype = result.Passages[0];
        Assert.Equal("overview#is-stem-cell-therapy-just-hype", hype.Id);
        Assert.Equal(["is it all hype?", "does stem cell therapy really work?"], hype.AlsoAsked);
        Assert.DoesNotContain("asked", hype.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("No. Researchers are studying it seriously, but most uses are still experimental.", hype.Text);
        Assert.Empty(result.Passages[1].AlsoAsked);
    }

    [Fact]
    public void Parse_EmptyAlsoAskedLine_WarnsWithItsLine()
    {
        var content = "---\ntitle: T\n---\n## Q?\nAn answer.\nAlso asked:   \n";

        var result = MarkdownKnowledgeParser.Parse("f.md", content);

        var warning = Assert.Single(result.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Equal(6, warning.Line);
        Assert.Contains("Also asked:", warning.Message, StringComparison.Ordinal);
        Assert.Equal("An answer.", Assert.Single(result.Passages).Text);
    }

    [Fact]
    public void Parse_AlsoAskedInsideCodeFence_IsText()
    {
        var content = "---\ntitle: T\n---\n## Q?\n```\nAlso asked: not a marker\n```\n";

        var passage = Assert.Single(MarkdownKnowledgeParser.Parse("f.md", content).Passages);

        Assert.Empty(passage.AlsoAsked);
        Assert.Contains("Also asked: not a marker", passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongSection_QuestionsGoToItsFirstPartOnly()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("Stem cells are studied in trials.", 20));
        var content = $"---\ntitle: T\n---\n## Q?\n{paragraph}\n\nAlso asked: a | b\n\n{paragraph}\n";

        var passages = MarkdownKnowledgeParser.Parse("f.md", content, maxPassageChars: 800).Passages;

        Assert.Equal(2, passages.Count);
        Assert.Equal(["a", "b"], passages[0].AlsoAsked);
        Assert.Empty(passages[1].AlsoAsked);
    }

    [Fact]
    public void ParseJsonl_AlsoAskedArray_IsRead_AndAnEmptyOneWarns()
    {
        var lines = string.Join('\n',
            """{"id":"p1","title":"T","text":"Some text.","also_asked":["is it safe?"," ","is it risky?"]}""",
            """{"id":"p2","title":"T","text":"Other text.","also_asked":[]}""");

        var result = JsonlKnowledgeParser.Parse("k.jsonl", new StringReader(lines));

        Assert.Equal(["is it safe?", "is it risky?"], result.Passages[0].AlsoAsked);
        Assert.Empty(result.Passages[1].AlsoAsked);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(2, warning.Line);
        Assert.False(warning.IsError);
    }

    [Fact]
    public void Format_Questions_IsTheLineTheParserReadsBack()
    {
        var line = AlsoAskedLine.Format(["is it all hype?", "cost | price?"]);

        Assert.True(AlsoAskedLine.TryParse(line, out var questions));
        Assert.Equal(["is it all hype?", "cost / price?"], questions);
        Assert.StartsWith("Also asked: ", line, StringComparison.Ordinal);
    }
}
