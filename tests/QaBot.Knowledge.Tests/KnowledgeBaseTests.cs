using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;
using QaBot.Knowledge.Embeddings;

namespace QaBot.Knowledge.Tests;

public sealed class KnowledgeBaseTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private readonly TempKnowledgeFolder folder = new();
    private readonly FakeTimeProvider time = new(Start);
    private readonly List<KnowledgeReloadedEventArgs> events = [];

    public void Dispose() => folder.Dispose();

    private KnowledgeBase Open(ITextEncoderSource? encoders = null, KnowledgeMetrics? metrics = null)
    {
        var knowledge = folder.Open(time, encoders, metrics);
        knowledge.Reloaded += (_, e) => events.Add(e);
        return knowledge;
    }

    private static string[] Ids(KnowledgeBase knowledge) => knowledge.Current.Passages.Select(p => p.Id).ToArray();

    private static string? TopHitFile(KnowledgeBase knowledge, string question)
    {
        var snapshot = knowledge.Current;
        return snapshot.Search(snapshot.Plan(question), 3).FirstOrDefault()?.Passage.File;
    }

    [Fact]
    public async Task ReloadAsync_FileBrokenAfterItLoaded_ServesItsLastGoodVersionAndReportsTheProblem()
    {
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease.")));
        folder.Write("ms.md", TempKnowledgeFolder.Markdown("MS", ("What is MS?", "Multiple sclerosis affects the nerves.")));
        using var knowledge = Open();
        Assert.Equal(2, knowledge.Current.Passages.Count);
        time.Advance(TimeSpan.FromMinutes(5));
        folder.Write("lupus.md", "---\ntitle: [oops\n---\n## What is lupus?\nLupus is an autoimmune disease.\n");

        await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal("lupus.md", TopHitFile(knowledge, "what is lupus"));
        var status = knowledge.Status;
        var file = status.Files.Single(f => f.File == "lupus.md");
        Assert.Equal((1, 1, Start), (file.Passages, file.Errors, file.ServingLastGoodSince));
        Assert.Contains(status.Problems, p => p.IsError && p.File == "lupus.md" && p.Line == 2 && p.Message.Contains("invalid YAML", StringComparison.Ordinal));
        Assert.Contains(status.Problems, p => p.File == "lupus.md" && p.Message.StartsWith("serving the last good version from 2026-11-26 10:00:00 UTC", StringComparison.Ordinal));
        Assert.Equal(Start.AddMinutes(5), status.LastReloadAt);
        Assert.Contains("1 file on the last good version", status.Summary, StringComparison.Ordinal);
        var reloaded = events[^1];
        Assert.True(reloaded.Succeeded);
        Assert.Equal(2, reloaded.NewProblems.Count); // the error and the "serving the last good version" note
        Assert.All(reloaded.NewProblems, p => Assert.Equal("lupus.md", p.File));
    }

    [Fact]
    public async Task ReloadAsync_BrokenFileFixed_ServesTheNewVersionAndReportsTheProblemResolved()
    {
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease.")));
        using var knowledge = Open();
        _ = knowledge.Current;
        folder.Write("lupus.md", "## no front matter\n");
        await knowledge.ReloadAsync(CancellationToken.None);
        var problems = knowledge.Status.Problems;
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease."), ("Lupus flares", "Flares come and go.")));

        await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal(["lupus#what-is-lupus", "lupus#lupus-flares"], Ids(knowledge));
        Assert.Empty(knowledge.Status.Problems);
        Assert.False(knowledge.Status.Files.Single().ServingLastGood);
        Assert.Empty(events[^1].NewProblems);
        Assert.Equal(problems, events[^1].ResolvedProblems);
        Assert.True(events[^1].HasNews);
    }

    [Fact]
    public async Task ReloadAsync_UnchangedBrokenFile_ReportsNoNewProblems()
    {
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease.")));
        using var knowledge = Open();
        _ = knowledge.Current;
        folder.Write("lupus.md", "");
        await knowledge.ReloadAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));

        await knowledge.ReloadAsync(CancellationToken.None);

        Assert.False(events[^1].HasNews);
        Assert.Contains(knowledge.Status.Problems, p => p.IsError && p.Message == "the file is empty");
        Assert.Equal(["lupus#what-is-lupus"], Ids(knowledge));
    }

    [Fact]
    public async Task ReloadAsync_JsonlFileWithABadLine_ServesTheWholeLastGoodVersion()
    {
        folder.Write("p.jsonl", "{\"id\": \"p1\", \"title\": \"A\", \"text\": \"first\"}\n{\"id\": \"p2\", \"title\": \"B\", \"text\": \"second\"}\n");
        using var knowledge = Open();
        _ = knowledge.Current;
        folder.Write("p.jsonl", "{\"id\": \"p1\", \"title\": \"A\", \"text\": \"first, edited\"}\n{\"id\": \"p2\", \"title\": \"B\", \"text\": \"second\"}\n{broken\n");

        await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal("first", knowledge.Current.FindPassage("p1")!.Text);
        Assert.Contains(knowledge.Status.Problems, p => (p.File, p.Line, p.IsError) == ("p.jsonl", 3, true) && p.Message.StartsWith("malformed JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReloadAsync_SynonymsFileEmptied_KeepsTheLastGoodSynonyms()
    {
        folder.Write("ms.md", TempKnowledgeFolder.Markdown("MS", ("What is multiple sclerosis?", "Multiple sclerosis affects the nerves.")));
        folder.Write("synonyms.txt", "ms, multiple sclerosis\n");
        using var knowledge = Open();
        Assert.Equal("ms.md", TopHitFile(knowledge, "ms"));
        folder.Write("synonyms.txt", "");

        await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal("ms.md", TopHitFile(knowledge, "ms"));
        var synonyms = knowledge.Status.Files.Single(f => f.Kind == "synonyms");
        Assert.True(synonyms.ServingLastGood);
        Assert.Equal(1, knowledge.Status.SynonymRules);
    }

    [Fact]
    public void Current_FileBrokenFromTheStart_IsSkippedAndReported()
    {
        folder.Write("good.md", TempKnowledgeFolder.Markdown("Good", ("Fine", "text")));
        folder.Write("bad.md", "---\ntitle: Bad\n---\n");
        using var knowledge = Open();

        Assert.Equal(["good#fine"], Ids(knowledge));
        var bad = knowledge.Status.Files.Single(f => f.File == "bad.md");
        Assert.Equal((0, 1, false), (bad.Passages, bad.Errors, bad.ServingLastGood));
        Assert.True(knowledge.Status.HasErrors);
        Assert.True(events.Single().IsFirstLoad);
        Assert.Contains(events.Single().NewProblems, p => p.File == "bad.md" && p.Message.Contains("no text", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReloadAsync_ChangedFileTakesAnIdAnotherFileHas_BlamesTheChangedFile()
    {
        folder.Write("a.jsonl", "{\"id\": \"a1\", \"title\": \"A\", \"text\": \"from a\"}\n");
        folder.Write("b.jsonl", "{\"id\": \"shared\", \"title\": \"B\", \"text\": \"from b\"}\n");
        using var knowledge = Open();
        _ = knowledge.Current;
        folder.Write("a.jsonl", "{\"id\": \"a1\", \"title\": \"A\", \"text\": \"from a, edited\"}\n{\"id\": \"shared\", \"title\": \"A\", \"text\": \"a copy\"}\n");

        await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal("from b", knowledge.Current.FindPassage("shared")!.Text);
        Assert.Equal("from a", knowledge.Current.FindPassage("a1")!.Text); // a.jsonl is broken now: its last good version
        var error = Assert.Single(knowledge.Status.Problems, p => p.IsError);
        Assert.Equal(("a.jsonl", 2), (error.File, error.Line));
        Assert.Contains("first defined at b.jsonl:1", error.Message, StringComparison.Ordinal);
        Assert.True(knowledge.Status.Files.Single(f => f.File == "a.jsonl").ServingLastGood);
        Assert.False(knowledge.Status.Files.Single(f => f.File == "b.jsonl").ServingLastGood);
    }

    [Fact]
    public async Task ReloadAsync_SectionMovedToAnotherFileInOneReload_IsNoDuplicate()
    {
        folder.Write("a.jsonl", "{\"id\": \"moving\", \"title\": \"A\", \"text\": \"in a\"}\n{\"id\": \"a1\", \"title\": \"A\", \"text\": \"stays\"}\n");
        folder.Write("b.jsonl", "{\"id\": \"b1\", \"title\": \"B\", \"text\": \"b\"}\n");
        using var knowledge = Open();
        _ = knowledge.Current;
        folder.Write("a.jsonl", "{\"id\": \"a1\", \"title\": \"A\", \"text\": \"stays\"}\n");
        folder.Write("b.jsonl", "{\"id\": \"b1\", \"title\": \"B\", \"text\": \"b\"}\n{\"id\": \"moving\", \"title\": \"B\", \"text\": \"in b\"}\n");

        await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal("in b", knowledge.Current.FindPassage("moving")!.Text);
        Assert.Empty(knowledge.Status.Problems);
    }

    [Fact]
    public async Task ReloadAsync_DeletedFile_ItsPassagesDisappear()
    {
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease.")));
        folder.Write("ms.md", TempKnowledgeFolder.Markdown("MS", ("What is MS?", "Multiple sclerosis affects the nerves.")));
        using var knowledge = Open();
        _ = knowledge.Current;
        folder.Delete("lupus.md");

        await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal(["ms#what-is-ms"], Ids(knowledge));
        Assert.Null(TopHitFile(knowledge, "lupus autoimmune"));
        Assert.Equal(["ms.md"], knowledge.Status.Files.Select(f => f.File));
        Assert.Equal((2, 1), (events[^1].PreviousPassages, events[^1].Status.Passages));
    }

    [Fact]
    public async Task ReloadAsync_BrokenFileDeleted_ItsLastGoodVersionDisappearsToo()
    {
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease.")));
        folder.Write("ms.md", TempKnowledgeFolder.Markdown("MS", ("What is MS?", "Multiple sclerosis affects the nerves.")));
        using var knowledge = Open();
        _ = knowledge.Current;
        folder.Write("lupus.md", "broken");
        await knowledge.ReloadAsync(CancellationToken.None);
        folder.Delete("lupus.md");

        await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal(["ms#what-is-ms"], Ids(knowledge));
        Assert.Empty(knowledge.Status.Problems);
        Assert.Equal(2, events[^1].ResolvedProblems.Count);
    }

    [Fact]
    public async Task ReloadAsync_ConfiguredFolderDisappears_KeepsItsFilesLastGoodVersionsAndReportsIt()
    {
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease.")));
        using var knowledge = Open();
        _ = knowledge.Current;
        var moved = folder.Root + "-moved";
        Directory.Move(folder.Root, moved);
        try
        {
            await knowledge.ReloadAsync(CancellationToken.None);
        }
        finally
        {
            Directory.Move(moved, folder.Root);
        }

        Assert.Equal(["lupus#what-is-lupus"], Ids(knowledge));
        Assert.Contains(knowledge.Status.Problems, p => p.IsError && p.File == folder.Root && p.Message == "no such file or folder");
        Assert.True(knowledge.Status.Files.Single().ServingLastGood);
    }

    [Fact]
    public async Task ReloadAsync_BuildThrows_KeepsTheLastSnapshotServingAndRecordsTheFailure()
    {
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease.")));
        var encoders = new Mock<ITextEncoderSource>();
        encoders.SetupSequence(e => e.Encoder)
            .Returns((ITextEncoder?)null)
            .Throws(new IOException("disk error"))
            .Returns((ITextEncoder?)null);
        using var knowledge = Open(encoders.Object);
        var before = knowledge.Current;
        time.Advance(TimeSpan.FromMinutes(1));
        folder.Write("ms.md", TempKnowledgeFolder.Markdown("MS", ("What is MS?", "Multiple sclerosis affects the nerves.")));

        var error = await Assert.ThrowsAsync<KnowledgeReloadException>(() => knowledge.ReloadAsync(CancellationToken.None));

        Assert.Contains("IOException: disk error", error.Message, StringComparison.Ordinal);
        Assert.Contains("the knowledge loaded at 2026-11-26 10:00:00 UTC is still served", error.Message, StringComparison.Ordinal);
        Assert.Same(before, knowledge.Current);
        var status = knowledge.Status;
        Assert.Equal("IOException: disk error", status.LastFailure);
        Assert.Equal((Start, Start.AddMinutes(1)), (status.LastReloadAt!.Value, status.LastAttemptAt!.Value));
        Assert.Equal(1, status.Passages);
        Assert.False(events[^1].Succeeded);
        Assert.IsType<IOException>(events[^1].Exception);
        Assert.True(events[^1].HasNews);

        await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Null(knowledge.Status.LastFailure);
        Assert.Equal(2, knowledge.Current.Passages.Count);
    }

    [Fact]
    public void Current_FirstLoadThrows_ThrowsClearlyAndRecordsTheFailure()
    {
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease.")));
        var encoders = new Mock<ITextEncoderSource>();
        encoders.Setup(e => e.Encoder).Throws(new IOException("disk error"));
        using var knowledge = Open(encoders.Object);

        var error = Assert.Throws<KnowledgeReloadException>(() => knowledge.Current);

        Assert.Equal("The knowledge could not be loaded (IOException: disk error).", error.Message);
        Assert.False(knowledge.Status.IsLoaded);
        Assert.Equal("not loaded: IOException: disk error", knowledge.Status.Summary);
    }

    [Fact]
    public void Status_BeforeTheFirstLoad_IsNotLoadedAndDoesNotLoad()
    {
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease.")));
        using var knowledge = Open();

        Assert.Same(KnowledgeStatus.NotLoaded, knowledge.Status);
        Assert.Empty(events);
    }

    [Fact]
    public async Task Reloaded_HandlerThrows_TheReloadStillSucceeds()
    {
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease.")));
        using var knowledge = Open();
        _ = knowledge.Current;
        knowledge.Reloaded += (_, _) => throw new InvalidOperationException("notifier down");
        folder.Write("ms.md", TempKnowledgeFolder.Markdown("MS", ("What is MS?", "Multiple sclerosis affects the nerves.")));

        var snapshot = await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal(2, snapshot.Passages.Count);
        Assert.Same(snapshot, knowledge.Current);
    }

    [Fact]
    public async Task ReloadAsync_SucceededAndFailed_CountedByOutcomeWithThePassagesGauge()
    {
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease.")));
        using var meterFactory = new TestMeterFactory();
        using var metrics = new KnowledgeMetrics(meterFactory);
        using var reloads = new MetricCollector<long>(meterFactory, KnowledgeMetrics.MeterName, "qabot.knowledge.reloads");
        using var passages = new MetricCollector<int>(meterFactory, KnowledgeMetrics.MeterName, "qabot.knowledge.passages");
        var encoders = new Mock<ITextEncoderSource>();
        encoders.SetupSequence(e => e.Encoder).Returns((ITextEncoder?)null).Throws(new IOException("disk error"));
        using var knowledge = Open(encoders.Object, metrics);
        _ = knowledge.Current;

        await Assert.ThrowsAsync<KnowledgeReloadException>(() => knowledge.ReloadAsync(CancellationToken.None));

        Assert.Equal(
            ["succeeded", "failed"],
            reloads.GetMeasurementSnapshot().Select(m => (string?)m.Tags["outcome"]));
        passages.RecordObservableInstruments();
        Assert.Equal(1, passages.LastMeasurement!.Value);
    }
}
