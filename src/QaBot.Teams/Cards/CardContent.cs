using QaBot.Answering;
using QaBot.Answering.Safety;

namespace QaBot.Teams.Cards;

/// <summary>What a reply card says: the kind of reply, its text and its sources. The reminder is added when rendering.</summary>
internal sealed record CardContent
{
    public const int MaxTextChars = 2000;
    public const int MaxFieldChars = 200;
    public const int MaxUrlChars = 500;
    public const int MaxCitations = 10;
    public const int MaxContacts = 10;

    public required AnswerKind Kind { get; init; }

    public SafetyCategory? Category { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<CardCitation> Citations { get; init; } = [];

    /// <summary>A safety reply's crisis and emergency contacts, in the order to show them (bounded).</summary>
    public IReadOnlyList<CrisisContact> Contacts { get; init; } = [];

    /// <summary>A safety reply's line in the person's language, or null.</summary>
    public string? LanguageNote { get; init; }

    /// <summary>The card's content for an answer, every field bounded.</summary>
    public static CardContent From(Answer answer) => new()
    {
        Kind = answer.Kind,
        Category = answer.Category,
        Text = Bound(answer.Text + RelatedMarkdown(answer.Related) + ChoicesMarkdown(answer.Choices), MaxTextChars),
        Contacts = answer.Contacts.Take(MaxContacts).Select(c => new CrisisContact
        {
            Name = Bound(c.Name, MaxFieldChars),
            Contact = Bound(c.Contact, MaxFieldChars),
            Phone = c.Phone is { Length: > 0 and <= 20 } phone && phone.All(ch => char.IsAsciiDigit(ch) || ch == '+') ? phone : null,
            Region = c.Region is null ? null : Bound(c.Region, MaxFieldChars),
            Kind = c.Kind,
        }).ToList(),
        LanguageNote = answer.LanguageNote is { Length: > 0 } note ? Bound(note, MaxFieldChars) : null,
        Citations = answer.Citations.Take(MaxCitations).Select(c => new CardCitation
        {
            N = c.N,
            Id = Bound(c.Id, MaxFieldChars),
            Title = Bound(c.Title, MaxFieldChars),
            Section = Bound(c.Section, MaxFieldChars),
            Url = SafeUrl(c.Url),
            File = Bound(c.File, MaxFieldChars),
        }).ToList(),
    };

    /// <summary>The related sections of a no-answer reply as a short Markdown list (they are not citations).</summary>
    /// <summary>A clarifying reply's choices, as questions the person can ask.</summary>
    private static string ChoicesMarkdown(IReadOnlyList<AnswerChoice> choices) =>
        choices.Count == 0 ? "" : "\n\n**You could ask:**" + string.Concat(choices.Take(4).Select(c => "\n- " + Bound(c.Question, MaxFieldChars)));

    private static string RelatedMarkdown(IReadOnlyList<RelatedSection> related) =>
        related.Count == 0
            ? ""
            : "\n\n**Related topics:**" + string.Concat(related.Take(3).Select(r => "\n- " + Bound(r.Section.Length > 0 ? r.Section : r.Title, MaxFieldChars)));

    /// <summary>Trims and shortens a text to at most <paramref name="max"/> characters, with an ellipsis when cut.</summary>
    public static string Bound(string? text, int max)
    {
        var trimmed = (text ?? "").Trim();
        return trimmed.Length <= max ? trimmed : string.Concat(trimmed.AsSpan(0, max - 1).TrimEnd(), "…");
    }

    /// <summary>The URL when it is an absolute http(s) link of reasonable length, else null (the file name is shown instead).</summary>
    public static string? SafeUrl(string? url) =>
        url is { Length: > 0 and <= MaxUrlChars }
        && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;
}
