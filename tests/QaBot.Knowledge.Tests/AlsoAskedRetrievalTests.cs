using QaBot.Knowledge.Embeddings;
using QaBot.Knowledge.Search;

namespace QaBot.Knowledge.Tests;

/// <summary>Both retrieval paths match a passage's alternate questions.</summary>
public sealed class AlsoAskedRetrievalTests
{
    private static readonly Passage Hype = new()
    {
        Id = "overview#is-stem-cell-therapy-just-hype",
        Title = "Stem cell therapy basics",
        Section = "Is stem cell therapy just hype?",
        Text = "Researchers are studying it seriously, but most uses are still experimental.",
    };

    private static readonly Passage Cost = new()
    {
        Id = "cost#how-much",
        Title = "Cost and insurance",
        Section = "How much does stem cell therapy cost?",
        Text = "Prices vary widely and insurers rarely pay for unproven treatment.",
    };

    [Fact]
    public void LexicalSearch_WordsOnlyInAnAlternateQuestion_FindThatPassage()
    {
        Passage[] without = [Hype, Cost];
        Passage[] with = [Hype with { AlsoAsked = ["is it overblown marketing?"] }, Cost];

        using var plain = LexicalIndex.Build(without);
        using var asked = LexicalIndex.Build(with);

        Assert.Empty(plain.Search("overblown marketing", 5));
        Assert.Equal(Hype.Id, asked.Search("overblown marketing", 5)[0].Passage.Id);
    }

    [Fact]
    public void LexicalSearch_NoAlternateQuestions_ScoresAsBefore()
    {
        using var index = LexicalIndex.Build([Hype, Cost]);
        using var same = LexicalIndex.Build([Hype with { AlsoAsked = [] }, Cost with { AlsoAsked = [] }]);

        Assert.Equal(index.Search("stem cell therapy cost", 5).Select(h => h.Score), same.Search("stem cell therapy cost", 5).Select(h => h.Score));
    }

    [Fact]
    public void DenseIndex_AlternateVector_IsThePassagesBestAndAppearsOnce()
    {
        float[] own = [1, 0, 0];
        float[] other = [0, 1, 0];
        float[] alternate = [0, 0, 1];
        var index = new DenseIndex([own, other], 3, [(0, alternate)]);

        var hits = index.Search([0, 0.1f, 0.995f], 5);

        Assert.Equal([0, 1], hits.Select(h => h.Passage));
        Assert.True(hits[0].Score > 0.98f, $"cosine {hits[0].Score}");
        Assert.Equal(hits[0].Score, index.Similarity([0, 0.1f, 0.995f], 0), tolerance: 0.001);
        Assert.Equal(1, index.AlternateCount);
    }

    [Fact]
    public void DenseIndex_AlternateForUnknownPassage_Throws()
    {
        Assert.Throws<ArgumentException>(() => new DenseIndex([new float[] { 1, 0 }], 2, [(3, new float[] { 0, 1 })]));
    }

    [Fact]
    public void PassageVectors_ChangedAlternateQuestion_EncodesOnlyThatQuestion()
    {
        var encoder = new CountingEncoder();
        var cache = new VectorCache(null, encoder.ModelId, encoder.Dimensions);
        Passage[] first = [Hype with { AlsoAsked = ["is it all hype?", "does it really work?"] }, Cost];
        Passage[] edited = [Hype with { AlsoAsked = ["is it all hype?", "does it work at all?"] }, Cost];

        var before = PassageVectors.Compute(first, encoder, cache, 1, CancellationToken.None);
        var callsBefore = encoder.Calls;
        var after = PassageVectors.Compute(edited, encoder, cache, 1, CancellationToken.None);

        Assert.Equal(4, before.Encoded);
        Assert.Equal(2, before.Alternates.Count);
        Assert.All(before.Alternates, a => Assert.Equal(0, a.Passage));
        Assert.Equal(1, after.Encoded);
        Assert.Equal(1, encoder.Calls - callsBefore);
        Assert.Equal(["does it work at all?"], encoder.Sections.Skip(callsBefore));
    }

    [Fact]
    public void HeadingFocusCoverage_TopicNamedOnlyByAnAlternateQuestion_CountsLikeTheHeading()
    {
        var withAlternate = Hype with { AlsoAsked = ["is it overblown marketing?"] };
        using var index = LexicalIndex.Build([withAlternate, Cost]);
        var excerpts = new PassageExcerpts(index.IndexAnalyzer);
        var plan = index.Plan("overblown marketing?");

        Assert.Equal(0, plan.FocusCoverage(excerpts.HeadingTerms(withAlternate)));
        Assert.Equal(1, excerpts.HeadingFocusCoverage(withAlternate, plan), tolerance: 1e-9);
        Assert.Equal(0, excerpts.HeadingFocusCoverage(Cost, plan));
    }

    private sealed class CountingEncoder : ITextEncoder
    {
        private readonly Lock gate = new();

        public List<string> Sections { get; } = [];

        public int Calls
        {
            get
            {
                lock (gate)
                {
                    return Sections.Count;
                }
            }
        }

        public string ModelId => "counting";

        public int Dimensions => 2;

        public float[] EncodeQuery(string text) => [1, 0];

        public float[] EncodePassage(string title, string section, string text)
        {
            lock (gate)
            {
                Sections.Add(section);
            }

            return [section.Length + text.Length, 1];
        }

        public void Dispose()
        {
        }
    }
}
