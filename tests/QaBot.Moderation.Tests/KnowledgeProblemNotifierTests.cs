using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using QaBot.Answering;
using QaBot.Knowledge;

namespace QaBot.Moderation.Tests;

/// <summary>What the moderators' channels are told after reloads: news only, coalesced, rate-limited, failures contained.</summary>
public sealed class KnowledgeProblemNotifierTests : IAsyncDisposable
{
    private static readonly KnowledgeDiagnostic NoTitle = KnowledgeDiagnostic.Error("conditions/lupus.md", 2, "the front matter has no 'title'");
    private static readonly KnowledgeDiagnostic BadLine = KnowledgeDiagnostic.Error("imports/faq.jsonl", 14, "malformed JSON");
    private static readonly string Reminder = new AnsweringOptions().Reminder;

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IKnowledgeBase> knowledge = new();
    private readonly RecordingChannel discord = new("discord");
    private readonly RecordingChannel teams = new("teams");
    private readonly FakeLogCollector logs = new();
    private KnowledgeProblemNotifier? notifier;

    public KnowledgeProblemNotifierTests()
    {
        knowledge.Setup(k => k.Status).Returns(KnowledgeStatus.NotLoaded);
    }

    public async ValueTask DisposeAsync()
    {
        if (notifier is not null)
        {
            await notifier.StopAsync(CancellationToken.None);
            notifier.Dispose();
        }
    }

    [Fact]
    public async Task Reload_WithANewProblem_PostsItToEveryChannelAfterTheDelayWithTheReminder()
    {
        await StartAsync(discord, teams);

        Reload([NoTitle], added: [NoTitle]);
        await AdvanceUntilAsync(() => discord.Posts.Count == 1 && teams.Posts.Count == 1);

        var post = discord.Posts.Single();
        Assert.Same(post, teams.Posts.Single());
        Assert.Equal("1 new knowledge problem", post.Title);
        Assert.Equal(["`conditions/lupus.md:2` error: the front matter has no 'title'"], post.Fields.Single(f => f.Name == "New problems").Lines);
        Assert.StartsWith("**3** passages from **2 files**; 1 error", post.Lines[0], StringComparison.Ordinal);
        Assert.True(post.IsError);
        Assert.Equal(Reminder, post.Reminder);
        Assert.True(time.GetUtcNow() >= Start + TimeSpan.FromSeconds(10), "posted before the delay");
    }

    [Fact]
    public async Task Reload_WithNothingNew_PostsNothingMore()
    {
        await StartAsync(discord);
        Reload([NoTitle], added: [NoTitle]);
        await AdvanceUntilAsync(() => discord.Posts.Count == 1);

        Reload([NoTitle], added: []);                       // no news: not even a check
        Reload([NoTitle], added: [NoTitle], resolved: [NoTitle]); // news, but the same problems as told
        var checks = notifier!.Checks;
        await AdvanceUntilAsync(() => notifier.Checks > checks);
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Single(discord.Posts);
    }

    [Fact]
    public async Task Burst_FileBrokenThenFixedBeforeThePost_PostsNothing()
    {
        await StartAsync(discord);

        Reload([NoTitle], added: [NoTitle]);
        time.Advance(TimeSpan.FromSeconds(3));
        Reload([], added: [], resolved: [NoTitle]);
        await AdvanceUntilAsync(() => notifier!.Checks >= 1);

        Assert.Empty(discord.Posts);
    }

    [Fact]
    public async Task Flapping_AFileBreakingAndHealingEverySecondForTwoMinutes_PostsAtMostOncePerInterval()
    {
        await StartAsync(discord);

        for (var second = 0; second < 120; second++)
        {
            var broken = second % 2 == 0;
            Reload(broken ? [NoTitle] : [], added: broken ? [NoTitle] : [], resolved: broken ? [] : [NoTitle]);
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        // Posts can start 10 s in and come 60 s apart: 2 at most in 120 s (a post per reload would be 120).
        Assert.InRange(discord.Posts.Count, 0, 2);
        Reload([NoTitle], added: [NoTitle]);
        await AdvanceUntilAsync(() => discord.Posts.Count >= 1 && notifier!.Checks >= 1);
    }

    [Fact]
    public async Task Reload_ProblemFixed_PostsItAsFixed()
    {
        await StartAsync(discord);
        Reload([NoTitle, BadLine], added: [NoTitle, BadLine]);
        await AdvanceUntilAsync(() => discord.Posts.Count == 1);

        Reload([BadLine], added: [], resolved: [NoTitle]);
        await AdvanceUntilAsync(() => discord.Posts.Count == 2);

        var post = discord.Posts[1];
        Assert.Equal("Knowledge problems fixed", post.Title);
        Assert.Equal(["`conditions/lupus.md:2` error: the front matter has no 'title'"], post.Fields.Single(f => f.Name == "Fixed").Lines);
        Assert.DoesNotContain(post.Fields, f => f.Name == "New problems");
        Assert.False(post.IsError);
        Assert.True(time.GetUtcNow() >= Start + TimeSpan.FromMinutes(1), "two posts within one interval");
    }

    [Fact]
    public async Task Reload_CannotFinish_PostsTheFailureOnceAndThatTheOldKnowledgeIsServed()
    {
        await StartAsync(discord);

        Fail("IOException: the disk went away");
        await AdvanceUntilAsync(() => discord.Posts.Count == 1);
        Fail("IOException: the disk went away");
        var checks = notifier!.Checks;
        await AdvanceUntilAsync(() => notifier.Checks > checks);

        var post = Assert.Single(discord.Posts);
        Assert.Equal("Knowledge reload failed", post.Title);
        Assert.Contains(post.Lines, l => l.Contains("could not finish: IOException: the disk went away", StringComparison.Ordinal));
        Assert.Contains("The knowledge loaded 2026-11-26 08:00 UTC", string.Join('\n', post.Lines), StringComparison.Ordinal);
        Assert.True(post.IsError);
    }

    [Fact]
    public async Task Post_ChannelFails_IsLoggedWithoutTextDoesNotThrowAndOtherChannelsStillGetIt()
    {
        var failing = new RecordingChannel("teams") { Failure = new HttpRequestException("503 from https://smba.example/ with secret text") };
        await StartAsync(failing, discord);

        Reload([NoTitle], added: [NoTitle]);
        await AdvanceUntilAsync(() => discord.Posts.Count == 1);
        Reload([NoTitle, BadLine], added: [BadLine]);
        await AdvanceUntilAsync(() => discord.Posts.Count == 2);

        var failures = logs.GetSnapshot().Where(l => l.Id.Id == 9103).ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, l => Assert.Equal("Could not post knowledge problems to the moderators' channel on teams (HttpRequestException); answering is not affected", l.Message));
        Assert.All(failures, l => Assert.Null(l.Exception));
        Assert.DoesNotContain(logs.GetSnapshot(), l => l.Message.Contains("lupus", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_KnowledgeAlreadyLoadedWithProblems_PostsThemOnce()
    {
        knowledge.Setup(k => k.Status).Returns(Status([NoTitle]));

        await StartAsync(discord);
        await AdvanceUntilAsync(() => discord.Posts.Count == 1);

        Assert.Equal("1 new knowledge problem", discord.Posts[0].Title);
    }

    [Fact]
    public async Task Start_NoChannelConfigured_DoesNotSubscribe()
    {
        await StartAsync();

        knowledge.VerifyAdd(k => k.Reloaded += It.IsAny<EventHandler<KnowledgeReloadedEventArgs>>(), Times.Never);
    }

    [Fact]
    public async Task Reload_EveryKnowledgeFileDeleted_PostsThatTheKnowledgeIsEmptyAsAnError()
    {
        var folder = Path.Combine(Path.GetTempPath(), "qabot-notifier-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "lupus.md"), "---\ntitle: Lupus\n---\n## What is lupus?\nLupus is an autoimmune disease.\n");
            using var real = new KnowledgeBase(Options.Create(new KnowledgeOptions { Paths = [folder] }), time);
            Assert.Single(real.Current.Passages);
            var logger = new FakeLogger<KnowledgeProblemNotifier>(logs);
            notifier = new KnowledgeProblemNotifier(real, [discord], Options.Create(new ModerationOptions()), Options.Create(new AnsweringOptions()), time, logger);
            await notifier.StartAsync(CancellationToken.None);

            File.Delete(Path.Combine(folder, "lupus.md"));
            await real.ReloadAsync(CancellationToken.None);
            await AdvanceUntilAsync(() => discord.Posts.Count == 1);

            var post = discord.Posts.Single();
            Assert.True(post.IsError);
            Assert.Contains(post.Fields.Single(f => f.Name == "New problems").Lines, l => l.Contains("the knowledge is empty", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static DateTimeOffset Start => new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private async Task StartAsync(params RecordingChannel[] channels)
    {
        var logger = new FakeLogger<KnowledgeProblemNotifier>(logs);
        notifier = new KnowledgeProblemNotifier(
            knowledge.Object, channels, Options.Create(new ModerationOptions()), Options.Create(new AnsweringOptions()), time, logger);
        await notifier.StartAsync(CancellationToken.None);
    }

    private KnowledgeStatus Status(IReadOnlyList<KnowledgeDiagnostic> problems, string? failure = null) => new()
    {
        Files = [new KnowledgeFileSummary("conditions/lupus.md", "markdown", 2, 0, 0), new KnowledgeFileSummary("imports/faq.jsonl", "jsonl", 1, 0, 0)],
        Passages = 3,
        Problems = problems,
        Embeddings = "off",
        LastReloadAt = Start.AddHours(-1),
        LastAttemptAt = time.GetUtcNow(),
        LastFailure = failure,
    };

    private void Reload(IReadOnlyList<KnowledgeDiagnostic> problems, IReadOnlyList<KnowledgeDiagnostic> added, IReadOnlyList<KnowledgeDiagnostic>? resolved = null) =>
        knowledge.Raise(k => k.Reloaded += null, new KnowledgeReloadedEventArgs
        {
            Status = Status(problems),
            NewProblems = added,
            ResolvedProblems = resolved ?? [],
        });

    private void Fail(string reason) =>
        knowledge.Raise(k => k.Reloaded += null, new KnowledgeReloadedEventArgs
        {
            Status = Status([], reason),
            NewProblems = [],
            ResolvedProblems = [],
            Exception = new IOException(reason),
        });

    /// <summary>Moves the fake clock a second at a time until <paramref name="condition"/> holds (at most 10 real seconds).</summary>
    private async Task AdvanceUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never held");
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }
    }

    private sealed class RecordingChannel(string platform) : IModeratorChannel
    {
        private readonly ConcurrentQueue<ModeratorReply> posts = new();

        public string Platform => platform;

        public Exception? Failure { get; init; }

        public IReadOnlyList<ModeratorReply> Posts => [.. posts];

        public Task PostAsync(ModeratorReply message, CancellationToken cancellationToken)
        {
            if (Failure is not null)
            {
                throw Failure;
            }

            posts.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
