using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using QaBot.Answering;
using QaBot.Knowledge;

namespace QaBot.Moderation.Tests;

/// <summary>The moderators' commands on a real knowledge folder: what status and reload say, and that nothing throws at the moderator.</summary>
public sealed class ModeratorCommandsTests : IDisposable
{
    private static readonly string Reminder = new AnsweringOptions().Reminder;
    private readonly KnowledgeFolder folder = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly KnowledgeBase knowledge;

    public ModeratorCommandsTests()
    {
        knowledge = new KnowledgeBase(Options.Create(new KnowledgeOptions { Paths = [folder.Path] }), time);
    }

    public void Dispose()
    {
        knowledge.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task StatusAsync_ABrokenFile_CountsEverythingAndListsTheProblemWithItsFileAndLine()
    {
        folder.Write("broken.md", KnowledgeFolder.NoTitle);
        _ = knowledge.Current;
        time.Advance(TimeSpan.FromMinutes(5));

        var reply = await Commands(knowledge).StatusAsync(CancellationToken.None);

        Assert.Equal("Knowledge status", reply.Title);
        Assert.Equal(
            ["**1** passages from **2 files**; 1 error, 0 warnings", "Last reload: 2026-11-26 09:00 UTC (5 min ago)", "Embeddings: off: embeddings are disabled"],
            reply.Lines);
        Assert.Equal(["`broken.md:2` error: " + KnowledgeFolder.NoTitleProblem], reply.Fields.Single(f => f.Name == "Problems").Lines);
        Assert.Contains("`lupus.md` (markdown): 1 passage", reply.Fields.Single(f => f.Name == "Files").Lines);
        Assert.True(reply.IsError);
        Assert.Equal(Reminder, reply.Reminder);
    }

    [Fact]
    public async Task StatusAsync_NoProblems_IsNotAnErrorAndHasNoProblemsBlock()
    {
        _ = knowledge.Current;
        var reply = await Commands(knowledge).StatusAsync(CancellationToken.None);

        Assert.False(reply.IsError);
        Assert.DoesNotContain(reply.Fields, f => f.Name == "Problems");
    }

    [Fact]
    public async Task StatusAsync_SixtyBrokenFiles_ListsFiftyProblemsAndSaysHowManyMore()
    {
        for (var i = 0; i < 60; i++)
        {
            folder.Write($"broken-{i:D2}.md", KnowledgeFolder.NoTitle);
        }

        _ = knowledge.Current;
        var reply = await Commands(knowledge).StatusAsync(CancellationToken.None);

        var problems = reply.Fields.Single(f => f.Name == "Problems").Lines;
        Assert.Equal(51, problems.Count);
        Assert.StartsWith("… and 10 more", problems[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReloadAsync_OneFileBrokeAnotherWasFixed_ServesTheNewFilesAndListsNewAndFixedProblems()
    {
        folder.Write("old.md", KnowledgeFolder.NoTitle);
        var before = knowledge.Current;
        folder.Write("old.md", KnowledgeFolder.Lupus.Replace("lupus", "scleroderma", StringComparison.Ordinal));
        folder.Write("new.md", KnowledgeFolder.NoTitle);

        var reply = await Commands(knowledge).ReloadAsync(CancellationToken.None);

        Assert.NotSame(before, knowledge.Current);
        Assert.Equal("Knowledge reloaded", reply.Title);
        Assert.StartsWith("**2** passages from **3 files** (before: 1), in ", reply.Lines[0], StringComparison.Ordinal);
        Assert.Equal(["`new.md:2` error: " + KnowledgeFolder.NoTitleProblem], reply.Fields.Single(f => f.Name == "New problems").Lines);
        Assert.Equal(["`old.md:2` error: " + KnowledgeFolder.NoTitleProblem], reply.Fields.Single(f => f.Name == "Fixed").Lines);
        Assert.True(reply.IsError);
    }

    [Fact]
    public async Task ReloadAsync_ReloadCannotFinish_RepliesWithTheReasonAndThatTheOldKnowledgeIsServed()
    {
        _ = knowledge.Current;
        var failing = new Mock<IKnowledgeBase>();
        failing.Setup(k => k.Status).Returns(knowledge.Status with { LastFailure = "IOException: the disk went away" });
        failing.Setup(k => k.ReloadAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new KnowledgeReloadException("could not reload"));

        var reply = await Commands(failing.Object).ReloadAsync(CancellationToken.None);

        Assert.Equal("Reload failed", reply.Title);
        Assert.True(reply.IsError);
        Assert.Equal("The knowledge files could not be read again: IOException: the disk went away", reply.Lines[0]);
        Assert.Equal("The knowledge loaded 2026-11-26 09:00 UTC (just now) is still served.", reply.Lines[1]);
        Assert.Equal(Reminder, reply.Reminder);
    }

    [Fact]
    public async Task StatusAsync_BeforeTheFirstLoad_SaysSoWithoutLoading()
    {
        var reply = await Commands(knowledge).StatusAsync(CancellationToken.None);

        Assert.Equal("The knowledge is not loaded yet.", reply.Lines[0]);
        Assert.False(knowledge.Status.IsLoaded);
    }

    [Fact]
    public async Task StatusAsync_AFileBrokeAfterItWasGood_SaysItsLastGoodVersionIsServed()
    {
        _ = knowledge.Current;
        time.Advance(TimeSpan.FromHours(1));
        folder.Write("lupus.md", KnowledgeFolder.NoTitle);
        await knowledge.ReloadAsync(CancellationToken.None);

        var reply = await Commands(knowledge).StatusAsync(CancellationToken.None);

        Assert.StartsWith("**1** passages", reply.Lines[0], StringComparison.Ordinal);
        Assert.Contains("`lupus.md` (markdown): 1 passage, 1 error, serving the last good version from 2026-11-26 09:00 UTC (1 hour ago)", reply.Fields.Single(f => f.Name == "Files").Lines);
        Assert.Contains("`lupus.md:2` error: " + KnowledgeFolder.NoTitleProblem, reply.Fields.Single(f => f.Name == "Problems").Lines);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    [InlineData(-7)]
    public async Task GapsAndFeedback_DaysOutOfRange_SayWhichDaysWork(int days)
    {
        var commands = Commands(knowledge);

        var gaps = await commands.GapsAsync(days, CancellationToken.None);
        var feedback = await commands.FeedbackAsync(days, CancellationToken.None);

        Assert.All([gaps, feedback], reply =>
        {
            Assert.True(reply.IsError);
            Assert.Equal($"Days go from 1 to 90 (you asked for {days}).", Assert.Single(reply.Lines));
            Assert.Equal(Reminder, reply.Reminder);
        });
    }

    [Fact]
    public void Help_WithAProblem_PutsTheProblemFirstAndListsEveryCommand()
    {
        var reply = Commands(knowledge).Help("I don't know the command \"kb wipe\".");

        Assert.True(reply.IsError);
        Assert.Equal("I don't know the command \"kb wipe\".", reply.Lines[0]);
        Assert.All(["`kb status`", "`kb reload`", "`kb gaps [days]`", "`kb feedback [days]`"], command =>
            Assert.Contains(reply.Lines, l => l.StartsWith(command, StringComparison.Ordinal)));
    }

    private ModeratorCommands Commands(IKnowledgeBase knowledgeBase) =>
        new(knowledgeBase, Options.Create(new AnsweringOptions()), time, NullLogger<ModeratorCommands>.Instance);
}
