using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using QaBot.Knowledge.Watching;

namespace QaBot.Knowledge.Tests;

public sealed class KnowledgeWatcherTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(8);
    private readonly TempKnowledgeFolder folder = new();
    private readonly FakeLogger<KnowledgeWatcher> logger = new();
    private readonly List<KnowledgeWatcher> watchers = [];
    private readonly List<KnowledgeBase> bases = [];

    public void Dispose()
    {
        foreach (var watcher in watchers)
        {
            watcher.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            watcher.Dispose();
        }

        bases.ForEach(b => b.Dispose());
        folder.Dispose();
    }

    private (KnowledgeBase Knowledge, KnowledgeWatcher Watcher) Create(TimeProvider time, Action<KnowledgeOptions> configure, string? path = null)
    {
        var options = folder.Options(configure);
        if (path is not null)
        {
            options.Paths = [path];
        }

        var knowledge = folder.Open(time, configure: o => o.Paths = options.Paths);
        var watcher = new KnowledgeWatcher(knowledge, Microsoft.Extensions.Options.Options.Create(options), time, logger);
        bases.Add(knowledge);
        watchers.Add(watcher);
        return (knowledge, watcher);
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(stopwatch.Elapsed < Deadline, $"not within {Deadline.TotalSeconds} s: {what}");
            await Task.Delay(20);
        }
    }

    private static List<string> Files(KnowledgeSnapshot snapshot, string question) =>
        snapshot.Search(snapshot.Plan(question), 3).Select(h => h.Passage.File).ToList();

    [Fact]
    public async Task Watch_QuestionsWhileFilesChange_NeverFailAndANewPassageBecomesFindable()
    {
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease in which the immune system attacks the body.")));
        folder.Write("other.md", TempKnowledgeFolder.Markdown("Other", ("Version 0", "Rheumatoid arthritis affects the joints.")));
        var (knowledge, watcher) = Create(TimeProvider.System, o => o.ReloadDebounce = TimeSpan.FromMilliseconds(100));
        _ = knowledge.Current;
        var reloads = 0;
        knowledge.Reloaded += (_, _) => Interlocked.Increment(ref reloads);
        await watcher.StartAsync(CancellationToken.None);
        await Eventually(() => watcher.IsWatchingEvents, "the watcher started");
        var failures = new ConcurrentQueue<string>();
        var asked = 0;
        using var stop = new CancellationTokenSource();
        var askers = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var files = Files(knowledge.Current, "what is lupus");
                    if (files.Count == 0 || files[0] != "lupus.md")
                    {
                        failures.Enqueue("top hit: " + string.Join(", ", files));
                    }
                }
                catch (Exception ex)
                {
                    failures.Enqueue(ex.ToString());
                }

                Interlocked.Increment(ref asked);
            }
        })).ToList();

        for (var version = 1; version <= 5; version++)
        {
            folder.Write("other.md", TempKnowledgeFolder.Markdown("Other", ($"Version {version}", $"Rheumatoid arthritis affects the joints, edit {version}.")));
            await Task.Delay(150);
        }

        folder.Write("new.md", TempKnowledgeFolder.Markdown("Axolotl", ("Axolotl regeneration", "The axolotl regrows lost limbs.")));
        await Eventually(() => Files(knowledge.Current, "axolotl regrows limbs").FirstOrDefault() == "new.md", "the new passage is found");
        await stop.CancelAsync();
        await Task.WhenAll(askers);

        Assert.Empty(failures);
        Assert.True(asked > 8, $"only {asked} questions asked");
        Assert.True(reloads >= 3, $"only {reloads} reloads while questions were asked");
        Assert.Contains("edit 5", knowledge.Current.Passages.Single(p => p.File == "other.md").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signal_BurstOfChanges_OneReloadAfterTheDebounce()
    {
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease.")));
        var time = new FakeTimeProvider();
        var (knowledge, watcher) = Create(time, o => o.ReloadDebounce = TimeSpan.FromMilliseconds(500));
        _ = knowledge.Current;
        var reloads = 0;
        knowledge.Reloaded += (_, _) => Interlocked.Increment(ref reloads);
        await watcher.StartAsync(CancellationToken.None);
        await Eventually(() => watcher.IsWatchingEvents, "the watcher started");

        for (var i = 0; i < 5; i++)
        {
            watcher.Signal();
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        time.Advance(TimeSpan.FromMilliseconds(400));
        await Eventually(() => Volatile.Read(ref reloads) == 1, "one reload");
        watcher.Signal();
        time.Advance(TimeSpan.FromMilliseconds(500));
        await Eventually(() => Volatile.Read(ref reloads) >= 2, "a second reload");

        Assert.Equal(2, Volatile.Read(ref reloads));
    }

    [Fact]
    public async Task Poll_FileChangedWithoutEvents_IsPickedUp()
    {
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease.")));
        var (knowledge, watcher) = Create(TimeProvider.System, o =>
        {
            o.Watch = false;
            o.PollInterval = TimeSpan.FromMilliseconds(100);
            o.ReloadDebounce = TimeSpan.FromMilliseconds(50);
        });
        _ = knowledge.Current;
        await watcher.StartAsync(CancellationToken.None);
        await Eventually(() => watcher.IsPolling, "polling started");

        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease."), ("Lupus flares", "Flares come and go.")));

        await Eventually(() => knowledge.Current.Passages.Count == 2, "the new section is served");
        Assert.False(watcher.IsWatchingEvents);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ConfigMapUpdate_DataLinkSwapped_IsPickedUp(bool fileEvents)
    {
        // A Kubernetes ConfigMap volume: the files are links through "..data", and an update swaps "..data" alone.
        Publish("..2026_11_26_10_00_00.1", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease, old.")));
        File.CreateSymbolicLink(folder.PathOf("lupus.md"), "..data/lupus.md");
        var (knowledge, watcher) = Create(TimeProvider.System, o =>
        {
            o.Watch = fileEvents;
            o.PollInterval = fileEvents ? null : TimeSpan.FromMilliseconds(100);
            o.ReloadDebounce = TimeSpan.FromMilliseconds(50);
        });
        Assert.EndsWith("old.", knowledge.Current.Passages.Single().Text, StringComparison.Ordinal);
        await watcher.StartAsync(CancellationToken.None);
        await Eventually(() => watcher.IsWatchingEvents || watcher.IsPolling, "the watcher started");

        Publish("..2026_11_26_10_05_00.2", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease, new.")));

        await Eventually(() => knowledge.Current.Passages.Single().Text.EndsWith("new.", StringComparison.Ordinal), "the new ConfigMap version is served");
    }

    [Fact]
    public async Task Poll_ChangeRightAfterPollingStarted_IsPickedUp()
    {
        // Many files, the changed one listed last: recording the starting state takes a while, and a poller that
        // reports itself started before recording it takes the changed file as its starting state and misses the edit.
        for (var i = 0; i < 3000; i++)
        {
            folder.Write($"a{i:D4}.md", TempKnowledgeFolder.Markdown($"Topic {i}", ($"What is topic {i}?", $"Topic {i} is a topic.")));
        }

        folder.Write("zz.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease, old.")));
        var (_, watcher) = Create(TimeProvider.System, o =>
        {
            o.Watch = false;
            o.PollInterval = TimeSpan.FromMilliseconds(100);
            o.ReloadDebounce = TimeSpan.FromMilliseconds(50);
        });
        await watcher.StartAsync(CancellationToken.None);
        Assert.True(SpinWait.SpinUntil(() => watcher.IsPolling, Deadline), "polling started");

        folder.Write("zz.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease, new and longer.")));

        // Polling found the change (event 1209) and asked for a reload; how long 3,001 files take to load is not the point.
        await Eventually(() => logger.Collector.GetSnapshot().Any(r => r.Id.Id == 1209), "the edit made right after polling started is seen");
    }

    private void Publish(string version, string content)
    {
        folder.Write(Path.Combine(version, "lupus.md"), content);
        var swap = folder.PathOf("..data_tmp");
        Directory.CreateSymbolicLink(swap, version);
        using var rename = Process.Start(new ProcessStartInfo("mv", ["-T", swap, folder.PathOf("..data")]))!;
        rename.WaitForExit();
        Assert.Equal(0, rename.ExitCode);
    }

    [Fact]
    public async Task OnError_EventsLost_ReloadsEverythingAndKeepsWatching()
    {
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease.")));
        var (knowledge, watcher) = Create(TimeProvider.System, o => o.ReloadDebounce = TimeSpan.Zero);
        _ = knowledge.Current;
        var reloads = 0;
        knowledge.Reloaded += (_, _) => Interlocked.Increment(ref reloads);
        await watcher.StartAsync(CancellationToken.None);
        await Eventually(() => watcher.IsWatchingEvents, "the watcher started");

        watcher.OnError(new InternalBufferOverflowException());

        await Eventually(() => Volatile.Read(ref reloads) == 1, "a full reload");
        Assert.True(watcher.IsWatchingEvents);
        Assert.False(watcher.IsPolling);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Id.Id == 1205);
    }

    [Fact]
    public async Task OnError_WatcherFails_LogsAndFallsBackToPolling()
    {
        folder.Write("lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease.")));
        var (knowledge, watcher) = Create(TimeProvider.System, o =>
        {
            o.ReloadDebounce = TimeSpan.Zero;
            o.PollInterval = null;
        });
        _ = knowledge.Current;
        await watcher.StartAsync(CancellationToken.None);
        await Eventually(() => watcher.IsWatchingEvents, "the watcher started");

        watcher.OnError(new IOException("the inotify watch was removed"));

        Assert.False(watcher.IsWatchingEvents);
        Assert.True(watcher.IsPolling);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Id.Id == 1206 && r.Exception?.Message == "the inotify watch was removed");
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Id.Id == 1208 && r.Message == "Polling the knowledge files every 5000 ms");
    }

    [Fact]
    public async Task Start_PathCannotBeWatched_FallsBackToPollingAndPicksUpTheFolderWhenItAppears()
    {
        var later = folder.PathOf("later");
        var (knowledge, watcher) = Create(TimeProvider.System, o =>
        {
            o.PollInterval = TimeSpan.FromMilliseconds(100);
            o.ReloadDebounce = TimeSpan.FromMilliseconds(50);
        }, later);
        Assert.Empty(knowledge.Current.Passages);

        await watcher.StartAsync(CancellationToken.None);
        await Eventually(() => watcher.IsPolling, "polling started");
        folder.Write("later/lupus.md", TempKnowledgeFolder.Markdown("Lupus", ("What is lupus?", "Lupus is an autoimmune disease.")));

        await Eventually(() => knowledge.Current.Passages.Count == 1, "the folder's knowledge is served");
        Assert.False(watcher.IsWatchingEvents);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Id.Id == 1207);
    }

    [Fact]
    public async Task Start_WatchOffAndNoPolling_DoesNothing()
    {
        var (_, watcher) = Create(TimeProvider.System, o => o.Watch = false);

        await watcher.StartAsync(CancellationToken.None);
        await Eventually(() => logger.Collector.GetSnapshot().Any(r => r.Id.Id == 1202), "the watcher said it is off");

        Assert.False(watcher.IsWatchingEvents);
        Assert.False(watcher.IsPolling);
    }
}
