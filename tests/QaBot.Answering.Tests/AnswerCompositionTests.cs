using QaBot.Knowledge;

namespace QaBot.Answering.Tests;

/// <summary>Answers composed from whole units of the cited passages (issue 13, item 3), on small FAQ test knowledge.</summary>
public sealed class AnswerCompositionTests
{
    private static Task<Answer> Ask(string question, AnsweringOptions? options = null) =>
        TestKnowledge.Service(TestKnowledge.Faq, options).AnswerAsync(new Question(question), CancellationToken.None);

    private static string Squash(string text) => string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task AnswerAsync_SectionWithAList_KeepsTheHeaderWithTheWholeList()
    {
        var answer = await Ask("how can I tell if a stem cell clinic is unproven?");

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal("approval-and-clinics#how-can-i-tell-if-a-stem-cell-clinic-is-unproven", answer.Citations[0].Id);
        Assert.Contains("Warning signs that a clinic is selling an unproven treatment:\n- it promises a cure;\n- it asks for large payments up front;\n- it is not part of a registered clinical trial.", answer.Text, StringComparison.Ordinal);
        Assert.Empty(AnswerReadability.Check(answer));
    }

    [Fact]
    public async Task AnswerAsync_SectionLongerThanTheLimit_DropsWholeSentencesInsteadOfCutting()
    {
        var answer = await Ask("what is HSCT?", new AnsweringOptions { MaxAnswerChars = 200 });

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.DoesNotContain("…", answer.Text, StringComparison.Ordinal);
        Assert.StartsWith("Autologous hematopoietic stem cell transplantation (HSCT) uses a person's own blood-forming stem cells to rebuild the immune system after strong chemotherapy. [1]", answer.Text, StringComparison.Ordinal);
        Assert.Empty(AnswerReadability.Check(answer));
    }

    [Fact]
    public async Task AnswerAsync_SectionOpening_IsKeptInItsOwnOrder()
    {
        var answer = await Ask("is stem cell therapy a cure for autoimmune disease?");

        Assert.StartsWith("No. No stem cell therapy is a proven cure for rheumatoid arthritis, lupus or multiple sclerosis. Some people in studies", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_PassageSayingOneThingTwice_SaysItOnce()
    {
        var answer = await Ask("did people with lupus have a better quality of life after stem cell treatment?");

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.DoesNotContain(AnswerReadability.Check(answer), p => p.Kind == ReadabilityProblemKind.Repeated);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(answer.Text, "quality of life"));
    }

    [Fact]
    public async Task AnswerAsync_WhetherItWorksQuestion_KeepsThePassagesCaveatEvenWhenTheLimitIsTight()
    {
        var answer = await Ask("can stem cell therapy help lupus?", new AnsweringOptions { MaxAnswerChars = 260 });

        Assert.Equal("conditions/lupus#can-stem-cell-therapy-help-lupus-sle", answer.Citations[0].Id);
        Assert.Contains("The treatment carries serious risks, so it is given only in clinical trials.", answer.Text, StringComparison.Ordinal);
        Assert.StartsWith("Stem cell therapy may help some people with severe lupus", answer.Text, StringComparison.Ordinal);
        Assert.Empty(AnswerReadability.Check(answer));
    }

    [Fact]
    public async Task AnswerAsync_Quotes_DoNotRepeatTheAnswerText()
    {
        var answer = await Ask("what are the risks of HSCT?");

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        foreach (var citation in answer.Citations)
        {
            var quote = citation.Quote.Replace("**", "", StringComparison.Ordinal).Trim('…', ' ');
            foreach (var sentence in Sentences.Split(quote))
            {
                Assert.DoesNotContain(sentence.Trim('…', ' '), answer.Text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task AnswerAsync_BackReferenceSentences_NeverOpenAPiece()
    {
        var answer = await Ask("could stem cells repair joints damaged by rheumatoid arthritis and calm inflammation there?");

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.StartsWith("Stem cells can turn into many different kinds of cells. Because of this,", answer.Text, StringComparison.Ordinal);
        Assert.Empty(AnswerReadability.Check(answer));
    }

    [Fact]
    public async Task AnswerAsync_LongImportedPassage_GivesAContiguousWindowAroundTheBestSentence()
    {
        var sentences = Enumerable.Range(1, 14).Select(i => $"Background sentence number {i} talks about general immune topics at some length here.").ToList();
        sentences[7] = "Because of this, lupus nephritis patients in the trial received mesenchymal stromal cell infusions.";
        sentences[6] = "Kidney inflammation is a frequent and serious problem in lupus.";
        var text = string.Join(' ', sentences);
        var knowledge = TestKnowledge.From([new Passage { Id = "article#1", Title = "Imported article", Section = "Findings", Text = text, File = "import.jsonl" }]);

        var answer = await TestKnowledge.Service(knowledge, new AnsweringOptions { MaxAnswerChars = 300 })
            .AnswerAsync(new Question("mesenchymal stromal cell infusions for lupus nephritis"), CancellationToken.None);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        var body = answer.Text[..answer.Text.LastIndexOf(" [1]", StringComparison.Ordinal)];
        Assert.StartsWith(sentences[6], body, StringComparison.Ordinal);
        Assert.Contains(sentences[7], body, StringComparison.Ordinal);
        Assert.Contains(body, text, StringComparison.Ordinal);
        Assert.DoesNotContain(sentences[0], body, StringComparison.Ordinal);
        Assert.Empty(AnswerReadability.Check(answer));
    }
}
