using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QaBot.Knowledge.Embeddings;
using QaBot.Knowledge.Search;

namespace QaBot.Knowledge;

/// <summary>
/// Loads the knowledge files, builds the index and serves it. A reload builds off the question path and swaps the
/// snapshot atomically; the previous snapshot stays usable by questions already running on it.
/// </summary>
public sealed partial class KnowledgeBase : IKnowledgeBase, IDisposable
{
    private readonly KnowledgeOptions options;
    private readonly EmbeddingOptions embeddingOptions;
    private readonly ITextEncoderSource encoders;
    private readonly TimeProvider time;
    private readonly ILogger<KnowledgeBase> logger;
    private readonly SemaphoreSlim reloadLock = new(1, 1);
    private KnowledgeSnapshot? current;

    public KnowledgeBase(IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<KnowledgeBase>? logger = null)
        : this(options, Options.Create(new EmbeddingOptions { Enabled = false }), new NoTextEncoder(), time, logger)
    {
    }

    public KnowledgeBase(
        IOptions<KnowledgeOptions> options,
        IOptions<EmbeddingOptions> embeddingOptions,
        ITextEncoderSource encoders,
        TimeProvider time,
        ILogger<KnowledgeBase>? logger = null)
    {
        this.options = options.Value;
        this.embeddingOptions = embeddingOptions.Value;
        this.encoders = encoders;
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
        var (retriever, embeddings) = BuildRetriever(index, cancellationToken);
        stopwatch.Stop();
        LogKnowledgeLoaded(logger, knowledge.Files.Count, knowledge.Passages.Count, knowledge.ErrorCount, stopwatch.ElapsedMilliseconds);
        return new KnowledgeSnapshot(knowledge, retriever, time.GetUtcNow(), stopwatch.Elapsed, embeddings);
    }

    private (Retriever Retriever, string Status) BuildRetriever(LexicalIndex index, CancellationToken cancellationToken)
    {
        var encoder = encoders.Encoder;
        if (encoder is null)
        {
            var reason = encoders.Unavailable ?? "embeddings are disabled";
            LogLexicalOnly(logger, reason);
            return (new Retriever(index), "off: " + reason);
        }

        var cache = OpenVectorCache(encoder);
        var vectors = PassageVectors.Compute(index.Passages, encoder, cache, embeddingOptions.EncodeParallelism, cancellationToken);
        var dense = new DenseIndex(vectors.Vectors, encoder.Dimensions);
        LogVectorsReady(logger, encoder.ModelId, vectors.Encoded, vectors.FromCache, (long)vectors.Elapsed.TotalMilliseconds);
        var retriever = new Retriever(index, dense, encoder, new RetrievalOptions { LexicalWeight = embeddingOptions.LexicalWeight });
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
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Knowledge loaded: {Files} files, {Passages} passages, {Errors} errors, built in {ElapsedMs} ms")]
    private static partial void LogKnowledgeLoaded(ILogger logger, int files, int passages, int errors, long elapsedMs);

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
}
