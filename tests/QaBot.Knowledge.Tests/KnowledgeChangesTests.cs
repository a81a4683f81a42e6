using QaBot.Knowledge.Watching;

namespace QaBot.Knowledge.Tests;

public sealed class KnowledgeChangesTests
{
    private const string Root = "/srv/knowledge";
    private static readonly KnowledgeLoader Loader = new();
    private static readonly KnowledgeOptions Options = new();

    [Theory]
    [InlineData("lupus.md", true)]
    [InlineData("conditions/lupus.markdown", true)]
    [InlineData("imports/medquad.jsonl", true)]
    [InlineData("synonyms.txt", true)]
    [InlineData("conditions", true)] // a folder created, renamed or deleted with its files
    [InlineData("..data", true)] // a Kubernetes ConfigMap update
    [InlineData("tests/bundled.jsonl", false)]
    [InlineData("safety/exemplars.jsonl", false)] // the safety triage reloads its own examples
    [InlineData(".lupus.md.swp", false)]
    [InlineData("conditions/.#lupus.md", false)]
    [InlineData(".git/index", false)]
    [InlineData("lupus.md~", false)]
    [InlineData("#lupus.md#", false)]
    [InlineData("notes.txt", false)]
    [InlineData("..2026_11_26_10_00_00.123/lupus.md", false)]
    public void IsRelevant_PathUnderAKnowledgeFolder_OnlyKnowledgeChanges(string relative, bool expected) =>
        Assert.Equal(expected, KnowledgeChanges.IsRelevant(Loader, Options, Root, Path.Combine(Root, relative)));

    [Fact]
    public void IsRelevant_PathOutsideTheFolder_IsIgnored() =>
        Assert.False(KnowledgeChanges.IsRelevant(Loader, Options, Root, "/srv/other/lupus.md"));

    [Theory]
    [InlineData("/srv/import/passages.jsonl", true)]
    [InlineData("/srv/import/..data", true)]
    [InlineData("/srv/import/other.jsonl", false)]
    public void IsRelevantToFile_NeighbourOfAConfiguredFile_OnlyTheFileOrASwap(string path, bool expected) =>
        Assert.Equal(expected, KnowledgeChanges.IsRelevantToFile("/srv/import/passages.jsonl", path));
}
