using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QaBot.Answering.Safety;
using QaBot.Knowledge;
using QaBot.Knowledge.Embeddings;
using QaBot.Knowledge.Files;
using QaBot.Knowledge.Search;

namespace QaBot.Answering.Tests;

/// <summary>Real knowledge bases and answer services for tests.</summary>
internal static class TestKnowledge
{
    private static readonly Lazy<KnowledgeBase> BundledBase = new(() =>
        new KnowledgeBase(Options.Create(new KnowledgeOptions { Paths = [Repository.Knowledge] }), TimeProvider.System));

    private static readonly Lazy<KnowledgeBase> FaqBase = new(() =>
        new KnowledgeBase(Options.Create(new KnowledgeOptions { Paths = [Path.Combine(AppContext.BaseDirectory, "Fixtures", "faq")] }), TimeProvider.System));

    /// <summary>
    /// Small test knowledge written as an FAQ in the bundled knowledge's style (each section opens with its direct
    /// answer; a list with its header; a lupus section that says one thing twice; an RA section with back-references).
    /// </summary>
    public static IKnowledgeBase Faq => FaqBase.Value;

    /// <summary>The bundled knowledge/ folder, loaded once per test run.</summary>
    public static IKnowledgeBase Bundled => BundledBase.Value;

    public static IKnowledgeBase From(IReadOnlyList<Passage> passages, string synonyms = "") =>
        new FixedKnowledgeBase(new KnowledgeSnapshot(
            KnowledgeSet.FromPassages(passages),
            LexicalIndex.Build(passages, SynonymsParser.Parse("synonyms.txt", synonyms).Rules),
            DateTimeOffset.UnixEpoch,
            TimeSpan.Zero));

    /// <summary>A knowledge base searched with an encoder (hybrid retrieval), as when the embedding model is on.</summary>
    public static IKnowledgeBase WithEncoder(IReadOnlyList<Passage> passages, ITextEncoder encoder)
    {
        var index = LexicalIndex.Build(passages);
        var vectors = PassageVectors.Compute(passages, encoder, new VectorCache(null, encoder.ModelId, encoder.Dimensions), 1, CancellationToken.None);
        var retriever = new Retriever(index, new DenseIndex(vectors.Vectors, encoder.Dimensions, vectors.Alternates), encoder);
        return new FixedKnowledgeBase(new KnowledgeSnapshot(KnowledgeSet.FromPassages(passages), retriever, DateTimeOffset.UnixEpoch, TimeSpan.Zero, "on (test)"));
    }

    public static AnswerService Service(IKnowledgeBase knowledge, AnsweringOptions? options = null, ISafetyTriage? triage = null) =>
        new(
            knowledge,
            triage ?? new SafetyTriage(Options.Create(new SafetyOptions())),
            Options.Create(options ?? new AnsweringOptions()),
            Options.Create(new SafetyOptions()),
            new AnsweringMetrics(),
            NullLogger<AnswerService>.Instance);

    private sealed class FixedKnowledgeBase(KnowledgeSnapshot snapshot) : IKnowledgeBase
    {
        public KnowledgeSnapshot Current => snapshot;

        public KnowledgeStatus Status => KnowledgeStatus.NotLoaded;

        public event EventHandler<KnowledgeReloadedEventArgs>? Reloaded
        {
            add { }
            remove { }
        }

        public Task<KnowledgeSnapshot> ReloadAsync(CancellationToken cancellationToken) => Task.FromResult(snapshot);
    }
}
