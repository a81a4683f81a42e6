using QaBot.Teams.Tests.Infrastructure;

namespace QaBot.Teams.Tests;

/// <summary>The whole moderators' workflow in the real host: a file is edited, the watcher reloads, the channel is told.</summary>
public sealed class ModeratorChannelTests
{
    [Fact]
    public async Task EditedFile_BreaksThenIsFixed_TheModeratorsConversationIsToldBothWithoutAnyCommand()
    {
        var host = new ModeratorHost(watch: true);
        await host.InitializeAsync();
        try
        {
            host.Knowledge.Write("lupus.md", KnowledgeFolder.NoTitle);
            var broken = await host.PostToModeratorsAsync(r => Heading(r) == "2 new knowledge problems");
            host.Knowledge.Write("lupus.md", KnowledgeFolder.Lupus);
            var fixedPost = await host.PostToModeratorsAsync(r => Heading(r) == "Knowledge problems fixed");

            var brokenTexts = Texts(broken).ToList();
            Assert.Contains("`lupus.md:2` error: " + KnowledgeFolder.NoTitleProblem, brokenTexts);
            Assert.Contains(brokenTexts, t => t.StartsWith("`lupus.md:", StringComparison.Ordinal) && t.Contains("last good version", StringComparison.Ordinal));
            Assert.Contains("`lupus.md:2` error: " + KnowledgeFolder.NoTitleProblem, Texts(fixedPost));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static string? Heading(RecordedRequest request) => (string?)request.Card?["body"]?[0]?["text"];

    private static IEnumerable<string> Texts(RecordedRequest request) =>
        request.Card!.SelectTokens("$..text").Select(t => (string?)t ?? "");
}
