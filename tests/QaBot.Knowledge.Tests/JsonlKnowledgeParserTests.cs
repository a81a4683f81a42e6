using QaBot.Knowledge.Files;

namespace QaBot.Knowledge.Tests;

public sealed class JsonlKnowledgeParserTests
{
    [Fact]
    public void Parse_ValidLines_ReadsAllFields()
    {
        const string content = """
            {"id": "p1", "title": "Lupus", "section": "Overview", "text": "Lupus is...", "url": "https://x.org", "source": "NIH", "tags": ["a", "b"]}

            {"id": "p2", "title": "MS", "text": "MS is..."}
            """;

        var result = JsonlKnowledgeParser.Parse("data/p.jsonl", new StringReader(content));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Passages.Count);
        var first = result.Passages[0];
        Assert.Equal(("p1", "Lupus", "Overview", "Lupus is...", "https://x.org", "NIH"), (first.Id, first.Title, first.Section, first.Text, first.Url, first.Source));
        Assert.Equal(["a", "b"], first.Tags);
        Assert.Equal(1, first.Line);
        Assert.Equal(3, result.Passages[1].Line);
        Assert.Equal("", result.Passages[1].Section);
    }

    [Theory]
    [InlineData("{\"id\": \"x\", \"title\": \"t\", ", "malformed JSON")]
    [InlineData("[1, 2]", "one JSON object")]
    [InlineData("{\"id\": \"x\", \"title\": \"t\"}", "text")]
    [InlineData("{\"title\": \"t\", \"text\": \"x\"}", "id")]
    [InlineData("{\"id\": \"x\", \"title\": \"  \", \"text\": \"x\"}", "title")]
    public void Parse_BadLine_ReportsFileAndLineAndKeepsTheRest(string badLine, string message)
    {
        var content = "{\"id\": \"ok1\", \"title\": \"t\", \"text\": \"x\"}\n" + badLine + "\n{\"id\": \"ok2\", \"title\": \"t\", \"text\": \"y\"}\n";

        var result = JsonlKnowledgeParser.Parse("p.jsonl", new StringReader(content));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("p.jsonl", 2), (error.File, error.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(["ok1", "ok2"], result.Passages.Select(p => p.Id));
    }

    [Fact]
    public void Parse_EmptyFile_IsAnError()
    {
        var result = JsonlKnowledgeParser.Parse("empty.jsonl", new StringReader("\n\n"));

        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains("empty", StringComparison.Ordinal));
    }
}
