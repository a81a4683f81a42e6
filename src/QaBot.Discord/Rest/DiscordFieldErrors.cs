using System.Text;
using System.Text.Json;

namespace QaBot.Discord.Rest;

/// <summary>
/// The field errors of a refused request (Discord's <c>errors</c> object, e.g. with 50035 "Invalid Form Body") as
/// <c>path: CODE</c> pairs, e.g. <c>embeds.0.description: BASE_TYPE_MAX_LENGTH</c>. Only the paths and the codes are kept,
/// never Discord's messages (which may quote what was sent), and both are reduced to safe characters and bounded.
/// </summary>
internal static class DiscordFieldErrors
{
    /// <summary>At most this many field errors are kept.</summary>
    public const int MaxErrors = 10;

    private const int MaxDepth = 12;
    private const int MaxSegmentChars = 40;
    private const int MaxCodeChars = 60;

    /// <summary>The field errors in <paramref name="root"/>'s <c>errors</c>, or an empty list.</summary>
    public static IReadOnlyList<string> Read(JsonElement root)
    {
        var found = new List<string>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            Walk(errors, [], found);
        }

        return found;
    }

    private static void Walk(JsonElement node, List<string> path, List<string> found)
    {
        if (path.Count > MaxDepth)
        {
            return;
        }

        foreach (var property in node.EnumerateObject())
        {
            if (found.Count >= MaxErrors)
            {
                return;
            }

            if (property.Name == "_errors" && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in property.Value.EnumerateArray())
                {
                    if (found.Count >= MaxErrors)
                    {
                        return;
                    }

                    var code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String
                        ? Safe(c.GetString()!, MaxCodeChars)
                        : "?";
                    found.Add((path.Count == 0 ? "(body)" : string.Join('.', path)) + ": " + (code.Length > 0 ? code : "?"));
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.Object)
            {
                path.Add(Safe(property.Name, MaxSegmentChars));
                Walk(property.Value, path, found);
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    /// <summary>ASCII letters, digits and underscores only, at most <paramref name="max"/> of them.</summary>
    private static string Safe(string text, int max)
    {
        var builder = new StringBuilder(Math.Min(text.Length, max));
        foreach (var ch in text)
        {
            if (builder.Length == max)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(ch) || ch == '_')
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }
}
