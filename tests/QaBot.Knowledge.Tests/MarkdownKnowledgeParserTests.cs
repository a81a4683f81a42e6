using QaBot.Knowledge;
using QaBot.Knowledge.Files;

namespace QaBot.Knowledge.Tests;

public sealed class MarkdownKnowledgeParserTests
{
    private const string Good = """
        ---
        title: Lupus and stem cells
        source: "Adapted from an article: in our own words"
        url: https://example.org/lupus
        tags: [lupus, sle]
        reviewed: 2026-11-26
        language: en
        ---
        # Lupus and stem cells

        ## What is lupus (SLE)?
        Lupus is an **autoimmune** disease. See [the guide](https://example.org/guide).

        ## Can stem cells help?
        Studies report fewer flare-ups.

        - Better quality of life
        - Fewer symptoms
        """;

    [Fact]
    public void Parse_GoodFile_ReadsFrontMatterAndOnePassagePerSection()
    {
        var result = MarkdownKnowledgeParser.Parse("conditions/lupus.md", Good);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Passages.Count);
        var first = result.Passages[0];
        Assert.Equal("conditions/lupus#what-is-lupus-sle", first.Id);
        Assert.Equal("Lupus and stem cells", first.Title);
        Assert.Equal("What is lupus (SLE)?", first.Section);
        Assert.Equal("Lupus is an autoimmune disease. See the guide.", first.Text);
        Assert.Equal("https://example.org/lupus", first.Url);
        Assert.Equal("Adapted from an article: in our own words", first.Source);
        Assert.Equal(["lupus", "sle"], first.Tags);
        Assert.Equal(11, first.Line);
        Assert.Equal("conditions/lupus#can-stem-cells-help", result.Passages[1].Id);
        Assert.Contains("Better quality of life.", result.Passages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongSection_SplitsAtParagraphsWithNumberedIds()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("Stem cells can change into many cell types.", 8));
        var content = $"---\ntitle: Long\n---\n## Big section\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n";

        var result = MarkdownKnowledgeParser.Parse("long.md", content, maxPassageChars: 400);

        Assert.Equal(["long#big-section", "long#big-section-2", "long#big-section-3"], result.Passages.Select(p => p.Id));
        Assert.All(result.Passages, p => Assert.True(p.Text.Length <= 400));
        Assert.All(result.Passages, p => Assert.Equal("Big section", p.Section));
    }

    [Fact]
    public void Parse_SectionIdsStable_WhenOtherSectionsChange()
    {
        var before = MarkdownKnowledgeParser.Parse("a.md", "---\ntitle: A\n---\n## One\nx one.\n## Two\nx two.\n");
        var after = MarkdownKnowledgeParser.Parse("a.md", "---\ntitle: A\n---\n## Zero\nnew.\n## One\nx one changed.\n## Two\nx two.\n");

        Assert.Equal(before.Passages.Single(p => p.Section == "Two").Id, after.Passages.Single(p => p.Section == "Two").Id);
        Assert.Equal(before.Passages.Single(p => p.Section == "One").Id, after.Passages.Single(p => p.Section == "One").Id);
    }

    [Fact]
    public void Parse_HeadingInsideCodeFence_IsNotASection()
    {
        var result = MarkdownKnowledgeParser.Parse("f.md", "---\ntitle: F\n---\n## Real\ntext\n```\n## not a heading\n```\n");

        Assert.Single(result.Passages);
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("## No front matter\ntext", 1, "front matter")]
    [InlineData("---\ntitle: x\n## never closed\n", 1, "not closed")]
    [InlineData("---\nsource: someone\n---\n## S\ntext\n", 2, "no 'title'")]
    [InlineData("---\ntitle: [unclosed\n---\n## S\ntext\n", 2, "invalid YAML")]
    [InlineData("---\ntitle: T\n---\n", 4, "no text")]
    public void Parse_BrokenFile_ReportsErrorWithLineAndYieldsNothing(string content, int line, string message)
    {
        var result = MarkdownKnowledgeParser.Parse("bad.md", content);

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("bad.md", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Passages);
    }

    [Fact]
    public void Parse_UnknownFrontMatterKey_WarnsWithLineAndStillLoads()
    {
        var result = MarkdownKnowledgeParser.Parse("w.md", "---\ntitle: T\nauthor: me\n---\n## S\ntext\n");

        var warning = Assert.Single(result.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Equal(3, warning.Line);
        Assert.Contains("unknown front-matter key 'author'", warning.Message, StringComparison.Ordinal);
        Assert.Single(result.Passages);
    }

    [Fact]
    public void Parse_EmptySection_IsAnErrorButOtherSectionsLoad()
    {
        var result = MarkdownKnowledgeParser.Parse("e.md", "---\ntitle: T\n---\n## Empty\n\n## Full\ntext here\n");

        var error = Assert.Single(result.Diagnostics);
        Assert.True(error.IsError);
        Assert.Equal(4, error.Line);
        Assert.Contains("has no text", error.Message, StringComparison.Ordinal);
        Assert.Equal("e#full", Assert.Single(result.Passages).Id);
    }

    [Fact]
    public void Parse_DuplicateHeadingInFile_IsAnError()
    {
        var result = MarkdownKnowledgeParser.Parse("d.md", "---\ntitle: T\n---\n## Same\none\n## Same\ntwo\n");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(6, error.Line);
        Assert.Contains("duplicate section heading", error.Message, StringComparison.Ordinal);
        Assert.Single(result.Passages);
    }

    [Fact]
    public void Parse_BinaryContent_IsRejected()
    {
        var result = MarkdownKnowledgeParser.Parse("b.md", "---\0\u0001\u0002");

        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains("binary", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("What is stem cell therapy?", "what-is-stem-cell-therapy")]
    [InlineData("  Can stem cells help MS (multiple sclerosis)?  ", "can-stem-cells-help-ms-multiple-sclerosis")]
    [InlineData("Sjögren's syndrome", "sjogren-s-syndrome")]
    [InlineData("???", "section")]
    public void Slug_From_LowercasesAndJoinsWithDashes(string heading, string expected) =>
        Assert.Equal(expected, Slug.From(heading));
}
