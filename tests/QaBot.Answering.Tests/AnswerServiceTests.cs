using System.Text.RegularExpressions;
using Moq;
using QaBot.Answering.Safety;
using QaBot.Knowledge;

namespace QaBot.Answering.Tests;

public sealed partial class AnswerServiceTests
{
    private static readonly AnsweringOptions Defaults = new();
    private readonly AnswerService bundled = TestKnowledge.Service(TestKnowledge.Bundled);

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex MarkerRegex();

    private static string Squash(string text) => string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private Task<Answer> Ask(string text) => bundled.AnswerAsync(new Question(text), CancellationToken.None);

    [Theory]
    [InlineData("What is stem cell therapy?")]
    [InlineData("can stem cells help lupus")]
    [InlineData("what is SLE")]
    [InlineData("can ms pts get stem cells")]
    [InlineData("rhuematoid arthritis stem cells")]
    [InlineData("what are induced pluripotent stem cells")]
    [InlineData("is stem cell therapy safe?")]
    [InlineData("what are the risks of a transplant for MS?")]
    public async Task AnswerAsync_OnTopicQuestion_IsAnsweredWithCitationsFromTheKnowledge(string question)
    {
        var answer = await Ask(question);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Null(answer.Category);
        Assert.InRange(answer.Citations.Count, 1, Defaults.MaxCitations);
        var snapshot = TestKnowledge.Bundled.Current;
        foreach (var citation in answer.Citations)
        {
            var passage = snapshot.FindPassage(citation.Id);
            Assert.NotNull(passage);
            Assert.Equal(passage.Title, citation.Title);
            Assert.Equal(passage.Section, citation.Section);
            Assert.Equal(passage.Source, citation.Source);
            var plainQuote = Squash(citation.Quote.Replace("**", "", StringComparison.Ordinal).Trim('…', ' '));
            Assert.Contains(plainQuote, Squash(passage.Text), StringComparison.Ordinal);
        }

        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.N));
        Assert.Equal(answer.Citations.Count, answer.Citations.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public async Task AnswerAsync_Answered_TextIsMadeOfCitedSentencesWithMarkersWithinTheLimit()
    {
        var answer = await Ask("how do stem cells calm the immune system in autoimmune disease?");

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.True(answer.Text.Length <= Defaults.MaxAnswerChars, answer.Text);
        var markers = MarkerRegex().Matches(answer.Text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(markers);
        Assert.All(markers, n => Assert.InRange(n, 1, answer.Citations.Count));
        var snapshot = TestKnowledge.Bundled.Current;
        var parts = MarkerRegex().Split(answer.Text);
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            // Every sentence of a piece is a whole sentence of the passage its marker cites.
            var passage = snapshot.FindPassage(answer.Citations[int.Parse(parts[i + 1], System.Globalization.CultureInfo.InvariantCulture) - 1].Id)!;
            foreach (var sentence in Sentences.Split(parts[i].Replace("\n- ", "\n", StringComparison.Ordinal)))
            {
                Assert.Contains(sentence, passage.Text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task AnswerAsync_Quotes_BoldTheQuestionWordsAndStayShort()
    {
        var answer = await Ask("can stem cell therapy help lupus flare-ups?");

        Assert.Contains(answer.Citations, c => c.Quote.Contains("**", StringComparison.Ordinal));
        Assert.All(answer.Citations, c => Assert.True(c.Quote.Replace("**", "", StringComparison.Ordinal).Length <= Defaults.MaxQuoteChars + 4));
    }

    [Theory]
    [InlineData("how much does a stem cell clinic cost in Mexico")]
    [InlineData("what is the best stem cell clinic in Mexico")]
    public async Task AnswerAsync_ClinicSeekingQuestion_CitesTheUnprovenClinicWarningAndNoPrice(string question)
    {
        var answer = await Ask(question);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Contains(answer.Citations, c => c.Id.StartsWith("approval-and-clinics#", StringComparison.Ordinal));
        Assert.Contains("unproven", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('$', answer.Text);
        Assert.DoesNotMatch(@"\d", answer.Text.Replace("[1]", "", StringComparison.Ordinal).Replace("[2]", "", StringComparison.Ordinal).Replace("[3]", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("what's the weather tomorrow in Berlin?")]
    [InlineData("how do I write a for loop in python")]
    [InlineData("who won the football match last night")]
    [InlineData("best pizza near me")]
    [InlineData("where can I get the best pizza")]
    [InlineData("tell me a joke")]
    public async Task AnswerAsync_OffTopicQuestion_IsNoAnswerWithoutCitations(string question)
    {
        var answer = await Ask(question);

        Assert.Equal(AnswerKind.NoAnswer, answer.Kind);
        Assert.Empty(answer.Citations);
        Assert.Equal(Defaults.NoAnswerText, answer.Text);
    }

    [Fact]
    public async Task AnswerAsync_ClinicPriceQuestion_GetsTheUnprovenClinicWarning()
    {
        var answer = await Ask("how much does a stem cell clinic cost in Mexico");

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal("approval-and-clinics", answer.Citations[0].Id.Split('#')[0]);
        Assert.Contains("clinic", answer.Citations[0].Section, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \t  ", "empty")]
    [InlineData("\u200B\u0000", "empty")]
    public async Task AnswerAsync_EmptyMessage_GetsAPoliteRequest(string question, string _)
    {
        var answer = await Ask(question);

        Assert.Equal(AnswerKind.NoAnswer, answer.Kind);
        Assert.Equal(Defaults.EmptyQuestionText, answer.Text);
    }

    [Fact]
    public async Task AnswerAsync_OverlongMessage_GetsAPoliteRequestNamingTheLimit()
    {
        var answer = await Ask(string.Join(' ', Enumerable.Repeat("lupus stem cells", 500)));

        Assert.Equal(AnswerKind.NoAnswer, answer.Kind);
        Assert.Contains(Defaults.MaxQuestionChars.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("What is stem cell therapy?")]
    [InlineData("what's the weather tomorrow?")]
    [InlineData("I want to kill myself")]
    [InlineData("my chest hurts and i cant breathe")]
    [InlineData("should I stop my methotrexate for stem cells?")]
    [InlineData("how many mg of prednisone should I take")]
    [InlineData("lupus AND (")]
    public async Task AnswerAsync_EveryKindOfAnswer_CarriesTheReminder(string question)
    {
        var answer = await Ask(question);

        Assert.Equal(Defaults.Reminder, answer.Reminder);
    }

    [Fact]
    public async Task AnswerAsync_ReminderFromConfiguration_IsUsed()
    {
        var service = TestKnowledge.Service(TestKnowledge.Bundled, new AnsweringOptions { Reminder = "Ask your care team about your own case." });

        var answer = await service.AnswerAsync(new Question("what is lupus"), CancellationToken.None);

        Assert.Equal("Ask your care team about your own case.", answer.Reminder);
    }

    [Fact]
    public async Task AnswerAsync_SafetyVerdict_WinsOverSearchAndHasNoCitations()
    {
        var triage = new Mock<ISafetyTriage>();
        triage.Setup(t => t.Assess(It.IsAny<string>(), It.IsAny<float[]?>())).Returns(new SafetyVerdict(SafetyCategory.SelfHarm, "test"));
        var service = TestKnowledge.Service(TestKnowledge.Bundled, triage: triage.Object);

        var answer = await service.AnswerAsync(new Question("stem cells for lupus"), CancellationToken.None);

        Assert.Equal((AnswerKind.Safety, SafetyCategory.SelfHarm), (answer.Kind, answer.Category));
        Assert.Empty(answer.Citations);
        Assert.Contains("988", answer.Text, StringComparison.Ordinal);
        Assert.Equal(["988", "911", "112"], answer.Contacts.Select(c => c.Phone));
    }

    [Fact]
    public async Task AnswerAsync_TriagedByTheTurn_UsesItsVerdictWithoutTriagingOrSearchingAgain()
    {
        var triage = new Mock<ISafetyTriage>(MockBehavior.Strict);
        var knowledge = new Mock<IKnowledgeBase>(MockBehavior.Strict);
        var service = TestKnowledge.Service(knowledge.Object, triage: triage.Object);
        var question = new Question("stem cells for lupus") { Triage = new QaBot.Answering.Turns.TriageOutcome(new SafetyVerdict(SafetyCategory.Emergency, "triage-failed"), null) };

        var answer = await service.AnswerAsync(question, CancellationToken.None);

        Assert.Equal((AnswerKind.Safety, SafetyCategory.Emergency), (answer.Kind, answer.Category));
        Assert.Empty(answer.Citations);
        triage.VerifyNoOtherCalls();
        knowledge.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("I want to end my life", SafetyCategory.SelfHarm)]
    [InlineData("crushing chest pain right now", SafetyCategory.Emergency)]
    [InlineData("am i a candidate for stem cell therapy?", SafetyCategory.PersonalMedicalAdvice)]
    [InlineData("what dose of methotrexate should i take", SafetyCategory.Dosing)]
    public async Task AnswerAsync_SafetyMessages_GetTheirCategory(string question, SafetyCategory category)
    {
        var answer = await Ask(question);

        Assert.Equal((AnswerKind.Safety, category), (answer.Kind, answer.Category));
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task AnswerAsync_IdenticalPassages_AreCitedOnce()
    {
        const string text = "Lupus is an autoimmune disease in which the immune system attacks healthy tissue in many parts of the body.";
        var knowledge = TestKnowledge.From(
        [
            new Passage { Id = "a", Title = "Lupus", Section = "Overview", Text = text, Source = "GARD" },
            new Passage { Id = "b", Title = "Lupus", Section = "Overview", Text = text, Source = "GHR" },
            new Passage { Id = "c", Title = "Lupus", Section = "Overview", Text = text + " ", Source = "MedlinePlus" },
        ]);

        var answer = await TestKnowledge.Service(knowledge).AnswerAsync(new Question("what is lupus autoimmune disease"), CancellationToken.None);

        Assert.Single(answer.Citations);
    }

    [Theory]
    [InlineData("\"lupus AND (")]
    [InlineData("title:*")]
    [InlineData("~~~")]
    [InlineData("🧬🧬🧬")]
    [InlineData("\u0001\u0002\u0003")]
    public async Task AnswerAsync_HostileText_GetsAReplyNotAnException(string question)
    {
        var answer = await Ask(question);

        Assert.False(string.IsNullOrWhiteSpace(answer.Text));
        Assert.Equal(Defaults.Reminder, answer.Reminder);
    }

    [Fact]
    public async Task AnswerAsync_ParallelQuestions_AreAllAnsweredConsistently()
    {
        var questions = new[] { "what is SLE", "can stem cells help multiple sclerosis", "weather tomorrow", "what are iPSCs" };
        var expected = new List<(AnswerKind, string?)>();
        foreach (var q in questions)
        {
            var a = await Ask(q);
            expected.Add((a.Kind, a.Citations.FirstOrDefault()?.Id));
        }

        var tasks = Enumerable.Range(0, 200).Select(i => Task.Run(() => Ask(questions[i % questions.Length]))).ToArray();
        var answers = await Task.WhenAll(tasks);

        for (var i = 0; i < answers.Length; i++)
        {
            Assert.Equal(expected[i % questions.Length], (answers[i].Kind, answers[i].Citations.FirstOrDefault()?.Id));
        }
    }
}
