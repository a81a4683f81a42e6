using QaBot.Knowledge.Search;

namespace QaBot.Knowledge.Tests;

public sealed class SpellingCorrectorTests
{
    private static readonly Passage[] Passages =
    [
        new() { Id = "ra", Title = "Rheumatoid arthritis", Section = "Treatment", Text = "Treatment of rheumatoid arthritis includes medicines and physical therapy." },
        new() { Id = "ra2", Title = "Rheumatoid arthritis", Section = "Symptoms", Text = "Symptoms include painful, swollen joints and morning stiffness." },
        new() { Id = "sj", Title = "Sjögren syndrome", Section = "Overview", Text = "Sjögren syndrome causes dry eyes and a dry mouth." },
        new() { Id = "ms", Title = "Multiple sclerosis", Section = "Overview", Text = "Multiple sclerosis (MS) affects the brain and spinal cord." },
        new() { Id = "ls", Title = "Lichen sclerosus", Section = "Overview", Text = "Lichen sclerosus is a skin condition." },
    ];

    private static readonly SpellingCorrector Corrector = SpellingCorrector.Build(Passages);

    [Theory]
    [InlineData("rhuematoid arthritis treatmnt", "rheumatoid arthritis treatment")] // a swap and a dropped letter
    [InlineData("Rheumatiod arthritis symptons?", "rheumatoid arthritis symptoms?")]
    [InlineData("sjogrens syndrome", "sjogren syndrome")] // folded accents in the knowledge
    public void Correct_MisspeltWords_AreReplacedByKnowledgeWords(string question, string expected) =>
        Assert.Equal(expected, Corrector.Correct(question));

    [Theory]
    [InlineData("multiple sclerosus")] // a real word of the knowledge is never "corrected" to a more common one
    [InlineData("Can MS patients get stem cells?")] // unknown words too far from any knowledge word stay
    [InlineData("what is the GBSX score")] // all-capital abbreviations stay
    [InlineData("is B12 or T1D related")] // words with digits stay
    [InlineData("dry eyez")] // words shorter than five letters stay
    [InlineData("")]
    public void Correct_KnownShortOrFarWords_LeavesTheQuestionAsItIs(string question) =>
        Assert.Same(question, Corrector.Correct(question));

    [Fact]
    public void Correct_PreservesEverythingAroundTheWord()
    {
        Assert.Equal("My mum's rheumatoid  arthritis... (treatment?)", Corrector.Correct("My mum's rhuematoid  arthritis... (treatmnt?)"));
    }

    [Fact]
    public void Correct_TiesGoToTheCommonerWord()
    {
        var corrector = SpellingCorrector.Build(
        [
            new Passage { Id = "a", Title = "Glands", Text = "glands" },
            new Passage { Id = "b", Title = "Grands", Text = "grands" },
            new Passage { Id = "c", Title = "More", Text = "grands" },
        ]);

        Assert.Equal("grands", corrector.Correct("gzands"));
    }

    [Theory]
    [InlineData("treatment", "treatmnt", 1)]
    [InlineData("rheumatoid", "rhuematoid", 1)]
    [InlineData("abc", "abc", 0)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_CountsEditsWithSwapsAsOne(string a, string b, int expected) =>
        Assert.Equal(expected, SpellingCorrector.Distance(a, b, 5));

    [Fact]
    public void Distance_StopsPastTheLimit() =>
        Assert.Equal(2, SpellingCorrector.Distance("abcdef", "uvwxyz", 1));

    [Fact]
    public void Plan_MisspeltQuestion_FindsThePassageAndKeepsTheOriginalQuestion()
    {
        using var index = LexicalIndex.Build(Passages);

        var plan = index.Plan("rhuematoid arthritis treatmnt");

        Assert.Equal("rhuematoid arthritis treatmnt", plan.Question);
        Assert.Equal("rheumatoid arthritis treatment", plan.SearchText);
        Assert.Equal("ra", index.Search(plan, 1)[0].Passage.Id);
    }

    [Fact]
    public void Plan_InflectionOfAKnownWord_IsNotCorrected()
    {
        using var index = LexicalIndex.Build([new Passage { Id = "b", Title = "Brugada syndrome", Text = "Brugada syndrome affects the heart." }]);

        // "affected" is not a word of the knowledge, but its stem is: it is not a typo of "affects".
        Assert.Equal("who is affected by brugada", index.Plan("who is affected by brugada").SearchText);
    }

    [Fact]
    public void Plan_CorrectionOff_SearchesTheWordsAsTyped()
    {
        using var index = LexicalIndex.Build(Passages, options: new LexicalIndexOptions { SpellingCorrection = false });

        var plan = index.Plan("rhuematoid treatmnt");

        Assert.Equal(plan.Question, plan.SearchText);
        Assert.Empty(index.Search(plan, 1));
    }

    [Fact]
    public void Correct_QuestionFullOfUnknownWordsOnAHugeVocabulary_StopsAtTheWorkBudget()
    {
        // 30,000 known words of one first letter and length, and a question of 300 unknown ones like them: without a
        // budget each unknown word is compared with every known word of its bucket (9 million comparisons, seconds).
        static string Word(int n, char last) => "q" + string.Concat(Enumerable.Range(0, 7).Select(i => (char)('a' + (n / (int)Math.Pow(26, i) % 26)))) + last;
        var vocabulary = Enumerable.Range(0, 30_000).Select(n => Word(n, 'a')).ToList();
        var corrector = SpellingCorrector.Build([new Passage { Id = "p", Title = "Known", Text = "known" }], vocabulary);
        var typo = vocabulary[0][..^1] + "zz"; // two edits from a known word
        var question = typo + " " + string.Join(' ', Enumerable.Range(0, 300).Select(n => Word(n * 7, 'z') + "x"));

        var corrected = corrector.Correct(question, null, out var comparisons);

        Assert.InRange(comparisons, 1, SpellingCorrector.MaxComparisons);
        Assert.StartsWith(vocabulary[0] + " ", corrected, StringComparison.Ordinal);
    }
}
