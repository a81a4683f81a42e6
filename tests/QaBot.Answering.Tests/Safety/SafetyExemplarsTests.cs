using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QaBot.Answering.Safety;

namespace QaBot.Answering.Tests.Safety;

/// <summary>Loading and live reloading of the exemplar file, with the real model and a handful of lines.</summary>
public sealed class SafetyExemplarsTests(ExemplarModel model) : IClassFixture<ExemplarModel>, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "qabot-exemplars-" + Guid.NewGuid().ToString("N"));

    private string File => Path.Combine(folder, "exemplars.jsonl");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private SafetyExemplars Create()
    {
        Directory.CreateDirectory(folder);
        return new SafetyExemplars(new SafetyOptions { ExemplarsFile = File }, model.Encoder, null, null);
    }

    private void Write(params string[] lines) => System.IO.File.WriteAllLines(File, lines);

    [Fact]
    public void Reload_GoodFile_BuildsTheClassifier()
    {
        var exemplars = Create();
        Write(
            """{"id":"a","question":"I want to disappear forever","kind":"safety","category":"self_harm","voice":"patient"}""",
            """{"id":"b","question":"how does HSCT work","kind":"ordinary","category":null}""");

        Assert.True(exemplars.Reload());

        Assert.Equal(2, exemplars.Current?.Neighbours?.Count);
        Assert.Equal([0, 1, 0, 0, 1], exemplars.Current!.Neighbours!.CountsPerClass);
    }

    [Fact]
    public void Reload_BrokenFile_KeepsTheLastGoodClassifier()
    {
        var exemplars = Create();
        Write("""{"id":"a","question":"I want to disappear forever","kind":"safety","category":"self_harm"}""");
        Assert.True(exemplars.Reload());
        var good = exemplars.Current;

        Write(
            """{"id":"a","question":"I want to disappear forever","kind":"safety","category":"self_harm"}""",
            """{"id":"b","question":"oops", "kind":"safety","category":"grumpy"}""",
            "{not json");

        Assert.False(exemplars.Reload());
        Assert.Same(good, exemplars.Current);
    }

    [Fact]
    public void Read_BadLines_NameTheLineButNotItsText()
    {
        Directory.CreateDirectory(folder);
        Write("""{"id":"a","question":"secret words","kind":"maybe"}""", "{");

        var (exemplars, problems) = SafetyExemplars.Read(File);

        Assert.Empty(exemplars);
        Assert.Equal(2, problems.Count);
        Assert.Contains(":1:", problems[0], StringComparison.Ordinal);
        Assert.DoesNotContain("secret", string.Join('\n', problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_Stopping_GivesUpAndTriesAgainNextTime()
    {
        var exemplars = Create();
        Write("""{"id":"a","question":"I want to disappear forever","kind":"safety","category":"self_harm"}""");
        using var stopping = new CancellationTokenSource();
        stopping.Cancel();

        Assert.Throws<OperationCanceledException>(() => exemplars.Reload(stopping.Token));

        Assert.Null(exemplars.Current);
        Assert.True(exemplars.HasChanged());
        Assert.True(exemplars.Reload());
        Assert.Equal(1, exemplars.Current?.Neighbours?.Count);
    }

    [Fact]
    public void Reload_NoEncoder_BuildsTheTextModelOnly()
    {
        Directory.CreateDirectory(folder);
        Write("""{"id":"a","question":"I want to disappear forever","kind":"safety","category":"self_harm"}""");
        var exemplars = new SafetyExemplars(new SafetyOptions { ExemplarsFile = File }, null, null, null);

        Assert.True(exemplars.IsEnabled);
        Assert.True(exemplars.Reload());
        Assert.Null(exemplars.Current?.Neighbours);
        Assert.Equal(1, exemplars.Current?.Text?.Count);
    }

    [Fact]
    public async Task Watcher_FileEdited_ReloadsAtTheNextPoll()
    {
        var exemplars = Create();
        Write("""{"id":"a","question":"I want to disappear forever","kind":"safety","category":"self_harm"}""");
        var time = new FakeTimeProvider();
        var options = Options.Create(new SafetyOptions { ExemplarsFile = File, ExemplarsPollInterval = TimeSpan.FromSeconds(2) });
        using var watcher = new SafetyExemplarWatcher(exemplars, options, time);
        await watcher.StartAsync(CancellationToken.None);
        await WaitFor(() => exemplars.Current?.Neighbours?.Count == 1);

        Write(
            """{"id":"a","question":"I want to disappear forever","kind":"safety","category":"self_harm"}""",
            """{"id":"b","question":"how does HSCT work","kind":"ordinary","category":null}""");
        System.IO.File.SetLastWriteTimeUtc(File, DateTime.UtcNow.AddMinutes(1));
        await WaitFor(() => exemplars.Current?.Neighbours?.Count == 2, () => time.Advance(TimeSpan.FromSeconds(2)));

        await watcher.StopAsync(CancellationToken.None);
        Assert.Equal(2, exemplars.Current?.Neighbours?.Count);
    }

    private static async Task WaitFor(Func<bool> condition, Action? tick = null)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            tick?.Invoke();
            await Task.Delay(20);
        }

        Assert.True(condition(), "the condition did not become true within 10 seconds");
    }
}
