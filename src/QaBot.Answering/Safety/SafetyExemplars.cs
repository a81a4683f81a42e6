using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QaBot.Knowledge;
using QaBot.Knowledge.Embeddings;

namespace QaBot.Answering.Safety;

/// <summary>
/// The classifiers' labelled examples (<see cref="SafetyOptions.ExemplarsFile"/>) and the models built from them: the
/// text model (<see cref="SafetyTextModel"/>, always) and the k-NN classifier (when there is an encoder). Each example
/// is encoded once as a query (<c>EncodeQuery(TextCleaner.Clean(question))</c>) and kept in the vector cache, so a
/// restart or a reload only encodes new examples. A reload that fails (a malformed line, an unknown category, an
/// unreadable file) keeps the last good models. Without an encoder the rules and the text model decide. Logs counts,
/// never example text.
/// </summary>
public sealed partial class SafetyExemplars
{
    private const string CacheTitle = "safety-exemplar-query";

    private static readonly JsonSerializerOptions LineOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        AllowTrailingCommas = true,
    };

    private readonly SafetyOptions options;
    private readonly ITextEncoder? encoder;
    private readonly string? cachePath;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private VectorCache? cache;
    private SafetyModels? current;
    private (long Length, DateTime Written)? attempted;

    public SafetyExemplars(IOptions<SafetyOptions> options, ITextEncoderSource encoders, IOptions<EmbeddingOptions>? embeddingOptions = null, ILogger<SafetyExemplars>? logger = null)
        : this(options.Value, encoders.Encoder, embeddingOptions?.Value.CachePath, logger)
    {
    }

    internal SafetyExemplars(SafetyOptions options, ITextEncoder? encoder, string? cachePath, ILogger? logger)
    {
        this.options = options;
        this.encoder = encoder;
        // A folder of their own: the knowledge's cache file is pruned of every vector its build did not use, and two
        // caches must never write one file.
        this.cachePath = string.IsNullOrWhiteSpace(cachePath) ? null : Path.Combine(cachePath, "safety");
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The models of the last good examples, or null (no file yet, nothing loaded).</summary>
    public SafetyModels? Current => Volatile.Read(ref current);

    /// <summary>True when there is a file to learn from (with or without an encoder).</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(options.ExemplarsFile);

    /// <summary>True when the file's size or time differ from those of the last load attempt.</summary>
    public bool HasChanged()
    {
        var fingerprint = Fingerprint();
        lock (gate)
        {
            return fingerprint != attempted;
        }
    }

    /// <summary>Loads the file and swaps in a new classifier; false (keeping the last good one) when it cannot.</summary>
    public bool Reload(CancellationToken cancellationToken = default)
    {
        if (!IsEnabled)
        {
            return false;
        }

        lock (gate)
        {
            attempted = Fingerprint();
            var path = options.ExemplarsFile!;
            var (exemplars, problems) = Read(path);
            if (problems.Count > 0)
            {
                LogExemplarsRejected(logger, problems.Count, problems[0]);
                return false;
            }

            try
            {
                SafetyClassifier? neighbours = null;
                if (encoder is not null)
                {
                    cache ??= OpenCache(encoder);
                    neighbours = Build(exemplars, encoder, cache, options, cancellationToken);
                }

                var text = SafetyTextModel.Train(exemplars);
                Volatile.Write(ref current, new SafetyModels(text, neighbours));
                LogExemplarsLoaded(logger, exemplars.Count, neighbours is not null);
                return true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                attempted = default; // try again next time
                throw;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogExemplarsFailed(logger, ex.GetType().Name);
                return false;
            }
        }
    }

    /// <summary>Encodes the examples (cached vectors are reused) and builds the classifier.</summary>
    public static SafetyClassifier Build(
        IReadOnlyList<SafetyExemplar> exemplars, ITextEncoder encoder, VectorCache cache, SafetyOptions options, CancellationToken cancellationToken = default)
    {
        var vectors = new (SafetyExemplar, float[])[exemplars.Count];
        var added = new List<(UInt128, float[])>();
        try
        {
            for (var i = 0; i < exemplars.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = TextCleaner.Clean(exemplars[i].Question);
                var key = VectorCache.Key(encoder.ModelId, new Passage { Id = "", Title = CacheTitle, Text = text });
                if (!cache.TryGet(key, out var vector))
                {
                    vector = encoder.EncodeQuery(text);
                    added.Add((key, vector));
                }

                vectors[i] = (exemplars[i], vector);
            }
        }
        finally
        {
            // What was encoded before a stop is kept for the next start.
            cache.AddRange(added);
        }

        return new SafetyClassifier(vectors, options.ClassifierNeighbours, options.ClassifierMinSimilarity, options.ClassifierMargin);
    }

    /// <summary>
    /// Reads an exemplar file: one <c>{"id","question","kind":"safety"|"ordinary","category"}</c> a line (other fields,
    /// such as "voice", are ignored). Problems name the line, never its text.
    /// </summary>
    public static (List<SafetyExemplar> Exemplars, List<string> Problems) Read(string path)
    {
        var exemplars = new List<SafetyExemplar>();
        var problems = new List<string>();
        IEnumerable<string> lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            problems.Add($"{path}: cannot be read ({ex.GetType().Name})");
            return (exemplars, problems);
        }

        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            Line? item;
            try
            {
                item = JsonSerializer.Deserialize<Line>(line, LineOptions);
            }
            catch (JsonException)
            {
                problems.Add($"{path}:{number}: malformed JSON");
                continue;
            }

            if (item is null || string.IsNullOrWhiteSpace(item.Question))
            {
                problems.Add($"{path}:{number}: no \"question\"");
                continue;
            }

            var id = string.IsNullOrWhiteSpace(item.Id) ? $"line-{number}" : item.Id.Trim();
            switch (item.Kind?.Trim().ToLowerInvariant())
            {
                case "ordinary":
                    exemplars.Add(new SafetyExemplar(id, item.Question, null));
                    break;
                case "safety" when ParseCategory(item.Category) is { } category:
                    exemplars.Add(new SafetyExemplar(id, item.Question, category));
                    break;
                default:
                    problems.Add($"{path}:{number}: \"kind\" must be \"ordinary\" or \"safety\" with a known \"category\"");
                    break;
            }
        }

        return (exemplars, problems);
    }

    internal static SafetyCategory? ParseCategory(string? category) => category?.Trim().ToLowerInvariant() switch
    {
        "emergency" => SafetyCategory.Emergency,
        "self_harm" => SafetyCategory.SelfHarm,
        "personal_medical_advice" => SafetyCategory.PersonalMedicalAdvice,
        "dosing" => SafetyCategory.Dosing,
        _ => null,
    };

    private (long, DateTime)? Fingerprint()
    {
        try
        {
            var file = new FileInfo(options.ExemplarsFile ?? "");
            return file.Exists ? (file.Length, file.LastWriteTimeUtc) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private VectorCache OpenCache(ITextEncoder textEncoder)
    {
        try
        {
            return new VectorCache(cachePath, textEncoder.ModelId, textEncoder.Dimensions);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new VectorCache(null, textEncoder.ModelId, textEncoder.Dimensions);
        }
    }

    private sealed class Line
    {
        public string? Id { get; set; }

        public string? Question { get; set; }

        public string? Kind { get; set; }

        public string? Category { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Other { get; set; }
    }

    [LoggerMessage(EventId = 2210, Level = LogLevel.Information, Message = "Safety classifiers loaded {Count} exemplars (k-NN on embeddings: {Neighbours})")]
    private static partial void LogExemplarsLoaded(ILogger logger, int count, bool neighbours);

    [LoggerMessage(EventId = 2211, Level = LogLevel.Warning,
        Message = "Safety exemplars rejected ({Problems} problems, first: {First}); the last good exemplars stay in use")]
    private static partial void LogExemplarsRejected(ILogger logger, int problems, string first);

    [LoggerMessage(EventId = 2212, Level = LogLevel.Error,
        Message = "Safety exemplars could not be encoded ({Error}); the last good exemplars stay in use")]
    private static partial void LogExemplarsFailed(ILogger logger, string error);
}
