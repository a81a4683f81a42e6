using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QaBot.Knowledge.Watching;

/// <summary>
/// Reloads the knowledge when moderators edit it while the bot runs. Watches every configured path (folders
/// recursively) for file events and, when <see cref="KnowledgeOptions.PollInterval"/> is set, also polls names, sizes
/// and times. A burst of changes becomes one reload after <see cref="KnowledgeOptions.ReloadDebounce"/> of quiet.
/// A lost-events overflow reloads everything; a failing watcher falls back to polling. Reloads run here, off the
/// question path; their failures are logged and recorded by the knowledge base, never thrown.
/// </summary>
internal sealed partial class KnowledgeWatcher : BackgroundService
{
    /// <summary>How often to poll when the file watcher fails and <see cref="KnowledgeOptions.PollInterval"/> is not set.</summary>
    internal static readonly TimeSpan FallbackPollInterval = TimeSpan.FromSeconds(5);

    private readonly IKnowledgeBase knowledge;
    private readonly KnowledgeOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<KnowledgeWatcher> logger;
    private readonly KnowledgeLoader loader;
    private readonly Lock gate = new();
    private readonly List<FileSystemWatcher> watchers = [];
    private ReloadDebouncer? debouncer;
    private Task? polling;
    private CancellationToken stopping;

    public KnowledgeWatcher(IKnowledgeBase knowledge, IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<KnowledgeWatcher> logger)
    {
        this.knowledge = knowledge;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        loader = new KnowledgeLoader(this.options);
    }

    /// <summary>True while file events are watched.</summary>
    internal bool IsWatchingEvents
    {
        get
        {
            lock (gate)
            {
                return watchers.Count > 0;
            }
        }
    }

    /// <summary>True once polling runs (configured, or because the file watcher failed).</summary>
    internal bool IsPolling
    {
        get
        {
            lock (gate)
            {
                return polling is not null;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Watch && options.PollInterval is null)
        {
            LogNotWatching(logger);
            return;
        }

        using var reloads = new ReloadDebouncer(options.ReloadDebounce, time);
        lock (gate)
        {
            debouncer = reloads;
            stopping = stoppingToken;
        }

        if (options.Watch)
        {
            StartWatching();
        }

        if (options.PollInterval is { } interval)
        {
            StartPolling(interval);
        }

        LogWatching(logger, options.EffectivePaths.Count, IsWatchingEvents, (long)options.ReloadDebounce.TotalMilliseconds, IsPolling);
        try
        {
            while (true)
            {
                await reloads.WaitAsync(stoppingToken).ConfigureAwait(false);
                await ReloadAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            Task? poll;
            lock (gate)
            {
                StopWatching();
                debouncer = null;
                poll = polling;
            }

            if (poll is not null)
            {
                await poll.ConfigureAwait(false);
            }
        }
    }

    /// <summary>A change was seen: reload after the quiet time.</summary>
    internal void Signal()
    {
        lock (gate)
        {
            debouncer?.Signal();
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            LogReloading(logger);
            await knowledge.ReloadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The knowledge base has logged and recorded it and still serves the previous knowledge; the next change retries.
            LogReloadFailed(logger, ex.GetType().Name);
        }
    }

    private void StartWatching()
    {
        lock (gate)
        {
            try
            {
                foreach (var path in options.EffectivePaths)
                {
                    watchers.Add(Watch(path));
                }
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                LogWatchFailed(logger, ex);
                StopWatching();
                StartPollingLocked(options.PollInterval ?? FallbackPollInterval);
            }
        }
    }

    private FileSystemWatcher Watch(string path)
    {
        FileSystemWatcher watcher;
        Func<string, bool> relevant;
        if (Directory.Exists(path))
        {
            watcher = new FileSystemWatcher(path) { IncludeSubdirectories = true };
            relevant = changed => KnowledgeChanges.IsRelevant(loader, options, path, changed);
        }
        else if (File.Exists(path))
        {
            watcher = new FileSystemWatcher(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".") { IncludeSubdirectories = false };
            relevant = changed => KnowledgeChanges.IsRelevantToFile(path, changed);
        }
        else
        {
            throw new DirectoryNotFoundException("a knowledge path does not exist, so it cannot be watched for events: " + path);
        }

        try
        {
            watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime;
            watcher.InternalBufferSize = 64 * 1024;
            watcher.Changed += (_, e) => OnChanged(relevant, e.FullPath);
            watcher.Created += (_, e) => OnChanged(relevant, e.FullPath);
            watcher.Deleted += (_, e) => OnChanged(relevant, e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                if (relevant(e.OldFullPath) || relevant(e.FullPath))
                {
                    Signal();
                }
            };
            watcher.Error += (_, e) => OnError(e.GetException());
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }
    }

    private void OnChanged(Func<string, bool> relevant, string path)
    {
        if (relevant(path))
        {
            Signal();
        }
    }

    internal void OnError(Exception exception)
    {
        if (exception is InternalBufferOverflowException)
        {
            // Events were lost: a full reload catches up on all of them.
            LogOverflow(logger);
            Signal();
            return;
        }

        LogWatcherFailed(logger, exception);
        lock (gate)
        {
            StopWatching();
            StartPollingLocked(options.PollInterval ?? FallbackPollInterval);
            debouncer?.Signal(); // anything missed before polling started
        }
    }

    private void StopWatching()
    {
        foreach (var watcher in watchers)
        {
            watcher.EnableRaisingEvents = false;
            watcher.Dispose();
        }

        watchers.Clear();
    }

    private void StartPolling(TimeSpan interval)
    {
        lock (gate)
        {
            StartPollingLocked(interval);
        }
    }

    private void StartPollingLocked(TimeSpan interval)
    {
        if (polling is null && debouncer is not null && !stopping.IsCancellationRequested)
        {
            // The files' starting state is recorded before polling counts as started (IsPolling, the "watching" log):
            // a change made right after that is then a difference at the first tick, never the baseline itself.
            var baseline = KnowledgeFingerprint.Take(loader, options.EffectivePaths);
            LogPolling(logger, (long)interval.TotalMilliseconds);
            polling = PollAsync(interval, baseline, stopping);
        }
    }

    private async Task PollAsync(TimeSpan interval, IReadOnlyList<string>? previous, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var now = KnowledgeFingerprint.Take(loader, options.EffectivePaths);
                if (now is null)
                {
                    continue; // a folder could not be listed this time; compare again at the next tick
                }

                if (previous is null || !now.SequenceEqual(previous, StringComparer.Ordinal))
                {
                    LogPollFoundChange(logger);
                    Signal();
                }

                previous = now;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    public override void Dispose()
    {
        lock (gate)
        {
            StopWatching();
        }

        base.Dispose();
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Watching {Paths} knowledge paths for changes: file events {Events}, reload after {DebounceMs} ms of quiet, polling {Polling}")]
    private static partial void LogWatching(ILogger logger, int paths, bool events, long debounceMs, bool polling);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Knowledge watching is off (QaBot:Knowledge:Watch is false and no PollInterval is set)")]
    private static partial void LogNotWatching(ILogger logger);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Knowledge files changed; reloading")]
    private static partial void LogReloading(ILogger logger);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "The knowledge reload after a change failed ({ExceptionType}); the previous knowledge is still served")]
    private static partial void LogReloadFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Too many file events at once, some were lost; reloading all knowledge")]
    private static partial void LogOverflow(ILogger logger);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Error, Message = "The knowledge file watcher failed; falling back to polling")]
    private static partial void LogWatcherFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Error, Message = "The knowledge paths cannot be watched for file events; falling back to polling")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Information, Message = "Polling the knowledge files every {IntervalMs} ms")]
    private static partial void LogPolling(ILogger logger, long intervalMs);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Information, Message = "Polling found changed knowledge files")]
    private static partial void LogPollFoundChange(ILogger logger);
}
