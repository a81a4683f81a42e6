using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Analytics;
using QaBot.Analytics.Reports;
using QaBot.Answering;
using QaBot.Knowledge;

namespace QaBot.Moderation;

/// <summary>
/// The moderators' commands on the knowledge base and the analytics: every reply carries the reminder, and failures
/// (a reload that cannot finish, analytics off or unavailable, days out of range) become replies, never exceptions.
/// Logs what was run and how it ended, never text from the knowledge or the analytics.
/// </summary>
internal sealed partial class ModeratorCommands(
    IKnowledgeBase knowledge,
    IOptions<AnsweringOptions> answering,
    TimeProvider time,
    ILogger<ModeratorCommands> logger,
    IAnalyticsReports? reports = null) : IModeratorCommands
{
    /// <summary>The most groups <c>kb gaps</c> shows in a chat (<c>qabot kb gaps --limit</c> shows more).</summary>
    internal const int GapGroups = 10;

    /// <summary>The longest an example question is shown.</summary>
    private const int MaxExampleChars = 200;

    private string Reminder => answering.Value.Reminder;

    public Task<ModeratorReply> StatusAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var status = knowledge.Status; // never loads or waits: before the first load it says so
        var now = time.GetUtcNow();
        var lines = new List<string>();
        if (status.IsLoaded)
        {
            lines.Add(ModeratorText.Summary(status));
            lines.Add("Last reload: " + ModeratorText.Time(status.LastReloadAt!.Value, now));
        }
        else
        {
            lines.Add("The knowledge is not loaded yet.");
        }

        if (status.LastFailure is { } failure)
        {
            lines.Add($"The last reload, {ModeratorText.Time(status.LastAttemptAt ?? now, now)}, could not finish: {ModeratorText.Plain(failure)}");
            if (status.IsLoaded)
            {
                lines.Add("The knowledge of the last reload is still served.");
            }
        }

        lines.Add("Embeddings: " + ModeratorText.Plain(status.Embeddings));
        var fields = new List<ModeratorField>();
        if (status.Problems.Count > 0)
        {
            fields.Add(new ModeratorField("Problems", ModeratorText.Problems(status.Problems)));
        }

        if (status.Files.Count > 0)
        {
            fields.Add(new ModeratorField("Files", status.Files.Select(f => FileLine(f, now)).ToList()));
        }

        return Task.FromResult(new ModeratorReply
        {
            Title = "Knowledge status",
            Lines = lines,
            Fields = fields,
            IsError = status.HasErrors || status.LastFailure is not null,
            Reminder = Reminder,
        });
    }

    public async Task<ModeratorReply> ReloadAsync(CancellationToken cancellationToken)
    {
        var before = knowledge.Status;
        var started = time.GetTimestamp();
        try
        {
            await knowledge.ReloadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogReloadFailed(logger, ex.GetType().Name);
            var failed = knowledge.Status;
            var now = time.GetUtcNow();
            return new ModeratorReply
            {
                Title = "Reload failed",
                Lines =
                [
                    "The knowledge files could not be read again: " + ModeratorText.Plain(failed.LastFailure ?? ex.GetType().Name + ": " + ex.Message),
                    failed.LastReloadAt is { } served
                        ? "The knowledge loaded " + ModeratorText.Time(served, now) + " is still served."
                        : "No knowledge is loaded yet.",
                ],
                IsError = true,
                Reminder = Reminder,
            };
        }

        var elapsed = time.GetElapsedTime(started);
        var after = knowledge.Status;
        LogReloaded(logger, after.Passages, after.ErrorCount, (long)elapsed.TotalMilliseconds);
        var previous = before.Problems.ToHashSet();
        var current = after.Problems.ToHashSet();
        var added = after.Problems.Where(d => !previous.Contains(d)).ToList();
        var fixedOnes = before.Problems.Where(d => !current.Contains(d)).ToList();
        var fields = new List<ModeratorField>();
        if (added.Count > 0)
        {
            fields.Add(new ModeratorField("New problems", ModeratorText.Problems(added)));
        }

        if (fixedOnes.Count > 0)
        {
            fields.Add(new ModeratorField("Fixed", ModeratorText.Problems(fixedOnes)));
        }

        return new ModeratorReply
        {
            Title = "Knowledge reloaded",
            Lines =
            [
                string.Format(CultureInfo.InvariantCulture, "**{0}** passages from **{1}** (before: {2}), in {3:F1} s",
                    after.Passages, ModeratorText.Count(after.Files.Count, "file"), before.Passages, elapsed.TotalSeconds),
                after.Problems.Count == 0
                    ? "No problems."
                    : $"{ModeratorText.Count(after.ErrorCount, "error")}, {ModeratorText.Count(after.WarningCount, "warning")} (`kb status` lists them)",
            ],
            Fields = fields,
            IsError = added.Any(d => d.IsError),
            Reminder = Reminder,
        };
    }

    public async Task<ModeratorReply> GapsAsync(int? days, CancellationToken cancellationToken)
    {
        if (ModeratorCommand.EffectiveDays(days) is not { } window)
        {
            return DaysOutOfRange(days);
        }

        GapReport report;
        try
        {
            report = await Reports().GetGapsAsync(TimeSpan.FromDays(window), GapGroups, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return AnalyticsFailed(ex);
        }

        report = WithSuggestions(report);

        var now = time.GetUtcNow();
        var lines = new List<string>
        {
            string.Format(CultureInfo.InvariantCulture, "{0} without an answer and {1} from {2:yyyy-MM-dd} to {3:yyyy-MM-dd}.",
                ModeratorText.Count(report.NoAnswerTotal, "question"), ModeratorText.Count(report.NotHelpfulTotal, "\"Not helpful\" click"), report.From, report.To),
        };
        if (report.Groups.Count == 0)
        {
            lines.Add(report.NoAnswerTotal + report.NotHelpfulTotal == 0
                ? "Nothing to report: every question got an answer and nobody clicked \"Not helpful\"."
                : "None of them came with a question to show (Discord's buttons do not keep it): `kb feedback` lists the passages concerned.");
        }

        var fields = report.Groups.Select((group, i) => new ModeratorField(
            string.Format(CultureInfo.InvariantCulture, "{0}. \u201C{1}\u201D", i + 1, TextCleaner.Shorten(ModeratorText.Plain(group.Example), MaxExampleChars)),
            Suggestion(group) is { } suggestion ? [GapLine(group, now), .. suggestion] : [GapLine(group, now)])).ToList();
        return new ModeratorReply
        {
            Title = $"Unanswered questions, last {ModeratorText.Count(Covered(report.From, report.To, window, lines), "day")}",
            Lines = lines,
            Fields = fields,
            Reminder = Reminder,
        };
    }

    public async Task<ModeratorReply> FeedbackAsync(int? days, CancellationToken cancellationToken)
    {
        if (ModeratorCommand.EffectiveDays(days) is not { } window)
        {
            return DaysOutOfRange(days);
        }

        FeedbackReport report;
        try
        {
            report = await Reports().GetFeedbackAsync(TimeSpan.FromDays(window), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return AnalyticsFailed(ex);
        }

        var lines = new List<string>
        {
            string.Format(CultureInfo.InvariantCulture, "**{0}** helpful, **{1}** not helpful, from {2:yyyy-MM-dd} to {3:yyyy-MM-dd}.",
                report.Helpful, report.NotHelpful, report.From, report.To),
        };
        var fields = new List<ModeratorField>();
        if (report.Platforms.Count > 0)
        {
            fields.Add(new ModeratorField("By platform", report.Platforms.Select(PlatformLine).ToList()));
        }

        if (report.NotHelpfulPassages.Count > 0)
        {
            fields.Add(new ModeratorField("Marked not helpful most", report.NotHelpfulPassages
                .Select(p => string.Format(CultureInfo.InvariantCulture, "`{0}`: {1} not helpful, {2} helpful", ModeratorText.Plain(p.PassageId), p.NotHelpful, p.Helpful))
                .ToList()));
        }
        else
        {
            lines.Add("No passage was marked not helpful.");
        }

        return new ModeratorReply
        {
            Title = $"Feedback, last {ModeratorText.Count(Covered(report.From, report.To, window, lines), "day")}",
            Lines = lines,
            Fields = fields,
            Reminder = Reminder,
        };
    }

    public ModeratorReply Help(string? problem)
    {
        var lines = new List<string>();
        if (problem is not null)
        {
            lines.Add(problem);
        }

        lines.AddRange(
        [
            "`kb status`: knowledge files, passages, the last reload and every problem",
            "`kb reload`: read the knowledge files again now",
            $"`kb gaps [days]`: the most frequent questions that got no answer or \"Not helpful\" (default the last {ModeratorCommand.DefaultDays} days)",
            "`kb feedback [days]`: helpful and not helpful clicks, and the passages marked not helpful most",
            $"Days go from {ModeratorCommand.MinDays} to {ModeratorCommand.MaxDays}, for example `kb gaps 14`.",
        ]);
        return new ModeratorReply { Title = "Moderator commands", Lines = lines, IsError = problem is not null, Reminder = Reminder };
    }

    private ModeratorReply DaysOutOfRange(int? days) => new()
    {
        Title = "Please choose another number of days",
        Lines = [string.Format(CultureInfo.InvariantCulture, "Days go from {0} to {1} (you asked for {2}).", ModeratorCommand.MinDays, ModeratorCommand.MaxDays, days)],
        IsError = true,
        Reminder = Reminder,
    };

    /// <summary>The reports, or <see cref="AnalyticsUnavailableException"/> when this host has none.</summary>
    private IAnalyticsReports Reports() =>
        reports ?? throw new AnalyticsUnavailableException("This QaBot keeps no analytics, so there are no unanswered questions or feedback to report.");

    /// <summary>Analytics off or unreadable: their own message (meant for moderators); anything else by its type only.</summary>
    private ModeratorReply AnalyticsFailed(Exception exception)
    {
        LogAnalyticsFailed(logger, exception.GetType().Name);
        return new ModeratorReply
        {
            Title = "Analytics are not available",
            Lines = [exception is AnalyticsUnavailableException ? ModeratorText.Plain(exception.Message) : $"The analytics could not be read ({exception.GetType().Name}). The details are in QaBot's log."],
            IsError = true,
            Reminder = Reminder,
        };
    }

    /// <summary>The days a report covers: those asked for, or fewer when the analytics keep less (then a line says so).</summary>
    private static int Covered(DateTimeOffset from, DateTimeOffset to, int asked, List<string> lines)
    {
        var covered = Math.Max(1, (int)Math.Round((to - from).TotalDays));
        if (covered < asked)
        {
            lines.Add($"The analytics keep {ModeratorText.Count(covered, "day")} of data, so that is all this covers.");
        }

        return Math.Min(covered, asked);
    }

    /// <summary>
    /// The report with the section each group could be attached to; unchanged when the knowledge is not loaded yet or
    /// the suggestions cannot be made (the report itself is still worth showing).
    /// </summary>
    private GapReport WithSuggestions(GapReport report)
    {
        if (report.Groups.Count == 0 || knowledge.Status is not { IsLoaded: true })
        {
            return report;
        }

        try
        {
            return GapSuggestions.Suggest(report, knowledge.Current);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSuggestionsFailed(logger, ex.GetType().Name);
            return report;
        }
    }

    /// <summary>The section the group's question could be attached to, and the line to add there.</summary>
    private static string[]? Suggestion(GapGroup group) => group.Suggestion is { } s
        ? [
            $"Nearest section: `{ModeratorText.Plain(s.SectionId)}` ({ModeratorText.Plain(s.File)}:{s.Line.ToString(CultureInfo.InvariantCulture)})",
            $"If it answers this, add there: `{ModeratorText.Plain(TextCleaner.Shorten(s.Add, 400))}`",
        ]
        : null;

    private static string GapLine(GapGroup group, DateTimeOffset now)
    {
        var reasons = string.Join(" and ", group.Reasons.Select(r => r == GapReason.NoAnswer ? "no answer" : "not helpful"));
        return string.Format(CultureInfo.InvariantCulture, "{0} ({1}), {2}, last {3}",
            ModeratorText.Count(group.Count, "time"), reasons, ModeratorText.Count(group.DistinctUsers, "person", "people"), ModeratorText.Time(group.LastAsked, now));
    }

    private static string PlatformLine(PlatformFeedback platform) =>
        string.Format(CultureInfo.InvariantCulture, "{0}: {1} helpful, {2} not helpful; {3} answered, {4} without an answer, {5}",
            platform.Platform, platform.Helpful, platform.NotHelpful, platform.Answered, platform.NoAnswer, ModeratorText.Count(platform.Safety, "safety reply", "safety replies"));

    private static string FileLine(KnowledgeFileSummary file, DateTimeOffset now)
    {
        var line = string.Format(CultureInfo.InvariantCulture, "`{0}` ({1})", ModeratorText.Plain(file.File), file.Kind);
        if (file.Kind != "synonyms")
        {
            line += ": " + ModeratorText.Count(file.Passages, "passage");
        }

        if (file.Errors > 0)
        {
            line += ", " + ModeratorText.Count(file.Errors, "error");
        }

        if (file.ServingLastGoodSince is { } since)
        {
            line += ", serving the last good version from " + ModeratorText.Time(since, now);
        }

        return line;
    }

    [LoggerMessage(EventId = 9010, Level = LogLevel.Warning, Message = "Moderator gap report: the sections to attach questions to could not be found ({Error})")]
    private static partial void LogSuggestionsFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Moderator reload: {Passages} passages, {Errors} errors, {ElapsedMs} ms")]
    private static partial void LogReloaded(ILogger logger, int passages, int errors, long elapsedMs);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "Moderator reload failed ({Error}); the previous knowledge is still served")]
    private static partial void LogReloadFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Moderator report could not be made: analytics unavailable ({Error})")]
    private static partial void LogAnalyticsFailed(ILogger logger, string error);
}
