using System.Text.Json;

namespace QaBot.Knowledge.Files;

/// <summary>
/// Reads a JSONL passage file: one object a line, <c>{"id","title","section","text","url","source","tags","also_asked"}</c>
/// with <c>id</c>, <c>title</c> and <c>text</c> required. A bad line is reported and skipped; the rest loads.
/// </summary>
public static class JsonlKnowledgeParser
{
    public static KnowledgeFileResult Parse(string file, TextReader reader, int maxLines = int.MaxValue)
    {
        var passages = new List<Passage>();
        var diagnostics = new List<KnowledgeDiagnostic>();
        var lineNumber = 0;
        var sawContent = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber > maxLines)
            {
                break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            sawContent = true;
            var passage = ParseLine(file, lineNumber, line, diagnostics);
            if (passage is not null)
            {
                passages.Add(passage);
            }
        }

        if (!sawContent)
        {
            diagnostics.Add(KnowledgeDiagnostic.Error(file, 1, "the file is empty"));
        }

        return new KnowledgeFileResult(file, passages, diagnostics);
    }

    private static Passage? ParseLine(string file, int lineNumber, string line, List<KnowledgeDiagnostic> diagnostics)
    {
        if (line.Contains('\0', StringComparison.Ordinal))
        {
            diagnostics.Add(KnowledgeDiagnostic.Error(file, lineNumber, "the line contains binary data"));
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(KnowledgeDiagnostic.Error(file, lineNumber, "each line must be one JSON object"));
                return null;
            }

            var id = Text(root, "id");
            var title = Text(root, "title");
            var text = Text(root, "text");
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(id))
            {
                missing.Add("id");
            }

            if (string.IsNullOrWhiteSpace(title))
            {
                missing.Add("title");
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                missing.Add("text");
            }

            if (missing.Count > 0)
            {
                diagnostics.Add(KnowledgeDiagnostic.Error(file, lineNumber, $"missing or empty required field(s): {string.Join(", ", missing)}"));
                return null;
            }

            return new Passage
            {
                Id = id!.Trim(),
                Title = title!.Trim(),
                Section = Text(root, "section")?.Trim() ?? "",
                Text = text!.Trim(),
                Url = NullIfEmpty(Text(root, "url")),
                Source = NullIfEmpty(Text(root, "source")),
                Tags = Tags(root),
                Language = NullIfEmpty(Text(root, "language")) ?? "en",
                AlsoAsked = AlsoAsked(file, lineNumber, root, diagnostics),
                File = file,
                Line = lineNumber,
            };
        }
        catch (JsonException ex)
        {
            diagnostics.Add(KnowledgeDiagnostic.Error(file, lineNumber, "malformed JSON: " + ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0]));
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The optional <c>also_asked</c> array of alternate questions (a string is read as a '|'-separated list).</summary>
    private static IReadOnlyList<string> AlsoAsked(string file, int lineNumber, JsonElement root, List<KnowledgeDiagnostic> diagnostics)
    {
        if (!root.TryGetProperty("also_asked", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        IReadOnlyList<string> questions = value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray()
                .Where(q => q.ValueKind == JsonValueKind.String)
                .Select(q => q.GetString()!.Trim())
                .Where(q => q.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList(),
            JsonValueKind.String => AlsoAskedLine.Split(value.GetString()!),
            _ => [],
        };
        if (questions.Count == 0)
        {
            diagnostics.Add(KnowledgeDiagnostic.Warning(file, lineNumber, "'also_asked' lists no questions; give an array of strings, or remove it"));
        }

        return questions;
    }

    private static string[] Tags(JsonElement root)
    {
        if (!root.TryGetProperty("tags", out var tags))
        {
            return [];
        }

        return tags.ValueKind switch
        {
            JsonValueKind.Array => tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToArray(),
            JsonValueKind.String => tags.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => [],
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
