using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    ILogger<ModeratorCommands> logger) : IModeratorCommands
{
    /// <summary>The most problems a reply lists (the count says how many there are).</summary>
    internal const int MaxProblems = 50;

    private string Reminder => answering.Value.Reminder;

    public Task<ModeratorReply> StatusAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var snapshot = knowledge.Current;
        var set = snapshot.Knowledge;
        var now = time.GetUtcNow();
        var lines = new List<string>
        {
            $"**{set.Passages.Count}** passages from **{ModeratorText.Count(set.Files.Count, "file")}**; " +
            $"{ModeratorText.Count(set.ErrorCount, "error")}, {ModeratorText.Count(set.WarningCount, "warning")}",
            "Last reload: " + ModeratorText.Time(snapshot.LoadedAt, now),
            "Embeddings: " + ModeratorText.Plain(snapshot.Embeddings),
        };
        var fields = new List<ModeratorField>();
        if (set.Diagnostics.Count > 0)
        {
            fields.Add(new ModeratorField("Problems", Problems(set.Diagnostics)));
        }

        fields.Add(new ModeratorField("Files", set.Files.Select(FileLine).ToList()));
        return Task.FromResult(new ModeratorReply
        {
            Title = "Knowledge status",
            Lines = lines,
            Fields = fields,
            IsError = set.ErrorCount > 0,
            Reminder = Reminder,
        });
    }

    public async Task<ModeratorReply> ReloadAsync(CancellationToken cancellationToken)
    {
        var before = knowledge.Current;
        var started = time.GetTimestamp();
        KnowledgeSnapshot after;
        try
        {
            after = await knowledge.ReloadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogReloadFailed(logger, ex.GetType().Name);
            return new ModeratorReply
            {
                Title = "Reload failed",
                Lines =
                [
                    "The knowledge files could not be read again: " + ModeratorText.Plain(ex.Message),
                    "The knowledge loaded " + ModeratorText.Time(knowledge.Current.LoadedAt, time.GetUtcNow()) + " is still served.",
                ],
                IsError = true,
                Reminder = Reminder,
            };
        }

        var elapsed = time.GetElapsedTime(started);
        LogReloaded(logger, after.Knowledge.Passages.Count, after.Knowledge.ErrorCount, (long)elapsed.TotalMilliseconds);
        var previous = before.Knowledge.Diagnostics.ToHashSet();
        var current = after.Knowledge.Diagnostics;
        var added = current.Where(d => !previous.Contains(d)).ToList();
        var fixedOnes = previous.Where(d => !current.Contains(d)).ToList();
        var fields = new List<ModeratorField>();
        if (added.Count > 0)
        {
            fields.Add(new ModeratorField("New problems", Problems(added)));
        }

        if (fixedOnes.Count > 0)
        {
            fields.Add(new ModeratorField("Fixed", Problems(fixedOnes)));
        }

        return new ModeratorReply
        {
            Title = "Knowledge reloaded",
            Lines =
            [
                string.Format(CultureInfo.InvariantCulture, "**{0}** passages from **{1}** (before: {2}), in {3:F1} s",
                    after.Knowledge.Passages.Count, ModeratorText.Count(after.Knowledge.Files.Count, "file"), before.Knowledge.Passages.Count, elapsed.TotalSeconds),
                current.Count == 0
                    ? "No problems."
                    : $"{ModeratorText.Count(after.Knowledge.ErrorCount, "error")}, {ModeratorText.Count(after.Knowledge.WarningCount, "warning")} (`kb status` lists them)",
            ],
            Fields = fields,
            IsError = added.Any(d => d.IsError),
            Reminder = Reminder,
        };
    }

    public Task<ModeratorReply> GapsAsync(int? days, CancellationToken cancellationToken) =>
        Task.FromResult(CheckDays(days) ?? AnalyticsUnavailable());

    public Task<ModeratorReply> FeedbackAsync(int? days, CancellationToken cancellationToken) =>
        Task.FromResult(CheckDays(days) ?? AnalyticsUnavailable());

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

    /// <summary>An error reply when <paramref name="days"/> is out of range; null when it is fine.</summary>
    private ModeratorReply? CheckDays(int? days) =>
        ModeratorCommand.EffectiveDays(days) is null
            ? new ModeratorReply
            {
                Title = "Please choose another number of days",
                Lines = [string.Format(CultureInfo.InvariantCulture, "Days go from {0} to {1} (you asked for {2}).", ModeratorCommand.MinDays, ModeratorCommand.MaxDays, days)],
                IsError = true,
                Reminder = Reminder,
            }
            : null;

    private ModeratorReply AnalyticsUnavailable() => new()
    {
        Title = "Analytics are not available",
        Lines = ["This QaBot keeps no analytics, so there are no unanswered questions or feedback to report."],
        IsError = true,
        Reminder = Reminder,
    };

    private static List<string> Problems(IReadOnlyList<KnowledgeDiagnostic> problems)
    {
        var ordered = problems.OrderByDescending(p => p.IsError).ThenBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToList();
        var lines = ordered.Take(MaxProblems).Select(ModeratorText.Problem).ToList();
        if (ordered.Count > MaxProblems)
        {
            lines.Add(string.Format(CultureInfo.InvariantCulture, "… and {0} more (`qabot kb validate` lists every one)", ordered.Count - MaxProblems));
        }

        return lines;
    }

    private static string FileLine(KnowledgeFileSummary file)
    {
        var line = string.Format(CultureInfo.InvariantCulture, "`{0}` ({1}): {2}", ModeratorText.Plain(file.File), file.Kind, ModeratorText.Count(file.Passages, "passage"));
        if (file.Errors > 0)
        {
            line += ", " + ModeratorText.Count(file.Errors, "error");
        }

        return line;
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Moderator reload: {Passages} passages, {Errors} errors, {ElapsedMs} ms")]
    private static partial void LogReloaded(ILogger logger, int passages, int errors, long elapsedMs);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "Moderator reload failed ({Error}); the previous knowledge is still served")]
    private static partial void LogReloadFailed(ILogger logger, string error);
}
