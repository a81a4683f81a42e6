using QaBot.Knowledge.Files;
using QaBot.Knowledge.Search;

namespace QaBot.Knowledge.Tests;

public sealed class LexicalIndexTests : IDisposable
{
    private static readonly Passage[] Passages =
    [
        new() { Id = "lupus#what", Title = "Lupus", Section = "What is lupus?", Text = "Systemic lupus erythematosus is an autoimmune disease that can harm the skin, joints and kidneys." },
        new() { Id = "ms#what", Title = "Multiple sclerosis", Section = "Overview", Text = "Multiple sclerosis damages the protective covering of nerves in the brain and spinal cord." },
        new() { Id = "ra#joints", Title = "Rheumatoid arthritis", Section = "Joints", Text = "Rheumatoid arthritis causes inflamed, painful joints, often in the hands." },
        new() { Id = "cells#ipsc", Title = "Cell sources", Section = "Induced pluripotent stem cells", Text = "Adult cells can be reprogrammed into induced pluripotent stem cells in the laboratory." },
    ];

    private readonly LexicalIndex index = LexicalIndex.Build(
        Passages,
        SynonymsParser.Parse("synonyms.txt", "sle, lupus, systemic lupus erythematosus\nms, multiple sclerosis\nra, rheumatoid arthritis\nipsc, ipscs, induced pluripotent stem cells\n").Rules);

    public void Dispose() => index.Dispose();

    [Theory]
    [InlineData("what is SLE", "lupus#what")]
    [InlineData("can ms affect my nerves", "ms#what")]
    [InlineData("RA joint pain", "ra#joints")]
    [InlineData("what are iPSCs?", "cells#ipsc")]
    [InlineData("My sister's LUPUS diagnosis", "lupus#what")]
    public void Search_AbbreviationsAndCase_FindThePassageThroughSynonyms(string question, string expected)
    {
        var hits = index.Search(question, 3);

        Assert.Equal(expected, hits[0].Passage.Id);
    }

    [Fact]
    public void Search_WithoutSynonyms_AcronymIsNotStemmedAway()
    {
        using var plain = LexicalIndex.Build([new Passage { Id = "x", Title = "MS", Text = "MS is a disease." }, new Passage { Id = "y", Title = "M", Text = "m is a letter." }]);

        Assert.Equal("x", plain.Search("ms", 1)[0].Passage.Id);
    }

    [Theory]
    [InlineData("\"lupus AND (")]
    [InlineData("title:*")]
    [InlineData("~~~")]
    [InlineData("lupus^999 OR ms~2 -joints +[a TO z] {x} \\ / ? *")]
    [InlineData("🧬🩺💊 lupus 🙏")]
    [InlineData("\u0000\u0001\u0002lupus\u001b[31m")]
    [InlineData("")]
    [InlineData("   \t\n  ")]
    public void Search_HostileText_NeverThrows(string question)
    {
        var hits = index.Search(question, 5);

        Assert.NotNull(hits);
    }

    [Fact]
    public void Search_HugeQuestion_IsBoundedAndStillFinds()
    {
        var huge = new string('a', 10_000);
        var manyWords = string.Join(' ', Enumerable.Range(0, 5_000).Select(i => "word" + i)) + " lupus";

        Assert.Empty(index.Search(huge, 5));
        var plan = index.Plan(manyWords);
        Assert.True(plan.Concepts.Count <= LexicalIndex.MaxConcepts);
        Assert.Equal("lupus#what", index.Search(plan, 5)[0].Passage.Id);
    }

    [Fact]
    public void Search_OnlyStopWords_ReturnsNothing()
    {
        var plan = index.Plan("what is it and how does it do that?");

        Assert.True(plan.IsEmpty);
        Assert.Empty(index.Search(plan, 5));
    }

    [Fact]
    public void Search_ParallelQuestions_AllGetTheSameAnswers()
    {
        var questions = new[] { "what is SLE", "multiple sclerosis nerves", "rheumatoid joints", "ipsc" };
        var expected = questions.Select(q => index.Search(q, 1)[0].Passage.Id).ToArray();

        var results = new string[400];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = index.Search(questions[i % questions.Length], 1)[0].Passage.Id);

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % questions.Length], results[i]);
        }
    }

    [Fact]
    public void Plan_Coverage_IsFullForAMatchingPassageAndLowForAnUnrelatedOne()
    {
        var plan = index.Plan("lupus skin kidneys");
        var excerpts = new PassageExcerpts(index.IndexAnalyzer);

        Assert.Equal(1.0, plan.Coverage(excerpts.PassageTerms(Passages[0])), precision: 6);
        Assert.Equal(0.0, plan.Coverage(excerpts.PassageTerms(Passages[2])), precision: 6);
    }
}
