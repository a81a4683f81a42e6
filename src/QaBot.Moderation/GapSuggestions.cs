using System.Text.Json;
using QaBot.Analytics.Reports;
using QaBot.Knowledge;
using QaBot.Knowledge.Files;

namespace QaBot.Moderation;

/// <summary>
/// Suggests, for each group of a gap report, the section a moderator could attach its question to with an
/// <c>Also asked:</c> line: the best section retrieval finds for the group's example question, even when it was not
/// confident enough to answer. Attaching the question makes both searches match it next time.
/// </summary>
public static class GapSuggestions
{
    /// <summary>The report with a <see cref="GapGroup.Suggestion"/> on each group retrieval finds a section for.</summary>
    public static GapReport Suggest(GapReport report, KnowledgeSnapshot knowledge)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(knowledge);
        return report with { Groups = report.Groups.Select(g => g with { Suggestion = For(g.Example, knowledge) }).ToList() };
    }

    /// <summary>The section to attach <paramref name="question"/> to, or null when nothing in the knowledge is near it.</summary>
    public static GapSuggestion? For(string question, KnowledgeSnapshot knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var cleaned = (question ?? "").Replace('\n', ' ').Replace('\r', ' ').Trim();
        if (cleaned.Length == 0)
        {
            return null;
        }

        var plan = knowledge.Plan(cleaned);
        if (plan.IsEmpty)
        {
            return null;
        }

        var best = knowledge.Search(plan, 1) is [var hit, ..] ? hit.Passage : null;
        if (best is null)
        {
            return null;
        }

        // A long section is split into parts (id-2, id-3): its alternate questions belong to the first part.
        var section = knowledge.Passages.FirstOrDefault(p => p.File == best.File && p.Line == best.Line && p.Section == best.Section && p.Title == best.Title) ?? best;
        var isJsonl = section.File.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        var questions = section.AlsoAsked.Append(cleaned).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new GapSuggestion
        {
            SectionId = section.Id,
            Title = section.Title,
            Section = section.Section,
            File = section.File,
            Line = section.Line,
            Add = isJsonl ? "\"also_asked\": " + JsonSerializer.Serialize(questions) : AlsoAskedLine.Format(questions),
        };
    }
}
