using QaBot.Answering;
using QaBot.Answering.Safety;

namespace QaBot.Discord.Tests;

/// <summary>Answers as the answering engine gives them, for the bot to render.</summary>
internal static class TestAnswers
{
    public const string Reminder = "This is general information, not medical advice. Please talk to your healthcare provider about your own situation.";

    public static Answer Lupus { get; } = new()
    {
        Kind = AnswerKind.Answered,
        Text = "Small studies of mesenchymal stem cells in severe lupus reported fewer flares [1]. Larger trials are still needed [2].",
        Citations =
        [
            new Citation
            {
                N = 1,
                Id = "conditions/lupus#can-stem-cell-therapy-help-lupus-sle",
                Title = "Stem cell therapy and lupus (SLE)",
                Section = "Can stem cell therapy help lupus (SLE)?",
                Source = "Adapted from an article, in our own words",
                Url = "https://example.org/lupus",
                Quote = "Small studies of **stem cells** in severe **lupus** reported fewer flares.",
                Score = 7.1,
            },
            new Citation
            {
                N = 2,
                Id = "basics/evidence#what-do-studies-show",
                Title = "What the evidence says",
                Section = "What do studies show?",
                Quote = "Larger randomised trials are still needed for **lupus**.",
                Score = 5.2,
            },
        ],
        Reminder = Reminder,
        Confidence = 0.8,
    };

    public static Answer Emergency { get; } = new()
    {
        Kind = AnswerKind.Safety,
        Category = SafetyCategory.Emergency,
        Text = "This sounds like it could be an emergency. Please call your local emergency number now (911 in the US, 112 in the EU).",
        Reminder = Reminder,
    };

    /// <summary>An emergency reply as the safety engine makes it: emergency services first, then the crisis line; a note in Spanish.</summary>
    public static Answer EmergencyWithContacts { get; } = Emergency with
    {
        Contacts =
        [
            new CrisisContact { Name = "Emergency services", Contact = "call 911", Phone = "911", Region = "US", Kind = ContactKind.Emergency },
            new CrisisContact { Name = "Emergency services", Contact = "call 112", Phone = "112", Region = "EU", Kind = ContactKind.Emergency },
            new CrisisContact { Name = "988 Suicide & Crisis Lifeline", Contact = "call or text 988", Phone = "988", Region = "US", Kind = ContactKind.Crisis },
        ],
        LanguageNote = "Llame ahora a su número local de emergencias.",
    };

    /// <summary>A self-harm reply: the crisis line first.</summary>
    public static Answer SelfHarmWithContacts { get; } = Emergency with
    {
        Category = SafetyCategory.SelfHarm,
        Text = "I'm really sorry you're feeling this way. You deserve support right now.",
        Contacts =
        [
            new CrisisContact { Name = "988 Suicide & Crisis Lifeline", Contact = "call or text 988", Phone = "988", Region = "US", Kind = ContactKind.Crisis },
            new CrisisContact { Name = "Emergency services", Contact = "call 911", Phone = "911", Region = "US", Kind = ContactKind.Emergency },
        ],
    };

    public static Answer NoAnswer { get; } = new()
    {
        Kind = AnswerKind.NoAnswer,
        Text = "I'm sorry, I couldn't find a good answer to that in what I know.",
        Reminder = Reminder,
    };

    /// <summary>An answer far beyond every Discord limit.</summary>
    public static Answer Huge { get; } = new()
    {
        Kind = AnswerKind.Answered,
        Text = string.Join(' ', Enumerable.Repeat("Mesenchymal stem cells may calm the immune system in **lupus** [1].", 200)),
        Citations = Enumerable.Range(1, 30).Select(n => new Citation
        {
            N = n,
            Id = $"huge/passage#{n}",
            Title = "A very long title " + string.Join(' ', Enumerable.Repeat("about stem cells", 30)),
            Section = "A long section " + string.Join(' ', Enumerable.Repeat("heading", 40)),
            Source = string.Join(' ', Enumerable.Repeat("source", 100)),
            Url = "https://example.org/" + n,
            Quote = string.Join(' ', Enumerable.Repeat("Stem cells **may** help some people with **autoimmune** conditions.", 60)),
        }).ToList(),
        Reminder = Reminder,
    };
}
