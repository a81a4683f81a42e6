using System.Globalization;
using System.Text;

namespace QaBot.Analytics.Reports;

/// <summary>
/// Plain-text renderings of the reports, as <c>qabot kb gaps</c> and <c>qabot kb feedback</c> print them; short enough
/// for a chat message when the limit is small. Times are UTC.
/// </summary>
public static class AnalyticsReportText
{
    public static string Gaps(GapReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Unanswered and \"Not helpful\" questions, {Period(report.From, report.To)}: ")
            .Append(CultureInfo.InvariantCulture, $"{report.NoAnswerTotal} without an answer, {report.NotHelpfulTotal} marked not helpful.\n");
        if (report.Groups.Count == 0)
        {
            text.Append("Nothing to review in this period.\n");
            return text.ToString();
        }

        for (var i = 0; i < report.Groups.Count; i++)
        {
            var group = report.Groups[i];
            text.Append(CultureInfo.InvariantCulture, $"{i + 1,3}. {Times(group.Count)}, {People(group.DistinctUsers)}, last {Time(group.LastAsked)}: {Reasons(group)}\n")
                .Append(CultureInfo.InvariantCulture, $"     \"{group.Example}\"\n");
            if (group.Suggestion is { } suggestion)
            {
                text.Append(CultureInfo.InvariantCulture, $"     nearest section: {suggestion.SectionId} ({suggestion.File}:{suggestion.Line})\n")
                    .Append(CultureInfo.InvariantCulture, $"     if it answers this, add to that section: {suggestion.Add}\n");
            }
        }

        return text.ToString();
    }

    public static string Feedback(FeedbackReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Feedback, {Period(report.From, report.To)}: {report.Helpful} helpful, {report.NotHelpful} not helpful.\n");
        if (report.Platforms.Count == 0)
        {
            text.Append("Nothing recorded in this period.\n");
            return text.ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"  {"platform",-10} {"helpful",8} {"not helpful",12} {"answered",9} {"no answer",10} {"safety",7}\n");
        foreach (var platform in report.Platforms)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  {platform.Platform,-10} {platform.Helpful,8} {platform.NotHelpful,12} {platform.Answered,9} {platform.NoAnswer,10} {platform.Safety,7}\n");
        }

        if (report.NotHelpfulPassages.Count > 0)
        {
            text.Append("Passages most often cited by answers marked not helpful:\n");
            foreach (var passage in report.NotHelpfulPassages)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {passage.NotHelpful,3} not helpful, {passage.Helpful,3} helpful  {passage.PassageId}\n");
            }
        }

        return text.ToString();
    }

    private static string Period(DateTimeOffset from, DateTimeOffset to) => $"{Time(from)} to {Time(to)} UTC";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Times(int count) => count == 1 ? "once" : $"{count} times";

    private static string People(int count) => count == 1 ? "1 person" : $"{count} people";

    private static string Reasons(GapGroup group) => string.Join(", ", group.Reasons.Select(reason => reason switch
    {
        GapReason.NoAnswer => $"no answer {group.NoAnswerCount}",
        _ => $"not helpful {group.NotHelpfulCount}",
    }));
}
