using QaBot.Analytics.Reports;
using QaBot.Knowledge;
using QaBot.Knowledge.Files;
using QaBot.Knowledge.Search;

namespace QaBot.Moderation.Tests;

public sealed class GapSuggestionsTests : IDisposable
{
    private const string Overview = """
        ---
        title: The basics
        ---
        ## Is stem cell therapy just hype?
        No. Researchers are studying stem cell therapy seriously, but most uses are still experimental.
        Also asked: is it all hype?

        ## How much does stem cell therapy cost?
        Prices vary widely, and insurers rarely pay for treatment outside a clinical trial.
        """;

    private readonly KnowledgeSnapshot snapshot;

    public GapSuggestionsTests()
    {
        var passages = MarkdownKnowledgeParser.Parse("overview.md", Overview).Passages;
        snapshot = new KnowledgeSnapshot(KnowledgeSet.FromPassages(passages), LexicalIndex.Build(passages), DateTimeOffset.UnixEpoch, TimeSpan.Zero);
    }

    public void Dispose() => snapshot.Dispose();

    [Fact]
    public void For_UnansweredQuestion_NamesTheNearestSectionAndTheWholeLineToAdd()
    {
        var suggestion = GapSuggestions.For("is stem cell therapy overhyped marketing?", snapshot);

        Assert.NotNull(suggestion);
        Assert.Equal("overview#is-stem-cell-therapy-just-hype", suggestion.SectionId);
        Assert.Equal("overview.md", suggestion.File);
        Assert.Equal(4, suggestion.Line);
        Assert.Equal("Also asked: is it all hype? | is stem cell therapy overhyped marketing?", suggestion.Add);
    }

    [Fact]
    public void For_QuestionOfOnlyChatWords_NoSuggestion()
    {
        Assert.Null(GapSuggestions.For("what is it?", snapshot));
        Assert.Null(GapSuggestions.For("   ", snapshot));
    }

    [Fact]
    public void Suggest_Report_AttachesASuggestionToEachGroupAndTheTextShowsTheLine()
    {
        var report = new GapReport
        {
            From = DateTimeOffset.UnixEpoch,
            To = DateTimeOffset.UnixEpoch.AddDays(7),
            NoAnswerTotal = 2,
            NotHelpfulTotal = 0,
            Groups =
            [
                new GapGroup { Key = "price", Example = "what's the price, do insurers pay", Count = 2, DistinctUsers = 2, LastAsked = DateTimeOffset.UnixEpoch, NoAnswerCount = 2, NotHelpfulCount = 0 },
            ],
        };

        var suggested = GapSuggestions.Suggest(report, snapshot);
        var text = AnalyticsReportText.Gaps(suggested);

        Assert.Equal("overview#how-much-does-stem-cell-therapy-cost", suggested.Groups[0].Suggestion?.SectionId);
        Assert.Contains("Also asked: what's the price, do insurers pay", text, StringComparison.Ordinal);
        Assert.Contains("overview#how-much-does-stem-cell-therapy-cost (overview.md:8)", text, StringComparison.Ordinal);
    }
}
