using QaBot.Answering;
using QaBot.Answering.Safety;
using QaBot.Discord.Model;

namespace QaBot.Discord.Bot;

/// <summary>
/// Turns answers into Discord messages: one embed (the answer text, numbered citations with titles, links and quotes,
/// the healthcare-provider reminder in the footer) and the feedback buttons, always within Discord's limits
/// (<see cref="EmbedLimits"/>). The reminder is never cut; the answer text, then the citations, give way.
/// </summary>
internal sealed class AnswerMessageBuilder(FeedbackContextStore feedbackContexts)
{
    public const int AnsweredColor = 0x2F6FDE;
    public const int NoAnswerColor = 0xE3A008;
    public const int SafetyColor = 0xD93025;

    /// <summary>A field value shorter than this is not worth showing: the citation is left out instead.</summary>
    private const int MinFieldValue = 60;

    /// <param name="answer">The answer to show.</param>
    /// <param name="question">The question, kept in memory for a "Not helpful" click (never put into the message).</param>
    public MessageCreate Answer(Answer answer, string? question = null)
    {
        var (title, color) = answer.Kind switch
        {
            AnswerKind.Answered => ("Here's what I found", AnsweredColor),
            AnswerKind.NoAnswer => ("I couldn't find a good answer", NoAnswerColor),
            AnswerKind.SmallTalk => ("Happy to help", AnsweredColor),
            AnswerKind.Clarify => ("Which one do you mean?", AnsweredColor),
            _ when answer.Category is SafetyCategory.Emergency or SafetyCategory.SelfHarm => ("Please get help now", SafetyColor),
            _ => ("Please ask your care team", SafetyColor),
        };

        var text = answer.Related.Count == 0
            ? answer.Text
            : answer.Text + "\n\n**Related topics:**" + string.Concat(answer.Related.Take(3).Select(r => "\n• " + TextCleaner.Clean(r.Section.Length > 0 ? r.Section : r.Title)));
        if (answer.Choices.Count > 0)
        {
            text += "\n\n**You could ask:**" + string.Concat(answer.Choices.Take(4).Select(c => "\n• " + TextCleaner.Clean(c.Question)));
        }

        if (answer.Kind is AnswerKind.SmallTalk or AnswerKind.Clarify)
        {
            // Small talk is not an answer to rate: no feedback buttons.
            return new MessageCreate
            {
                Embeds = [Layout(title, text, [], answer.Reminder, color)],
                AllowedMentions = AllowedMentions.ReplyOnly,
            };
        }

        var key = feedbackContexts.Remember(answer.Citations.Select(c => c.Id).ToList(), question);
        var embed = answer.Contacts.Count > 0 || answer.LanguageNote is { Length: > 0 }
            ? Layout(title, ContactFields.Description(answer), answer.Citations, answer.Reminder, color, ContactFields.For(answer)) // where to get help, prominently
            : Layout(title, text, answer.Citations, answer.Reminder, color);
        return new MessageCreate
        {
            Embeds = [embed],
            Components =
            [
                new MessageComponent
                {
                    Type = MessageComponent.ActionRowType,
                    Components =
                    [
                        Button("Helpful", MessageComponent.SuccessStyle, new FeedbackClick(true, answer.Kind, key)),
                        Button("Not helpful", MessageComponent.SecondaryStyle, new FeedbackClick(false, answer.Kind, key)),
                    ],
                },
            ],
            AllowedMentions = AllowedMentions.ReplyOnly,
        };
    }

    public static MessageCreate About(DiscordOptions options, string reminder)
    {
        var howTo = new List<string> { "• `/ask question: Can stem cell therapy help lupus?`" };
        if (options.AnswerMentions)
        {
            howTo.Add("• Mention me with your question in a channel where I answer");
        }

        if (options.AnswerDirectMessages)
        {
            howTo.Add("• Send me a direct message");
        }

        var text = options.AboutText + "\n\n**How to ask**\n" + string.Join('\n', howTo);
        return new MessageCreate
        {
            Embeds = [Layout("About QaBot", text, [], reminder, AnsweredColor)],
            AllowedMentions = AllowedMentions.ReplyOnly,
            Flags = MessageFlags.Ephemeral,
        };
    }

    /// <summary>A short plain message (cooldown, thanks, refusals); it carries the reminder too, like every reply.</summary>
    public static MessageCreate Note(string text, string reminder, bool ephemeral)
    {
        // The reminder keeps at most half of Discord's 2000 characters, so that a long configured one never pushes the
        // message over the limit.
        var footer = TextCleaner.Shorten(reminder, EmbedLimits.Content / 2);
        return new()
        {
            Content = TextCleaner.Shorten(text, EmbedLimits.Content - footer.Length - 4) + "\n-# " + footer,
            AllowedMentions = AllowedMentions.ReplyOnly,
            Flags = ephemeral ? MessageFlags.Ephemeral : null,
        };
    }

    /// <summary>
    /// The embed, shortened to fit: footer first (whole), then the <paramref name="leading"/> fields (a safety reply's
    /// contacts, whole and first), then the description, then as many citations as fit.
    /// </summary>
    internal static Embed Layout(string title, string text, IReadOnlyList<Citation> citations, string reminder, int color, IReadOnlyList<EmbedField>? leading = null)
    {
        var footer = TextCleaner.Shorten(reminder, EmbedLimits.Footer);
        title = TextCleaner.Shorten(title, EmbedLimits.Title);
        var fields = new List<EmbedField>(leading ?? []);
        var budget = EmbedLimits.Total - footer.Length - title.Length - fields.Sum(f => f.Name.Length + f.Value.Length);

        var candidates = citations.Take(EmbedLimits.Fields - fields.Count).Select(c => (Name: FieldName(c), Link: LinkLine(c), c.Quote)).ToList();
        var citationsNeed = candidates.Sum(c => c.Name.Length + Math.Min(EmbedLimits.FieldValue, c.Quote.Length + c.Link.Length + 1));
        var descriptionRoom = Math.Min(EmbedLimits.Description, budget - Math.Min(citationsNeed, budget / 3));
        var description = ShortenMarkdown(text.Trim(), descriptionRoom);
        if (description.Length == 0)
        {
            description = "…";
        }

        var left = budget - description.Length;
        foreach (var (name, link, quote) in candidates)
        {
            var room = Math.Min(EmbedLimits.FieldValue, left - name.Length);
            if (room < MinFieldValue)
            {
                break;
            }

            var value = FieldValue(quote, link, room);
            fields.Add(new EmbedField { Name = name, Value = value });
            left -= name.Length + value.Length;
        }

        return new Embed
        {
            Title = title,
            Description = description,
            Color = color,
            Fields = fields.Count == 0 ? null : fields,
            Footer = new EmbedFooter { Text = footer },
        };
    }

    private static MessageComponent Button(string label, int style, FeedbackClick click) => new()
    {
        Type = MessageComponent.ButtonType,
        Style = style,
        Label = label,
        CustomId = click.CustomId,
    };

    private static string FieldName(Citation citation)
    {
        var name = $"[{citation.N}] {citation.Title}";
        if (citation.Section.Length > 0 && !citation.Section.Equals(citation.Title, StringComparison.OrdinalIgnoreCase))
        {
            name += " · " + citation.Section;
        }

        return TextCleaner.Shorten(TextCleaner.Clean(name), EmbedLimits.FieldName);
    }

    /// <summary>A masked link to the source when there is a web URL; otherwise the source's name, or the file.</summary>
    private static string LinkLine(Citation citation)
    {
        var source = TextCleaner.Clean(citation.Source ?? "");
        if (Uri.TryCreate(citation.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            var label = source.Length > 0 ? TextCleaner.Shorten(source.Replace('[', '(').Replace(']', ')'), 120) : "Source";
            var target = url.AbsoluteUri;
            return target.Contains(')', StringComparison.Ordinal) || target.Length > 512 ? label + ": <" + target + ">" : $"[{label}]({target})";
        }

        return source.Length > 0 ? "Source: " + TextCleaner.Shorten(source, 160) : citation.File.Length > 0 ? "From " + citation.File : "";
    }

    private static string FieldValue(string quote, string link, int room)
    {
        if (link.Length > room / 2)
        {
            link = link.StartsWith('[') || link.Contains(": <", StringComparison.Ordinal) ? "" : TextCleaner.Shorten(link, room / 2);
        }

        var quoteRoom = room - (link.Length > 0 ? link.Length + 1 : 0);
        var shortQuote = ShortenMarkdown(TextCleaner.Clean(quote), quoteRoom);
        var value = shortQuote.Length > 0 && link.Length > 0 ? shortQuote + "\n" + link : shortQuote + link;
        return value.Length > 0 ? value : "—";
    }

    /// <summary>Shortens at a word boundary and keeps <c>**bold**</c> markers paired.</summary>
    internal static string ShortenMarkdown(string text, int maxChars)
    {
        if (maxChars <= 1)
        {
            return "";
        }

        var shortened = TextCleaner.Shorten(text, maxChars);
        var markers = 0;
        for (var i = shortened.IndexOf("**", StringComparison.Ordinal); i >= 0; i = shortened.IndexOf("**", i + 2, StringComparison.Ordinal))
        {
            markers++;
        }

        if (markers % 2 == 1)
        {
            var last = shortened.LastIndexOf("**", StringComparison.Ordinal);
            shortened = shortened.Remove(last, 2);
        }

        return shortened;
    }
}
