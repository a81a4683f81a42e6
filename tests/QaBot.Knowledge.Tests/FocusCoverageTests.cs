using QaBot.Knowledge.Search;

namespace QaBot.Knowledge.Tests;

public sealed class FocusCoverageTests
{
    private static readonly Passage[] Passages =
    [
        new() { Id = "lupus", Title = "Lupus", Section = "Symptoms", Text = "Lupus causes joint pain, rashes and tiredness in many people." },
        new() { Id = "brugada", Title = "Brugada syndrome", Section = "Frequency", Text = "Brugada syndrome affects about 5 in 10,000 people worldwide." },
        new() { Id = "ra", Title = "Rheumatoid arthritis", Section = "Treatment", Text = "Rheumatoid arthritis is treated with medicines." },
    ];

    private static readonly LexicalIndex Index = LexicalIndex.Build(Passages);
    private static readonly PassageExcerpts Excerpts = new(Index.IndexAnalyzer);

    [Theory]
    [InlineData("What are the symptoms of lupus?", "lupus")]
    [InlineData("How many people are affected by Brugada syndrome ?", "brugada")] // the frequency wording is not the topic
    [InlineData("rheumatoid arthritis treatmnt", "ra")]
    public void FocusCoverage_HeadingNamesTheTopic_IsOne(string question, string id)
    {
        var plan = Index.Plan(question);

        Assert.Equal(1.0, plan.FocusCoverage(Excerpts.HeadingTerms(Passages.Single(p => p.Id == id))), 3);
    }

    [Fact]
    public void FocusCoverage_NeighbouringTopic_IsBelowTheCalibratedThreshold()
    {
        var plan = Index.Plan("What are the symptoms of lupus nephritis?");

        var coverage = plan.FocusCoverage(Excerpts.HeadingTerms(Passages[0]));

        Assert.InRange(coverage, 0.01, 0.89);
    }

    [Fact]
    public void FocusCoverage_QuestionWithoutTopic_IsZero()
    {
        var plan = Index.Plan("what are the symptoms?");

        Assert.Equal(0, plan.FocusCoverage(Excerpts.HeadingTerms(Passages[0])));
    }

    [Theory]
    [InlineData("How many people are affected by Brugada syndrome ?", "affected")]
    [InlineData("What are the genetic changes related to achondroplasia ?", "related")]
    [InlineData("What are the symptoms of lupus?", "symptoms")]
    public void Focus_BlanksTheWordsThatSayWhatIsAsked(string question, string blanked)
    {
        var focus = QuestionIntents.Focus(question);

        Assert.DoesNotContain(blanked, focus, StringComparison.OrdinalIgnoreCase);
    }
}
