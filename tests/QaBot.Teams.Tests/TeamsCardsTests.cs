using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using QaBot.Answering;
using QaBot.Answering.Safety;
using QaBot.Teams.Cards;

namespace QaBot.Teams.Tests;

public sealed class TeamsCardsTests
{
    private readonly TeamsCards cards = new(Options.Create(new AnsweringOptions()), Options.Create(new TeamsOptions()), NullLogger<TeamsCards>.Instance);

    private static int Bytes(Activity activity) =>
        Encoding.UTF8.GetByteCount(JsonConvert.SerializeObject(activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));

    private static JObject Card(Activity activity) => (JObject)activity.Attachments.Single().Content;

    private static IEnumerable<string> Texts(JObject card) => card.SelectTokens("$..text").Select(t => (string?)t ?? "");

    private static Answer Answered(string text, params Citation[] citations) => new()
    {
        Kind = AnswerKind.Answered,
        Text = text,
        Citations = citations,
        Reminder = new AnsweringOptions().Reminder,
    };

    private static Citation Cite(int n, string title, string? url = null, string file = "conditions/lupus.md") => new()
    {
        N = n,
        Id = $"passage-{n}",
        Title = title,
        Section = "Section " + n,
        Url = url,
        File = file,
        Quote = "quote",
    };

    [Fact]
    public void Answer_WorstCaseSizes_StaysUnderTwentyKilobytesWithTheReminder()
    {
        var longText = string.Concat(Enumerable.Repeat("Ünïcödé \"quoted\" sentence about lupus [1]. ", 200));
        var citations = Enumerable.Range(1, 10)
            .Select(n => Cite(n, new string('T', 1000), "https://example.org/" + new string('p', 400), new string('f', 1000)))
            .ToArray();

        var activity = cards.Answer(Answered(longText, citations), new string('q', 5000));

        Assert.True(Bytes(activity) <= new TeamsOptions().MaxActivityBytes, $"{Bytes(activity)} bytes");
        Assert.Contains(new AnsweringOptions().Reminder, Texts(Card(activity)));
        Assert.EndsWith(new AnsweringOptions().Reminder, (string?)Card(activity)["fallbackText"], StringComparison.Ordinal);
        Assert.Null(activity.Text);
        Assert.InRange(activity.Summary.Length, 1, TeamsCards.MaxSummaryChars);
    }

    [Fact]
    public void Answer_TypicalAnswer_KeepsItsFeedbackButtons()
    {
        var activity = cards.Answer(Answered("Stem cells may help lupus. [1]", Cite(1, "Lupus")), "can stem cells help lupus?");

        var titles = Card(activity).SelectTokens("$..actions[*].title").Select(t => (string?)t).ToList();

        Assert.Equal([TeamsCards.HelpfulTitle, TeamsCards.NotHelpfulTitle], titles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)] // too long: set below
    public void Answer_NoticeAboutTheMessageItself_HasNoFeedbackButtonsButTheReminder(string? question)
    {
        question ??= new string('x', new AnsweringOptions().MaxQuestionChars + 1);
        var notice = new Answer { Kind = AnswerKind.NoAnswer, Text = "Please ask a shorter question.", Reminder = new AnsweringOptions().Reminder };

        var card = Card(cards.Answer(notice, question));

        Assert.Empty(card.SelectTokens("$..actions[*]"));
        Assert.Contains(Texts(card), t => t == new AnsweringOptions().Reminder);
    }

    [Fact]
    public void Answer_NoAnswerToARealQuestion_KeepsItsFeedbackButtons()
    {
        var noAnswer = new Answer { Kind = AnswerKind.NoAnswer, Text = "I couldn't find that.", Reminder = new AnsweringOptions().Reminder };

        var titles = Card(cards.Answer(noAnswer, "what does stem cell therapy cost in Mexico?")).SelectTokens("$..actions[*].title").Select(t => (string?)t);

        Assert.Equal([TeamsCards.HelpfulTitle, TeamsCards.NotHelpfulTitle], titles);
    }

    [Fact]
    public void Answer_SafetyWithContactsAndALanguageNote_NoteFirstThenTheContactsAsFactsInOrderAndTheReminder()
    {
        var answer = new Answer
        {
            Kind = AnswerKind.Safety,
            Category = SafetyCategory.SelfHarm,
            Text = "You deserve support right now.",
            Contacts =
            [
                new CrisisContact { Name = "988 Suicide & Crisis Lifeline", Contact = "call or text 988", Phone = "988", Region = "US", Kind = ContactKind.Crisis },
                new CrisisContact { Name = "Emergency services", Contact = "dial the number", Phone = "112", Region = "EU", Kind = ContactKind.Emergency },
            ],
            LanguageNote = "Llame ahora a su número local de emergencias.",
            Reminder = new AnsweringOptions().Reminder,
        };

        var card = Card(cards.Answer(answer, "quiero morir"));

        var body = (JArray)card["body"]!;
        Assert.Equal("Llame ahora a su número local de emergencias.", (string?)body[1]["text"]);
        Assert.Equal("You deserve support right now.", (string?)body[2]["text"]);
        Assert.Equal("Talk to someone now", (string?)body[3]["text"]);
        var facts = body[4]["facts"]!.Select(f => ((string?)f["title"], (string?)f["value"])).ToList();
        Assert.Equal([("988 Suicide & Crisis Lifeline (US)", "call or text 988"), ("Emergency services (EU)", "dial the number · 112")], facts);
        Assert.Empty(card.SelectTokens("$..actions[*]"));
        Assert.Contains(Texts(card), t => t == new AnsweringOptions().Reminder);
    }

    [Fact]
    public void Answer_SmallTalk_HasTheReminderAndNoFeedbackButtons()
    {
        var answer = new Answer { Kind = AnswerKind.SmallTalk, Text = "Hello! You could ask, for example:\n- What is HSCT?", Reminder = new AnsweringOptions().Reminder };

        var card = Card(cards.Answer(answer, "hi"));

        Assert.Empty(card.SelectTokens("$..actions[*]"));
        Assert.Contains(Texts(card), t => t == new AnsweringOptions().Reminder);
        Assert.Contains(Texts(card), t => t.Contains("What is HSCT?", StringComparison.Ordinal));
    }

    [Fact]
    public void Answer_NoAnswerWithRelatedSections_ListsThemAsRelatedTopicsNotSources()
    {
        var answer = new Answer
        {
            Kind = AnswerKind.NoAnswer,
            Text = "I don't have prices or cost figures for stem cell treatment.",
            Reminder = new AnsweringOptions().Reminder,
            Related = [new RelatedSection("cost-and-insurance#how-much-does-stem-cell-therapy-cost", "Cost and insurance", "How much does stem cell therapy cost?")],
        };

        var card = Card(cards.Answer(answer, "how much in Mexico?"));

        Assert.Contains(Texts(card), t => t.Contains("Related topics:", StringComparison.Ordinal) && t.Contains("- How much does stem cell therapy cost?", StringComparison.Ordinal));
        Assert.Contains(Texts(card), t => t == new AnsweringOptions().Reminder);
    }

    [Fact]
    public void Answer_CitationWithLink_IsLinkedAndWithoutLinkShowsTheFile()
    {
        var activity = cards.Answer(
            Answered("Text [1] [2] [3].", Cite(1, "Linked [x]", "https://example.org/a(b)"), Cite(2, "Unlinked"), Cite(3, "Scripted", "javascript:alert(1)", "safety.md")),
            "q");

        var texts = Texts(Card(activity)).ToList();

        Assert.Contains("**[1]** [Linked (x) — Section 1](https://example.org/a%28b%29)", texts);
        Assert.Contains("**[2]** Unlinked — Section 2 · conditions/lupus.md", texts);
        Assert.Contains("**[3]** Scripted — Section 3 · safety.md", texts);
    }

    [Theory]
    [InlineData(SafetyCategory.Emergency, "Please get help now")]
    [InlineData(SafetyCategory.SelfHarm, "Please get help now")]
    [InlineData(SafetyCategory.PersonalMedicalAdvice, "Please ask your care team")]
    [InlineData(SafetyCategory.Dosing, "Please ask your care team")]
    public void Answer_Safety_HasItsHeadingTheReminderAndNoButtons(SafetyCategory category, string heading)
    {
        var answer = new Answer { Kind = AnswerKind.Safety, Category = category, Text = "Call 911.", Reminder = new AnsweringOptions().Reminder };

        var card = Card(cards.Answer(answer, "q"));

        Assert.Equal(heading, (string?)card["body"]![0]!["text"]);
        Assert.Empty(card.SelectTokens("$..actions"));
        Assert.Equal(answer.Reminder, (string?)card["body"]!.Last!["items"]![0]!["text"]);
    }

    [Fact]
    public void AcknowledgedCard_ReadsBackTheAnswerFromTheButtonData()
    {
        var activity = cards.Answer(Answered("Stem cells may help lupus. [1]", Cite(1, "Lupus", "https://example.org/lupus")), "can stem cells help lupus?");
        var data = Card(activity).SelectTokens("$..actions[?(@.title == 'Not helpful')].data").Single();
        Assert.True(FeedbackData.TryRead(data, out var click));

        var redrawn = cards.AcknowledgedCard(click);

        Assert.Contains("Stem cells may help lupus. [1]", Texts(redrawn));
        Assert.Contains("**[1]** [Lupus — Section 1](https://example.org/lupus)", Texts(redrawn));
        Assert.Contains(Texts(redrawn), t => t.Contains("not helpful", StringComparison.Ordinal));
        Assert.Empty(redrawn.SelectTokens("$..actions"));
        Assert.Equal("can stem cells help lupus?", click.Question);
    }
}
