using System.Globalization;
using QaBot.Knowledge;

namespace QaBot.Moderation;

/// <summary>How moderator replies write times, counts and knowledge problems.</summary>
internal static class ModeratorText
{
    /// <summary><c>2026-11-26 09:00 UTC (5 min ago)</c>.</summary>
    public static string Time(DateTimeOffset at, DateTimeOffset now)
    {
        var absolute = at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var age = now - at;
        var relative = age.TotalSeconds switch
        {
            < 60 => "just now",
            < 3600 => Count((int)age.TotalMinutes, "min") + " ago",
            < 48 * 3600 => Count((int)age.TotalHours, "hour") + " ago",
            _ => Count((int)age.TotalDays, "day") + " ago",
        };
        return $"{absolute} ({relative})";
    }

    /// <summary><c>1 file</c>, <c>2 files</c>; "min" stays as it is; <paramref name="plural"/> for irregular ones.</summary>
    public static string Count(int count, string unit, string? plural = null) =>
        string.Format(CultureInfo.InvariantCulture, "{0} {1}", count, count == 1 ? unit : plural ?? (unit == "min" ? unit : unit + "s"));

    /// <summary><c>`file:line` error: message</c>, the problem's location set in code so that Markdown leaves it alone.</summary>
    public static string Problem(KnowledgeDiagnostic diagnostic) =>
        string.Format(CultureInfo.InvariantCulture, "`{0}:{1}` {2}: {3}",
            Code(diagnostic.File), diagnostic.Line, diagnostic.IsError ? "error" : "warning", Plain(diagnostic.Message));

    /// <summary>The most problems a reply lists (a last line says how many more there are).</summary>
    public const int MaxProblems = 50;

    /// <summary><c>**28** passages from **9 files**; 1 error, 0 warnings</c>.</summary>
    public static string Summary(KnowledgeStatus status) =>
        $"**{status.Passages}** passages from **{Count(status.Files.Count, "file")}**; {Count(status.ErrorCount, "error")}, {Count(status.WarningCount, "warning")}";

    /// <summary>One line per problem, errors first, then by file and line; at most <see cref="MaxProblems"/>.</summary>
    public static List<string> Problems(IReadOnlyList<KnowledgeDiagnostic> problems)
    {
        var ordered = problems.OrderByDescending(p => p.IsError).ThenBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToList();
        var lines = ordered.Take(MaxProblems).Select(Problem).ToList();
        if (ordered.Count > MaxProblems)
        {
            lines.Add(string.Format(CultureInfo.InvariantCulture, "… and {0} more (`qabot kb validate` lists every one)", ordered.Count - MaxProblems));
        }

        return lines;
    }

    /// <summary>Text from files (names, messages) without the characters that would break Markdown or code spans.</summary>
    public static string Plain(string text) => text.Replace('`', '\'').Replace("\r", " ", StringComparison.Ordinal).Replace('\n', ' ');

    private static string Code(string text) => text.Replace('`', '\'');
}
