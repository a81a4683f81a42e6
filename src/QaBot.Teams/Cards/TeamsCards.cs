using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using QaBot.Answering;
using QaBot.Answering.Safety;

namespace QaBot.Teams.Cards;

/// <summary>
/// Renders every reply as an Adaptive Card 1.5 (raw JSON: the AdaptiveCards package is not used) with the same layout:
/// a heading, the text, numbered sources, the feedback buttons, and the healthcare-provider reminder in the footer. The
/// activity has no <c>text</c> (Teams would show it as a second message): the card's <c>fallbackText</c> is the whole reply
/// in plain text and the activity's <c>summary</c> a short preview; every activity is kept under
/// <see cref="TeamsOptions.MaxActivityBytes"/>.
/// </summary>
internal sealed partial class TeamsCards(IOptions<AnsweringOptions> answering, IOptions<TeamsOptions> teams, ILogger<TeamsCards> logger)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SchemaVersion = "1.5";
    public const string HelpfulTitle = "Helpful";
    public const string NotHelpfulTitle = "Not helpful";

    private const int MaxReminderChars = 600;

    /// <summary>Longest notification preview (<c>summary</c>).</summary>
    internal const int MaxSummaryChars = 150;

    private static readonly JsonSerializerSettings MeasureSettings = new() { NullValueHandling = NullValueHandling.Ignore, Formatting = Formatting.None };

    private string Reminder => CardContent.Bound(answering.Value.Reminder, MaxReminderChars);

    /// <summary>
    /// The reply to a question: answer, no-answer, small-talk or safety card. Feedback buttons only on answers and on
    /// "I couldn't find" replies: not on safety or small-talk replies, nor on the notices about the message itself
    /// (empty, e.g. a mention alone, or too long to read), which say nothing about the knowledge.
    /// </summary>
    public Activity Answer(Answer answer, string question)
    {
        var content = CardContent.From(answer);
        var reminder = CardContent.Bound(answer.Reminder, MaxReminderChars);
        var feedback = answer.Kind is AnswerKind.Safety or AnswerKind.SmallTalk or AnswerKind.Clarify || IsNoticeAboutTheMessage(answer, question)
            ? FeedbackState.None
            : FeedbackState.Ask;
        var activity = Render(content, feedback, question, reminder);
        if (Fits(activity))
        {
            return activity;
        }

        if (feedback != FeedbackState.None)
        {
            LogShrunk(logger, "feedback buttons dropped");
            activity = Render(content, FeedbackState.None, question, reminder);
            if (Fits(activity))
            {
                return activity;
            }
        }

        return Shrunk(content, reminder);
    }

    /// <summary>A no-answer reply to a message the answer service did not read: empty once cleaned, or over the length limit.</summary>
    private bool IsNoticeAboutTheMessage(Answer answer, string question)
    {
        if (answer.Kind != AnswerKind.NoAnswer)
        {
            return false;
        }

        var cleaned = TextCleaner.Clean(question);
        return cleaned.Length == 0 || cleaned.Length > answering.Value.MaxQuestionChars;
    }

    /// <summary>The card of an answer redrawn after a feedback click, thanking instead of asking.</summary>
    public JObject AcknowledgedCard(FeedbackClick click) =>
        Card(click.Content, click.Helpful ? FeedbackState.GivenHelpful : FeedbackState.GivenNotHelpful, question: null, Reminder);

    /// <summary><see cref="AcknowledgedCard"/> as a message, for updating the original message in place.</summary>
    public Activity Acknowledged(FeedbackClick click) =>
        Message(AcknowledgedCard(click), Summary(click.Content, Reminder));

    /// <summary>The welcome when the bot is installed or added to a conversation.</summary>
    public Activity Welcome(bool personal, string botName) => Info(
        $"Hi, I'm {botName}",
        "I answer general questions about **stem cell therapy for autoimmune conditions** such as rheumatoid arthritis, " +
        "lupus and multiple sclerosis: what it is, how it may help, where the cells come from, what studies have found " +
        "and how safe it is. Every answer comes from reviewed sources, listed as numbered citations.",
        HowToAsk(personal, botName) + " Type **help** to see how I work.");

    /// <summary>The reply to <c>help</c> or <c>/help</c>.</summary>
    public Activity Help(bool personal, string botName) => Info(
        $"How to ask {botName}",
        HowToAsk(personal, botName),
        "- I answer only from reviewed knowledge about stem cell therapy for autoimmune conditions, and number my sources [1], [2], ...\n" +
        "- Tap **Helpful** or **Not helpful** under an answer to tell the moderators how it did.\n" +
        "- I can't give personal medical or dosing advice. In an emergency, call your local emergency number.");

    /// <summary>A short notice instead of an answer (a rate limit, a busy moment), with the reminder.</summary>
    public Activity Notice(string heading, string text) =>
        Message(CardOf(new JArray { Heading(heading), TextBlock(text), Footer(Reminder) }), string.Join("\n\n", heading, text, Reminder));

    private static string HowToAsk(bool personal, string botName) => personal
        ? "Just type your question here, for example: *Can stem cell therapy help lupus?*"
        : $"Mention me with your question, for example: *@{botName} can stem cell therapy help lupus?* I answer in the same thread.";

    private Activity Info(string heading, string text, string more)
    {
        var body = new JArray
        {
            Heading(heading),
            TextBlock(text),
            TextBlock(more),
            Footer(Reminder),
        };
        var summary = string.Join("\n\n", heading, Plain(text), Plain(more), Reminder);
        return Message(CardOf(body), summary);
    }

    private Activity Render(CardContent content, FeedbackState feedback, string? question, string reminder) =>
        Message(Card(content, feedback, question, reminder), Summary(content, reminder));

    /// <summary>The last resort for an oversized reply: three sources, a shorter text, no buttons.</summary>
    private Activity Shrunk(CardContent content, string reminder)
    {
        LogShrunk(logger, "text and sources shortened");
        var smaller = content with
        {
            Text = CardContent.Bound(content.Text, 600),
            Citations = content.Citations.Take(3).ToList(),
        };
        return Render(smaller, FeedbackState.None, question: null, reminder);
    }

    private bool Fits(Activity activity) => ByteSize(activity) <= teams.Value.MaxActivityBytes;

    /// <summary>The activity's size as sent, in bytes of JSON.</summary>
    internal static int ByteSize(Activity activity) => Encoding.UTF8.GetByteCount(JsonConvert.SerializeObject(activity, MeasureSettings));

    private static JObject Card(CardContent content, FeedbackState feedback, string? question, string reminder)
    {
        var body = new JArray { Heading(HeadingOf(content)) };
        if (content.LanguageNote is { } note)
        {
            var line = TextBlock(note); // in the person's language, before anything else
            line["weight"] = "Bolder";
            line["color"] = "Attention";
            body.Add(line);
        }

        body.Add(TextBlock(content.Text));
        if (content.Contacts.Count > 0)
        {
            // Where to get help now, prominently: emergency services first under an emergency, the crisis line first under self-harm.
            var heading = Heading(SafetyHeadlines.ContactsHeading(content.Category));
            heading["spacing"] = "Medium";
            heading["color"] = "Attention";
            body.Add(heading);
            body.Add(new JObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JArray(content.Contacts.Select(c => new JObject
                {
                    ["title"] = ContactTitle(c),
                    ["value"] = c.Phone is { } phone && !c.Contact.Contains(phone, StringComparison.Ordinal) ? c.Contact + " · " + phone : c.Contact,
                })),
            });
        }

        if (content.Citations.Count > 0)
        {
            var sources = Heading("Sources");
            sources["size"] = "Default";
            sources["spacing"] = "Medium";
            body.Add(sources);
            foreach (var citation in content.Citations)
            {
                var line = TextBlock(CitationMarkdown(citation));
                line["spacing"] = "Small";
                body.Add(line);
            }
        }

        switch (feedback)
        {
            case FeedbackState.Ask:
                body.Add(new JObject
                {
                    ["type"] = "ActionSet",
                    ["spacing"] = "Medium",
                    ["actions"] = new JArray
                    {
                        FeedbackButton(HelpfulTitle, FeedbackData.Create(content, helpful: true, question: null)),
                        FeedbackButton(NotHelpfulTitle, FeedbackData.Create(content, helpful: false, question)),
                    },
                });
                break;
            case FeedbackState.GivenHelpful:
            case FeedbackState.GivenNotHelpful:
                var thanks = TextBlock(feedback == FeedbackState.GivenHelpful
                    ? "✓ Thanks for your feedback: you marked this answer as helpful."
                    : "✓ Thanks for your feedback: you marked this answer as not helpful. The moderators will look at it.");
                thanks["isSubtle"] = true;
                thanks["size"] = "Small";
                thanks["spacing"] = "Medium";
                body.Add(thanks);
                break;
        }

        body.Add(Footer(reminder));
        return CardOf(body);
    }

    internal static JObject CardOf(JArray body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = SchemaVersion,
        ["msteams"] = new JObject { ["width"] = "Full" },
        ["body"] = body,
    };

    /// <summary>
    /// The card as a message without <c>text</c> (Teams would show that as a second, unformatted message): the whole
    /// <paramref name="plainText"/> is the card's <c>fallbackText</c> (for clients that cannot render it), and a short
    /// <c>summary</c> is the notification preview.
    /// </summary>
    internal static Activity Message(JObject card, string plainText)
    {
        card["fallbackText"] = plainText;
        var activity = (Activity)MessageFactory.Attachment(new Attachment { ContentType = ContentType, Content = card });
        activity.Text = null;
        activity.Summary = Preview(plainText);
        return activity;
    }

    /// <summary>The notification preview: the heading and the start of the text, on one line, at most <see cref="MaxSummaryChars"/>.</summary>
    internal static string Preview(string plainText)
    {
        var parts = plainText.Split("\n\n", 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var preview = parts.Length > 1 ? parts[0] + ": " + parts[1] : parts.FirstOrDefault() ?? "";
        return CardContent.Bound(string.Join(' ', preview.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), MaxSummaryChars);
    }

    private static string HeadingOf(CardContent content) => content.Kind switch
    {
        AnswerKind.Answered => "Here is what I found",
        AnswerKind.NoAnswer => "I couldn't find a good answer",
        AnswerKind.SmallTalk => "Happy to help",
        AnswerKind.Clarify => "Which one do you mean?",
        _ => content.Category is SafetyCategory.Emergency or SafetyCategory.SelfHarm
            ? "Please get help now"
            : "Please ask your care team",
    };

    internal static JObject Heading(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["weight"] = "Bolder",
        ["size"] = "Medium",
        ["style"] = "heading",
        ["wrap"] = true,
    };

    internal static JObject TextBlock(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["wrap"] = true,
    };

    internal static JObject Footer(string reminder) => new()
    {
        ["type"] = "Container",
        ["separator"] = true,
        ["spacing"] = "Medium",
        ["items"] = new JArray
        {
            new JObject
            {
                ["type"] = "TextBlock",
                ["text"] = reminder,
                ["wrap"] = true,
                ["size"] = "Small",
                ["isSubtle"] = true,
            },
        },
    };

    private static JObject FeedbackButton(string title, JObject data) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = FeedbackData.Verb,
        ["data"] = data,
    };

    /// <summary><c>**[1]** [Title — Section](url)</c>, or the knowledge file's name when there is no link.</summary>
    private static string CitationMarkdown(CardCitation citation)
    {
        var label = LinkText(citation.Section.Length > 0 ? $"{citation.Title} — {citation.Section}" : citation.Title);
        if (citation.Url is { } url)
        {
            return $"**[{citation.N}]** [{label}]({url.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)})";
        }

        return citation.File.Length > 0 ? $"**[{citation.N}]** {label} · {citation.File}" : $"**[{citation.N}]** {label}";
    }

    private static string LinkText(string text) =>
        text.Replace('[', '(').Replace(']', ')');

    private static string ContactTitle(CrisisContact contact) =>
        contact.Region is { Length: > 0 } region ? $"{contact.Name} ({region})" : contact.Name;

    private static string Summary(CardContent content, string reminder)
    {
        var builder = new StringBuilder();
        builder.Append(HeadingOf(content)).Append("\n\n");
        if (content.LanguageNote is { } note)
        {
            builder.Append(note).Append("\n\n");
        }

        builder.Append(content.Text);
        if (content.Contacts.Count > 0)
        {
            builder.Append("\n\n").Append(SafetyHeadlines.ContactsHeading(content.Category)).Append(':');
            foreach (var contact in content.Contacts)
            {
                builder.Append("\n- ").Append(ContactTitle(contact)).Append(": ").Append(contact.Contact);
            }
        }

        if (content.Citations.Count > 0)
        {
            builder.Append("\n\nSources:");
            foreach (var citation in content.Citations)
            {
                builder.Append('\n').Append('[').Append(citation.N).Append("] ").Append(citation.Title);
                if (citation.Section.Length > 0)
                {
                    builder.Append(" — ").Append(citation.Section);
                }

                var where = citation.Url ?? (citation.File.Length > 0 ? citation.File : null);
                if (where is not null)
                {
                    builder.Append(" (").Append(where).Append(')');
                }
            }
        }

        return builder.Append("\n\n").Append(reminder).ToString();
    }

    /// <summary>Markdown emphasis removed, for the plain-text summary.</summary>
    private static string Plain(string markdown) => markdown.Replace("**", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal);

    [LoggerMessage(EventId = 5030, Level = LogLevel.Warning, Message = "A Teams reply was too large and was shrunk: {How}")]
    private static partial void LogShrunk(ILogger logger, string how);
}
