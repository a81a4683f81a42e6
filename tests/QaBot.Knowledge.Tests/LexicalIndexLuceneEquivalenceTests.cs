using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using QaBot.Knowledge.Files;
using QaBot.Knowledge.Search;

namespace QaBot.Knowledge.Tests;

/// <summary>
/// The lexical index scores from precomputed term scores; these tests check them against Lucene scoring the same
/// clauses as a BooleanQuery (one term clause per field, synonym groups as DisjunctionMaxQuery with phrases, the exact
/// title match on the title key), so the ranking is Lucene's BM25, only faster.
/// </summary>
public sealed class LexicalIndexLuceneEquivalenceTests : IDisposable
{
    private static readonly Passage[] Passages =
    [
        new() { Id = "lupus#what", Title = "Lupus", Section = "What is lupus?", Text = "Systemic lupus erythematosus is an autoimmune disease. Lupus can harm the skin, joints and kidneys; lupus flares come and go." },
        new() { Id = "lupus#treat", Title = "Lupus", Section = "Treatment", Text = "Treatment of lupus uses medicines that calm the immune system, such as hydroxychloroquine and steroids." },
        new() { Id = "ms#what", Title = "Multiple sclerosis", Section = "Overview", Text = "Multiple sclerosis damages the protective covering of nerves in the brain and spinal cord." },
        new() { Id = "ms#symptoms", Title = "Multiple sclerosis", Section = "Symptoms", Text = "Symptoms of multiple sclerosis include numbness, weakness, problems with vision and fatigue. Sclerosis means scarring." },
        new() { Id = "ra#joints", Title = "Rheumatoid arthritis", Section = "Joints", Text = "Rheumatoid arthritis causes inflamed, painful joints, often in the hands and feet." },
        new() { Id = "ra#treat", Title = "Rheumatoid arthritis", Section = "Treatment", Text = "Treatment aims to stop inflammation. Disease-modifying drugs protect the joints." },
        new() { Id = "cells#ipsc", Title = "Cell sources", Section = "Induced pluripotent stem cells", Text = "Adult cells can be reprogrammed into induced pluripotent stem cells in the laboratory." },
        new() { Id = "cells#msc", Title = "Cell sources", Section = "Mesenchymal stem cells", Text = "Mesenchymal stem cells come from bone marrow, fat or umbilical cord tissue. Stem cells, stem cells everywhere." },
        new() { Id = "hsct#what", Title = "Stem cell transplant", Section = "What happens", Text = "In a stem cell transplant the immune system is reset with chemotherapy and the patient's own stem cells are returned." },
        new() { Id = "hsct#risk", Title = "Stem cell transplant", Section = "Risks", Text = "Infections are the main risk while the immune system recovers." },
        new() { Id = "empty#title", Title = "", Section = "", Text = "A passage without a title or a section about the immune system." },
        new() { Id = "sclerosis#multiple", Title = "Sclerosis", Section = "Many kinds", Text = "Sclerosis of multiple organs, such as systemic sclerosis, is different from multiple sclerosis." },
    ];

    private static readonly IReadOnlyList<SynonymRule> Synonyms =
        SynonymsParser.Parse("synonyms.txt", "sle, lupus, systemic lupus erythematosus\nms, multiple sclerosis\nra, rheumatoid arthritis\n").Rules;

    private static readonly LexicalIndexOptions Options = new() { IntentBoost = 0 };

    private readonly LexicalIndex index = LexicalIndex.Build(Passages, Synonyms, Options, maxBufferedDocs: 4, CancellationToken.None);
    private readonly RAMDirectory referenceDirectory = new();
    private readonly DirectoryReader referenceReader;
    private readonly IndexSearcher referenceSearcher;

    public LexicalIndexLuceneEquivalenceTests()
    {
        var analyzer = new QaBotAnalyzer();
        using (var writer = new IndexWriter(referenceDirectory, new IndexWriterConfig(QaBotAnalyzer.Version, analyzer) { Similarity = new BM25Similarity(1.2f, 0.75f) }))
        {
            foreach (var passage in Passages)
            {
                writer.AddDocument(new Document
                {
                    new TextField("title", passage.Title, Field.Store.NO),
                    new TextField("section", passage.Section, Field.Store.NO),
                    new TextField("text", passage.Text, Field.Store.NO),
                    new StringField("title_key", string.Join(' ', analyzer.Terms(passage.Title)), Field.Store.NO),
                });
            }

            writer.Commit();
        }

        referenceReader = DirectoryReader.Open(referenceDirectory);
        referenceSearcher = new IndexSearcher(referenceReader) { Similarity = new BM25Similarity(1.2f, 0.75f) };
    }

    public void Dispose()
    {
        index.Dispose();
        referenceReader.Dispose();
        referenceDirectory.Dispose();
    }

    [Theory]
    [InlineData("lupus")]
    [InlineData("how is lupus treated")]
    [InlineData("what are the symptoms of multiple sclerosis")]
    [InlineData("can ms damage the nerves")]
    [InlineData("SLE and RA joints")]
    [InlineData("stem cells from bone marrow, stem cell transplant risks")]
    [InlineData("immune system reset")]
    [InlineData("sclerosis")]
    public void Search_AnyQuestion_SameScoresAndOrderAsLuceneOverTheSameClauses(string question)
    {
        var plan = index.Plan(question);

        var hits = index.Search(plan, 20);
        var expected = referenceSearcher.Search(ReferenceQuery(plan), 20).ScoreDocs;

        Assert.NotEmpty(hits);
        Assert.Equal(expected.Select(d => Passages[d.Doc].Id), hits.Select(h => h.Passage.Id));
        Assert.Equal(expected.Select(d => d.Score), hits.Select(h => h.Score), (a, b) => Math.Abs(a - b) <= 1e-5f * Math.Max(1f, Math.Abs(a)));
    }

    [Fact]
    public void Search_IdenticalPassages_TieInScoreAndTheEarlierComesFirst()
    {
        var copy = Passages[2] with { Id = "ms#copy" };
        using var withCopy = LexicalIndex.Build([Passages[0], Passages[2], Passages[3], copy], Synonyms);

        var hits = withCopy.Search("multiple sclerosis covering of nerves", 4);

        Assert.Equal(["ms#what", "ms#copy"], hits.Take(2).Select(h => h.Passage.Id));
        Assert.Equal(hits[0].Score, hits[1].Score);
    }

    [Fact]
    public void Search_ManyQuestionsOnOneThread_EachAsIfAlone()
    {
        var questions = new[] { "lupus skin", "stem cells", "multiple sclerosis vision", "rheumatoid arthritis hands", "lupus skin" };
        var alone = questions.Select(q =>
        {
            using var fresh = LexicalIndex.Build(Passages, Synonyms, Options);
            return fresh.Search(q, 5).Select(h => (h.Passage.Id, h.Score)).ToList();
        }).ToList();

        var inARow = questions.Select(q => index.Search(q, 5).Select(h => (h.Passage.Id, h.Score)).ToList()).ToList();

        Assert.Equal(alone, inARow);
    }

    /// <summary>The query the lexical index used to hand to Lucene for a plan.</summary>
    private static BooleanQuery ReferenceQuery(QueryPlan plan)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var concept in plan.Concepts)
        {
            if (concept.IsSingleTerm)
            {
                query.Add(TermOverFields(concept.Alternatives[0][0]), Occur.SHOULD);
                continue;
            }

            var any = new DisjunctionMaxQuery(0.1f);
            foreach (var alternative in concept.Alternatives)
            {
                if (alternative.Length == 1)
                {
                    any.Add(TermOverFields(alternative[0]));
                    continue;
                }

                var phrase = new BooleanQuery(disableCoord: true);
                foreach (var (field, boost) in Fields)
                {
                    var fieldPhrase = new PhraseQuery { Slop = 1, Boost = boost };
                    foreach (var term in alternative)
                    {
                        fieldPhrase.Add(new Term(field, term));
                    }

                    phrase.Add(fieldPhrase, Occur.SHOULD);
                }

                any.Add(phrase);
            }

            query.Add(any, Occur.SHOULD);
        }

        foreach (var key in plan.TitlesInQuestion)
        {
            query.Add(new TermQuery(new Term("title_key", key)) { Boost = Options.TitleMatchBoost * (float)Math.Sqrt(key.Split(' ').Length) }, Occur.SHOULD);
        }

        return query;
    }

    private static readonly (string Field, float Boost)[] Fields = [("title", Options.TitleBoost), ("section", Options.SectionBoost), ("text", Options.TextBoost), ("asked", Options.AlsoAskedBoost)];

    private static BooleanQuery TermOverFields(string term)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in Fields)
        {
            query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
        }

        return query;
    }
}
