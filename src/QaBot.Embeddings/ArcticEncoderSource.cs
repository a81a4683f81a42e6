using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Knowledge.Embeddings;

namespace QaBot.Embeddings;

/// <summary>
/// Loads the Arctic Embed XS model on first use when embeddings are enabled. If it cannot load, says why (in the log
/// and in <see cref="Unavailable"/>) and the knowledge base answers lexically.
/// </summary>
public sealed partial class ArcticEncoderSource : ITextEncoderSource, IDisposable
{
    private readonly Lazy<(ITextEncoder? Encoder, string? Error)> model;

    public ArcticEncoderSource(IOptions<EmbeddingOptions> options, ILogger<ArcticEncoderSource> logger)
    {
        var settings = options.Value;
        model = new Lazy<(ITextEncoder?, string?)>(() =>
        {
            if (!settings.Enabled)
            {
                return (null, "disabled in configuration (QaBot:Embeddings:Enabled = false)");
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            if (ArcticXsEncoder.TryCreate(new ArcticXsEncoderOptions { IntraOpNumThreads = settings.IntraOpThreads }, out var encoder, out var error))
            {
                var elapsedMs = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogModelLoaded(logger, encoder.ModelId, elapsedMs);
                return (encoder, null);
            }

            LogModelFailed(logger, error);
            return (null, error);
        });
    }

    public ITextEncoder? Encoder => model.Value.Encoder;

    public string? Unavailable => model.Value.Error;

    public void Dispose()
    {
        if (model.IsValueCreated)
        {
            model.Value.Encoder?.Dispose();
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Embedding model {ModelId} loaded in {ElapsedMs} ms")]
    private static partial void LogModelLoaded(ILogger logger, string modelId, long elapsedMs);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "The embedding model could not be loaded; answering lexically: {Error}")]
    private static partial void LogModelFailed(ILogger logger, string error);
}
