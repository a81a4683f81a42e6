using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QaBot.Knowledge.Search;

namespace QaBot.Knowledge;

/// <summary>
/// Loads the knowledge files, builds the index and serves it. A reload builds off the question path and swaps the
/// snapshot atomically; the previous snapshot stays usable by questions already running on it.
/// </summary>
public sealed partial class KnowledgeBase : IKnowledgeBase, IDisposable
{
    private readonly KnowledgeOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<KnowledgeBase> logger;
    private readonly SemaphoreSlim reloadLock = new(1, 1);
    private KnowledgeSnapshot? current;

    public KnowledgeBase(IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<KnowledgeBase>? logger = null)
    {
        this.options = options.Value;
        this.time = time;
        this.logger = logger ?? NullLogger<KnowledgeBase>.Instance;
    }

    public KnowledgeSnapshot Current => Volatile.Read(ref current) ?? LoadInitial();

    public async Task<KnowledgeSnapshot> ReloadAsync(CancellationToken cancellationToken)
    {
        await reloadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var snapshot = await Task.Run(() => Build(cancellationToken), cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref current, snapshot);
            return snapshot;
        }
        finally
        {
            reloadLock.Release();
        }
    }

    private KnowledgeSnapshot LoadInitial()
    {
        reloadLock.Wait();
        try
        {
            return current ??= Build(CancellationToken.None);
        }
        finally
        {
            reloadLock.Release();
        }
    }

    /// <summary>Loads and indexes the configured knowledge paths.</summary>
    public KnowledgeSnapshot Build(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var knowledge = new KnowledgeLoader(options).Load(options.EffectivePaths, cancellationToken);
        foreach (var diagnostic in knowledge.Diagnostics)
        {
            if (diagnostic.IsError)
            {
                LogKnowledgeError(logger, diagnostic.File, diagnostic.Line, diagnostic.Message);
            }
            else
            {
                LogKnowledgeWarning(logger, diagnostic.File, diagnostic.Line, diagnostic.Message);
            }
        }

        var index = LexicalIndex.Build(knowledge.Passages, knowledge.Synonyms, cancellationToken: cancellationToken);
        stopwatch.Stop();
        LogKnowledgeLoaded(logger, knowledge.Files.Count, knowledge.Passages.Count, knowledge.ErrorCount, stopwatch.ElapsedMilliseconds);
        return new KnowledgeSnapshot(knowledge, index, time.GetUtcNow(), stopwatch.Elapsed);
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref current, null)?.Dispose();
        reloadLock.Dispose();
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Knowledge loaded: {Files} files, {Passages} passages, {Errors} errors, built in {ElapsedMs} ms")]
    private static partial void LogKnowledgeLoaded(ILogger logger, int files, int passages, int errors, long elapsedMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Knowledge file problem: {File}:{Line}: {Problem}")]
    private static partial void LogKnowledgeError(ILogger logger, string file, int line, string problem);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Knowledge file warning: {File}:{Line}: {Problem}")]
    private static partial void LogKnowledgeWarning(ILogger logger, string file, int line, string problem);
}
