using System.Text.Json;
using System.Text.Json.Serialization;

namespace QaBot.Host.Evaluation;

/// <summary>
/// One evaluation question: <c>{"id","question","relevant":[...],"expect_any":[...],"kind","category","caveat","parts"}</c>;
/// every check is optional.
/// </summary>
public sealed record EvalItem
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("question")]
    public string Question { get; init; } = "";

    [JsonPropertyName("relevant")]
    public IReadOnlyList<string>? Relevant { get; init; }

    [JsonPropertyName("expect_any")]
    public IReadOnlyList<string>? ExpectAny { get; init; }

    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    [JsonPropertyName("category")]
    public string? Category { get; init; }

    /// <summary>The answer must keep its passage's caveat (efficacy, cure, approval and safety questions).</summary>
    [JsonPropertyName("caveat")]
    public bool? Caveat { get; init; }

    /// <summary>How many questions the item asks at once; each listed <c>relevant</c> id must then be cited.</summary>
    [JsonPropertyName("parts")]
    public int? Parts { get; init; }

    /// <summary>A dialogue instead of one question: its turns, asked in one conversation (<see cref="DialogueRunner"/>).</summary>
    [JsonPropertyName("turns")]
    public IReadOnlyList<DialogueTurn>? Turns { get; init; }

    /// <summary>Reads a JSONL question file; bad lines are reported with their line numbers.</summary>
    public static (List<EvalItem> Items, List<string> Problems) ReadFile(string path)
    {
        var items = new List<EvalItem>();
        var problems = new List<string>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var item = JsonSerializer.Deserialize<EvalItem>(line);
                if (item is null || item.Question.Length == 0 && item.Id.Length == 0 && item.Turns is not { Count: > 0 })
                {
                    problems.Add($"{path}:{lineNumber}: not a question object");
                    continue;
                }

                items.Add(item.Id.Length == 0 ? item with { Id = $"line-{lineNumber}" } : item);
            }
            catch (JsonException ex)
            {
                problems.Add($"{path}:{lineNumber}: malformed JSON: {ex.Message.Split(" Path:", 2)[0]}");
            }
        }

        return (items, problems);
    }
}
