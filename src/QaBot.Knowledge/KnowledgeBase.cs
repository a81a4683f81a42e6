using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QaBot.Knowledge.Embeddings;
using QaBot.Knowledge.Files;
using QaBot.Knowledge.Search;

namespace QaBot.Knowledge;

/// <summary>
/// Loads the knowledge files, builds the index and serves it. A reload builds off the question path and swaps the
/// snapshot atomically; the previous snapshot stays usable by questions already running on it. A broken file keeps
/// its last good version (see <see cref="KnowledgeMerger"/>); a reload that cannot finish leaves the previous snapshot
/// served. Every attempt updates <see cref="Status"/> and raises <see cref="Reloaded"/>.
/// </summary>
public sealed partial class KnowledgeBase : IKnowledgeBase, IDisposable
{
    private readonly KnowledgeOptions options;
    private readonly EmbeddingOptions embeddingOptions;
    private readonly RetrievalOptions retrievalOptions;
    private readonly ITextEncoderSource encoders;
    private readonly TimeProvider time;
    private readonly ILogger<KnowledgeBase> logger;
    private readonly KnowledgeMetrics metrics;
    private readonly bool ownsMetrics;
    private readonly SemaphoreSlim reloadLock = new(1, 1);
    private readonly KnowledgeMerger merger = new();
    private KnowledgeSnapshot? current;
    private KnowledgeStatus status = KnowledgeStatus.NotLoaded;

    public KnowledgeBase(IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<KnowledgeBase>? logger = null)
        : this(options, Options.Create(new EmbeddingOptions { Enabled = false }), new NoTextEncoder(), time, logger)
    {
    }

    public KnowledgeBase(
        IOptions<KnowledgeOptions> options,
        IOptions<EmbeddingOptions> embeddingOptions,
        ITextEncoderSource encoders,
        TimeProvider time,
        ILogger<KnowledgeBase>? logger = null,
        KnowledgeMetrics? metrics = null,
        IOptions<RetrievalOptions>? retrievalOptions = null)
    {
        this.options = options.Value;
        this.embeddingOptions = embeddingOptions.Value;
        this.retrievalOptions = retrievalOptions?.Value ?? new RetrievalOptions { LexicalWeight = this.embeddingOptions.LexicalWeight ?? new RetrievalOptions().LexicalWeight };
        this.encoders = encoders;
        this.time = time;
        this.logger = logger ?? NullLogger<KnowledgeBase>.Instance;
        ownsMetrics = metrics is null;
        this.metrics = metrics ?? new KnowledgeMetrics();
        if (this.embeddingOptions.LexicalWeight is { } legacyWeight)
        {
            LogLegacyLexicalWeight(this.logger, RetrievalOptions.LegacyLexicalWeightKey, legacyWeight, RetrievalOptions.SectionName + ":" + nameof(RetrievalOptions.LexicalWeight));
        }
    }

    /// <inheritdoc />
    public event EventHandler<KnowledgeReloadedEventArgs>? Reloaded;

    /// <summary>The current snapshot; the first call loads the knowledge (and throws <see cref="KnowledgeReloadException"/> if that cannot finish).</summary>
    public KnowledgeSnapshot Current => Volatile.Read(ref current) ?? LoadInitial();

    /// <inheritdoc />
    public KnowledgeStatus Status => Volatile.Read(ref status);

    /// <inheritdoc />
    public async Task<KnowledgeSnapshot> ReloadAsync(CancellationToken cancellationToken)
    {
        await reloadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => ReloadLocked(cancellationToken), cancellationToken).ConfigureAwait(false);
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
            return Volatile.Read(ref current) ?? ReloadLocked(CancellationToken.None);
        }
        finally
        {
            reloadLock.Release();
        }
    }

    /// <summary>One load or reload attempt; the caller holds <see cref="reloadLock"/>.</summary>
    private KnowledgeSnapshot ReloadLocked(CancellationToken cancellationToken)
    {
        var attemptAt = time.GetUtcNow();
        var before = Volatile.Read(ref status);
        var served = Volatile.Read(ref current);
        KnowledgeSnapshot snapshot;
        KnowledgeMerge merge;
        try
        {
            (snapshot, merge) = Build(attemptAt, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var reason = $"{ex.GetType().Name}: {ex.Message}";
            var failed = before with { LastAttemptAt = attemptAt, LastFailure = reason };
            Volatile.Write(ref status, failed);
            metrics.RecordReload(succeeded: false, before.Passages);
            if (served is null)
            {
                LogLoadFailed(logger, ex);
            }
            else
            {
                LogReloadFailed(logger, served.Passages.Count, ex);
            }

            Raise(new KnowledgeReloadedEventArgs
            {
                Status = failed,
                NewProblems = [],
                ResolvedProblems = [],
                PreviousPassages = before.Passages,
                IsFirstLoad = served is null,
                Exception = ex,
            });
            var message = served is null
                ? $"The knowledge could not be loaded ({reason})."
                : $"The knowledge could not be reloaded ({reason}); the knowledge loaded at {before.LastReloadAt:yyyy-MM-dd HH:mm:ss} UTC is still served.";
            throw new KnowledgeReloadException(message, ex);
        }

        merger.Commit(merge);
        Interlocked.Exchange(ref current, snapshot);
        var knowledge = snapshot.Knowledge;
        var after = new KnowledgeStatus
        {
            Files = knowledge.Files,
            Passages = snapshot.Passages.Count,
            SynonymRules = knowledge.Synonyms.Count,
            Problems = knowledge.Diagnostics,
            Embeddings = snapshot.Embeddings,
            LastReloadAt = snapshot.LoadedAt,
            LastAttemptAt = attemptAt,
        };
        Volatile.Write(ref status, after);
        metrics.RecordReload(succeeded: true, after.Passages);

        var previousProblems = before.Problems.ToHashSet();
        var newProblems = after.Problems.Where(p => !previousProblems.Contains(p)).ToList();
        var currentProblems = after.Problems.ToHashSet();
        var resolved = before.Problems.Where(p => !currentProblems.Contains(p)).ToList();
        LogProblems(newProblems, resolved);
        var lastGood = knowledge.Files.Count(f => f.ServingLastGood);
        LogKnowledgeLoaded(logger, knowledge.Files.Count, after.Passages, after.ErrorCount, lastGood, (long)snapshot.BuildTime.TotalMilliseconds);
        Raise(new KnowledgeReloadedEventArgs
        {
            Status = after,
            NewProblems = newProblems,
            ResolvedProblems = resolved,
            PreviousPassages = before.Passages,
            IsFirstLoad = served is null,
        });
        return snapshot;
    }

    /// <summary>Reads the configured paths, merges them with the last good files, and indexes the result.</summary>
    private (KnowledgeSnapshot Snapshot, KnowledgeMerge Merge) Build(DateTimeOffset loadedAt, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var read = new KnowledgeLoader(options).Read(options.EffectivePaths, cancellationToken);
        var merge = merger.Merge(read, loadedAt);
        var knowledge = merge.Knowledge;
        var index = LexicalIndex.Build(knowledge.Passages, knowledge.Synonyms, retrievalOptions.Lexical, cancellationToken);
        try
        {
            var (retriever, embeddings) = BuildRetriever(index, cancellationToken);
            stopwatch.Stop();
            return (new KnowledgeSnapshot(knowledge, retriever, loadedAt, stopwatch.Elapsed, embeddings), merge);
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    private void LogProblems(List<KnowledgeDiagnostic> newProblems, List<KnowledgeDiagnostic> resolved)
    {
        foreach (var diagnostic in newProblems)
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

        foreach (var diagnostic in resolved)
        {
            LogProblemResolved(logger, diagnostic.File, diagnostic.Line, diagnostic.Message);
        }
    }

    private void Raise(KnowledgeReloadedEventArgs args)
    {
        var handlers = Reloaded;
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<KnowledgeReloadedEventArgs>>())
        {
            try
            {
                handler(this, args);
            }
            catch (Exception ex)
            {
                LogReloadedHandlerFailed(logger, ex);
            }
        }
    }

    private (Retriever Retriever, string Status) BuildRetriever(LexicalIndex index, CancellationToken cancellationToken)
    {
        var encoder = encoders.Encoder;
        if (encoder is null)
        {
            var reason = encoders.Unavailable ?? "embeddings are disabled";
            LogLexicalOnly(logger, reason);
            return (new Retriever(index, options: retrievalOptions), "off: " + reason);
        }

        var cache = OpenVectorCache(encoder);
        var vectors = PassageVectors.Compute(index.Passages, encoder, cache, embeddingOptions.EncodeParallelism, cancellationToken);
        var dense = new DenseIndex(vectors.Vectors, encoder.Dimensions, vectors.Alternates);
        cache.PruneUnused(); // vectors of deleted or edited passages leave memory and disk
        LogVectorsReady(logger, encoder.ModelId, vectors.Encoded, vectors.FromCache, (long)vectors.Elapsed.TotalMilliseconds);
        var retriever = new Retriever(index, dense, encoder, retrievalOptions);
        var disk = cache.IsPersistent ? "" : ", no disk cache";
        return (retriever, $"on ({encoder.ModelId}: {dense.VectorCount} vectors, {vectors.Encoded} encoded, {vectors.FromCache} from cache{disk})");
    }

    /// <summary>The disk cache when configured and usable; otherwise vectors are kept in memory only.</summary>
    private VectorCache OpenVectorCache(ITextEncoder encoder)
    {
        if (!string.IsNullOrWhiteSpace(embeddingOptions.CachePath))
        {
            try
            {
                return new VectorCache(embeddingOptions.CachePath, encoder.ModelId, encoder.Dimensions);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogVectorCacheFailed(logger, ex);
            }
        }

        return new VectorCache(null, encoder.ModelId, encoder.Dimensions);
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref current, null)?.Dispose();
        reloadLock.Dispose();
        if (ownsMetrics)
        {
            metrics.Dispose();
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Knowledge loaded: {Files} files, {Passages} passages, {Errors} errors, {LastGood} files on their last good version, built in {ElapsedMs} ms")]
    private static partial void LogKnowledgeLoaded(ILogger logger, int files, int passages, int errors, int lastGood, long elapsedMs);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Embeddings are off, answering lexically: {Reason}")]
    private static partial void LogLexicalOnly(ILogger logger, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Passage vectors ready ({ModelId}): {Encoded} encoded, {Cached} from cache, {ElapsedMs} ms")]
    private static partial void LogVectorsReady(ILogger logger, string modelId, int encoded, int cached, long elapsedMs);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "The passage-vector cache folder cannot be used; vectors are kept in memory only")]
    private static partial void LogVectorCacheFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Knowledge file problem: {File}:{Line}: {Problem}")]
    private static partial void LogKnowledgeError(ILogger logger, string file, int line, string problem);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Knowledge file warning: {File}:{Line}: {Problem}")]
    private static partial void LogKnowledgeWarning(ILogger logger, string file, int line, string problem);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "The knowledge could not be reloaded; the previous knowledge ({Passages} passages) is still served")]
    private static partial void LogReloadFailed(ILogger logger, int passages, Exception exception);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Critical, Message = "The knowledge could not be loaded")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Knowledge file problem resolved: {File}:{Line}: {Problem}")]
    private static partial void LogProblemResolved(ILogger logger, string file, int line, string problem);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "The setting {OldKey} ({Weight}) is obsolete: move it to {NewKey}, which it sets until then")]
    private static partial void LogLegacyLexicalWeight(ILogger logger, string oldKey, double weight, string newKey);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "A handler of the knowledge base's Reloaded event failed")]
    private static partial void LogReloadedHandlerFailed(ILogger logger, Exception exception);
}
