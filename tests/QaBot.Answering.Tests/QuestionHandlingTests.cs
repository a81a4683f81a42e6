namespace QaBot.Answering.Tests;

/// <summary>Questions people actually ask (issue 13, item 4) and honest limits (item 5), on small FAQ test knowledge.</summary>
public sealed class QuestionHandlingTests
{
    private static readonly AnsweringOptions Defaults = new();

    private static Task<Answer> Ask(string question) =>
        TestKnowledge.Service(TestKnowledge.Faq).AnswerAsync(new Question(question), CancellationToken.None);

    [Theory]
    [InlineData("is stem cell therapy approved for lupus?", "No. No stem cell therapy is approved by the FDA")]
    [InlineData("stem cells one size fits all?", "No. Whether stem cell therapy could suit someone")]
    [InlineData("stem cells cure lupus 100% right?", "No. No stem cell therapy is a proven cure")]
    public async Task AnswerAsync_YesNoQuestion_IsAnsweredByTheSectionThatSaysYesOrNo(string question, string opening)
    {
        var answer = await Ask(question);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.StartsWith(opening, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stem cell therapy for lupus, is it any good?", "conditions/lupus#can-stem-cell-therapy-help-lupus-sle")]
    [InlineData("can stem cell therapy help lupus?", "conditions/lupus#can-stem-cell-therapy-help-lupus-sle")]
    public async Task AnswerAsync_YesNoQuestion_IsNotAnsweredByANoToAnotherQuestion(string question, string expected)
    {
        var answer = await Ask(question);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal(expected, answer.Citations[0].Id);
    }

    [Theory]
    [InlineData("what is hsct and what are the risks?", "hsct#what-is-hsct", "hsct#what-are-the-risks-of-hsct")]
    [InlineData("what is stem cell therapy and is it safe?", "overview#what-is-stem-cell-therapy", "safety#is-stem-cell-therapy-safe")]
    public async Task AnswerAsync_LaterPartWithoutItsOwnTopic_LeansOnTheFirstPartAndGetsItsOwnCitation(string question, string first, string second)
    {
        var answer = await Ask(question);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal(first, answer.Citations[0].Id);
        Assert.Contains(answer.Citations.Skip(1), c => c.Id == second);
    }

    [Theory]
    [InlineData("what is hsct and how long is recovery?", "hsct#what-is-hsct", "hsct#how-long-does-recovery-from-hsct-take")]
    [InlineData("is it safe and does insurance cover it?", "safety#is-stem-cell-therapy-safe", "cost-and-insurance#does-insurance-cover-stem-cell-therapy")]
    public async Task AnswerAsync_QuestionWithTwoParts_AnswersEachPartWithItsOwnCitation(string question, string first, string second)
    {
        var answer = await Ask(question);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal([first, second], answer.Citations.Select(c => c.Id).Take(2));
        Assert.Contains("[1]", answer.Text, StringComparison.Ordinal);
        Assert.Contains("[2]", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Text.IndexOf("[1]", StringComparison.Ordinal) < answer.Text.IndexOf("[2]", StringComparison.Ordinal));
        Assert.Empty(AnswerReadability.Check(answer));
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("Hello there!")]
    [InlineData("thanks!")]
    [InlineData("thank you so much this helped")]
    [InlineData("thanks, that was really helpful")]
    [InlineData("thank you so much")]
    [InlineData("what can you do?")]
    public async Task AnswerAsync_SmallTalk_GetsAFriendlyReplyWithThreeExampleQuestions(string message)
    {
        var answer = await Ask(message);

        Assert.Equal(AnswerKind.SmallTalk, answer.Kind);
        Assert.Empty(answer.Citations);
        Assert.Equal(Defaults.Reminder, answer.Reminder);
        Assert.Equal(3, answer.Text.Split('\n').Count(line => line.StartsWith("- ", StringComparison.Ordinal) && line.EndsWith('?')));
    }

    [Fact]
    public async Task AnswerAsync_GreetingWithAQuestion_AnswersTheQuestion()
    {
        var answer = await Ask("hi, what is HSCT?");

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal("hsct#what-is-hsct", answer.Citations[0].Id);
    }

    [Theory]
    [InlineData("¿Qué es la terapia con células madre?")]
    [InlineData("Qu'est-ce que la thérapie par cellules souches pour le lupus?")]
    [InlineData("Was ist eine Stammzelltherapie und hilft sie bei MS?")]
    [InlineData("O que é a terapia com células-tronco para o lúpus?")]
    [InlineData("Che cos'è la terapia con cellule staminali per la sclerosi multipla?")]
    public async Task AnswerAsync_QuestionInAnotherLanguage_GetsAnHonestReplyInEnglish(string question)
    {
        var answer = await Ask(question);

        Assert.Equal(AnswerKind.NoAnswer, answer.Kind);
        Assert.Equal(Defaults.EnglishOnlyText, answer.Text);
        Assert.Equal(Defaults.Reminder, answer.Reminder);
    }

    [Theory]
    [InlineData("which hospital in London does HSCT?", "specific hospitals", "hsct#what-is-hsct")]
    [InlineData("does Medicare cover stem cell therapy?", "particular insurer", "cost-and-insurance#does-insurance-cover-stem-cell-therapy")]
    [InlineData("what is the success rate of HSCT in percent?", "success rates", "hsct#what-is-hsct")]
    [InlineData("how many patients have had HSCT for multiple sclerosis?", "how many patients", "hsct#what-is-hsct")]
    [InlineData("is the Mayo Clinic good for HSCT?", "specific clinics or hospitals", "hsct#what-is-hsct")]
    public async Task AnswerAsync_KnowledgeLacksWhatIsAsked_SaysWhatIsMissingAndListsRelatedSections(string question, string missing, string related)
    {
        var answer = await Ask(question);

        Assert.Equal(AnswerKind.NoAnswer, answer.Kind);
        Assert.Contains(missing, answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Citations);
        Assert.InRange(answer.Related.Count, 1, 3);
        Assert.Contains(answer.Related, r => r.Id == related);
        Assert.All(answer.Related, r => Assert.NotNull(TestKnowledge.Faq.Current.FindPassage(r.Id)));
    }

    [Theory]
    [InlineData("how much does stem cell therapy cost?")]
    public async Task AnswerAsync_PriceQuestion_IsAnsweredByTheSectionWrittenForIt(string question)
    {
        var answer = await Ask(question);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal("cost-and-insurance#how-much-does-stem-cell-therapy-cost", answer.Citations[0].Id);
    }

    [Theory]
    [InlineData("what is the best stem cell clinic in Mexico for lupus?")]
    [InlineData("price of a stem cell clinic in Mexico")]
    [InlineData("where can I get stem cell therapy for my MS?")]
    public async Task AnswerAsync_ClinicSeekingQuestion_IsAnsweredWithTheUnprovenClinicWarning(string question)
    {
        var answer = await Ask(question);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Contains(answer.Citations[0].Id, (string[])["approval-and-clinics#are-stem-cell-clinics-that-advertise-treatments-safe", "approval-and-clinics#how-can-i-tell-if-a-stem-cell-clinic-is-unproven"]);
        Assert.Empty(AnswerReadability.Check(answer));
    }

    [Theory]
    [InlineData("stem cells in plants")]
    [InlineData("can stem cells help my dog's arthritis?")]
    [InlineData("osteoarthritis knee injections with stem cells")]
    [InlineData("how do I use MS Office")]
    [InlineData("ms word keeps crashing")]
    [InlineData("write me a cover letter for the clinic")]
    [InlineData("can you book me an appointment with a rheumatologist")]
    [InlineData("lupus the constellation, where is it in the sky")]
    [InlineData("how do i become an RA in my college dorm")]
    [InlineData("what does STEM stand for in school subjects")]
    public async Task AnswerAsync_OffTopicQuestionSharingWords_IsRefused(string question)
    {
        var answer = await Ask(question);

        Assert.Equal(AnswerKind.NoAnswer, answer.Kind);
        Assert.Empty(answer.Citations);
        Assert.Equal(Defaults.NoAnswerText, answer.Text);
    }

    [Fact]
    public async Task AnswerJson_SmallTalkAndRelated_UseTheirSnakeCaseNames()
    {
        var smallTalk = AnswerJson.Serialize(await Ask("hi"));
        var limit = AnswerJson.Serialize(await Ask("does Medicare cover stem cell therapy?"));

        Assert.Contains("\"kind\":\"small_talk\"", smallTalk, StringComparison.Ordinal);
        Assert.Contains("\"related\":[]", smallTalk, StringComparison.Ordinal);
        Assert.Contains("\"related\":[{\"id\":\"cost-and-insurance#does-insurance-cover-stem-cell-therapy\",\"title\":\"Cost and insurance\",\"section\":\"Does insurance cover stem cell therapy?\"}", limit, StringComparison.Ordinal);
    }
}
