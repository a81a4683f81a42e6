using Newtonsoft.Json.Linq;
using QaBot.Answering;

namespace QaBot.Teams.Cards;

/// <summary>
/// The data of the feedback buttons: the verb, the choice, and a compact copy of the answer so that the card can be
/// redrawn in place. Data coming back is untrusted: every field is checked and bounded.
/// </summary>
internal static class FeedbackData
{
    public const string Verb = "qabot.feedback";
    public const int MaxQuestionChars = 500;

    public static JObject Create(CardContent content, bool helpful, string? question)
    {
        var data = new JObject
        {
            ["qabot"] = Verb,
            ["helpful"] = helpful,
            ["kind"] = content.Kind == AnswerKind.Answered ? "answered" : "no_answer",
            ["text"] = content.Text,
            ["citations"] = new JArray(content.Citations.Select(c => new JObject
            {
                ["n"] = c.N,
                ["id"] = c.Id,
                ["title"] = c.Title,
                ["section"] = c.Section,
                ["url"] = c.Url,
                ["file"] = c.File,
            })),
        };
        if (!helpful && !string.IsNullOrWhiteSpace(question))
        {
            data["question"] = CardContent.Bound(question, MaxQuestionChars);
        }

        return data;
    }

    /// <summary>Reads a click from action data (an invoke's <c>action.data</c> or a submitted message's <c>value</c>).</summary>
    public static bool TryRead(object? value, out FeedbackClick click)
    {
        click = null!;
        if (value is not JObject data
            || data.Value<JToken>("qabot") is not { Type: JTokenType.String } marker || (string?)marker != Verb
            || data["helpful"] is not { Type: JTokenType.Boolean } helpful)
        {
            return false;
        }

        AnswerKind kind;
        switch ((data["kind"] as JValue)?.Value as string)
        {
            case "answered":
                kind = AnswerKind.Answered;
                break;
            case "no_answer":
                kind = AnswerKind.NoAnswer;
                break;
            default:
                return false;
        }

        var citations = new List<CardCitation>();
        if (data["citations"] is JArray array)
        {
            foreach (var item in array.OfType<JObject>().Take(CardContent.MaxCitations))
            {
                var id = String(item, "id");
                var title = String(item, "title");
                if (id.Length == 0 || title.Length == 0 || item["n"] is not { Type: JTokenType.Integer } n)
                {
                    continue;
                }

                citations.Add(new CardCitation
                {
                    N = Math.Clamp((int)n, 1, CardContent.MaxCitations),
                    Id = CardContent.Bound(id, CardContent.MaxFieldChars),
                    Title = CardContent.Bound(title, CardContent.MaxFieldChars),
                    Section = CardContent.Bound(String(item, "section"), CardContent.MaxFieldChars),
                    Url = CardContent.SafeUrl(String(item, "url")),
                    File = CardContent.Bound(String(item, "file"), CardContent.MaxFieldChars),
                });
            }
        }

        var question = String(data, "question");
        click = new FeedbackClick
        {
            Helpful = (bool)helpful,
            Content = new CardContent
            {
                Kind = kind,
                Text = CardContent.Bound(String(data, "text"), CardContent.MaxTextChars),
                Citations = citations,
            },
            Question = question.Length == 0 ? null : CardContent.Bound(question, MaxQuestionChars),
        };
        return true;
    }

    private static string String(JObject data, string name) =>
        data[name] is JValue { Type: JTokenType.String } value ? (string?)value ?? "" : "";
}
