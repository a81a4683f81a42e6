using System.Text.Json;
using System.Text.Json.Serialization;

namespace QaBot.Answering;

/// <summary>
/// The answer JSON shared by <c>qabot ask --json</c> and <c>POST /api/ask</c>:
/// <c>{"kind","category","text","citations":[{"n","id","title","section","source","url","quote","score"}],
/// "contacts":[{"name","contact","phone","region","kind"}],"language_note","reminder","related":[{"id","title","section"}],"resolved_question","choices":[{"label","question"}]}</c>.
/// </summary>
public static class AnswerJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static AnswerDto ToDto(Answer answer) => new(
        answer.Kind,
        answer.Category,
        answer.Text,
        answer.Citations.Select(c => new CitationDto(c.N, c.Id, c.Title, c.Section, c.Source, c.Url, c.Quote, Math.Round(c.Score, 4))).ToList(),
        answer.Contacts.Select(c => new ContactDto(c.Name, c.Contact, c.Phone, c.Region, c.Kind)).ToList(),
        answer.LanguageNote,
        answer.Reminder)
    {
        Related = answer.Related.Select(r => new RelatedSectionDto(r.Id, r.Title, r.Section)).ToList(),
        ResolvedQuestion = answer.ResolvedQuestion,
        Choices = answer.Choices.Select(c => new AnswerChoiceDto(c.Label, c.Question)).ToList(),
    };

    public static string Serialize(Answer answer, bool indented = false) =>
        JsonSerializer.Serialize(ToDto(answer), indented ? Indented : Options);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>The wire shape of an answer.</summary>
public sealed record AnswerDto(
    AnswerKind Kind,
    Safety.SafetyCategory? Category,
    string Text,
    IReadOnlyList<CitationDto> Citations,
    IReadOnlyList<ContactDto> Contacts,
    string? LanguageNote,
    string Reminder)
{
    /// <summary>Sections near the question, on <c>no_answer</c> replies only (not citations); empty otherwise.</summary>
    public IReadOnlyList<RelatedSectionDto> Related { get; init; } = [];

    /// <summary>The question as answered after follow-up resolution; null when answered as written.</summary>
    public string? ResolvedQuestion { get; init; }

    /// <summary>On <c>clarify</c> replies, the topics to choose from; empty otherwise.</summary>
    public IReadOnlyList<AnswerChoiceDto> Choices { get; init; } = [];

    /// <summary>The conversation the answer belongs to (<c>POST /api/ask</c>); left out when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConversationId { get; init; }
}

/// <summary>The wire shape of a related section.</summary>
public sealed record RelatedSectionDto(string Id, string Title, string Section);

/// <summary>The wire shape of a citation.</summary>
public sealed record CitationDto(int N, string Id, string Title, string Section, string? Source, string? Url, string Quote, double Score);

/// <summary>The wire shape of a contact; <c>phone</c> is dialable (for <c>tel:</c> links) or null.</summary>
public sealed record ContactDto(string Name, string Contact, string? Phone, string? Region, Safety.ContactKind Kind);

/// <summary>The wire shape of a clarifying reply's choice.</summary>
public sealed record AnswerChoiceDto(string Label, string Question);
