using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using QaBot.Analytics.Reports;
using QaBot.Knowledge;
using QaBot.Knowledge.Search;

namespace QaBot.Host.Cli;

/// <summary>
/// <c>qabot kb validate [PATH ...]</c>, <c>qabot kb stats</c>, <c>qabot kb status</c>, <c>qabot kb test</c>, and the moderators' analytics reports
/// <c>qabot kb gaps [--days 7] [--limit 20]</c> and <c>qabot kb feedback [--days 7]</c>.
/// </summary>
internal static class KbCommand
{
    public static Command Create()
    {
        var command = new Command("kb", "Knowledge tools for moderators.");
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(Stats());
        command.Subcommands.Add(Status());
        command.Subcommands.Add(Test());
        command.Subcommands.Add(Gaps());
        command.Subcommands.Add(Feedback());
        return command;
    }

    private static Command Gaps()
    {
        var days = AnalyticsCliOptions.Days();
        var limit = AnalyticsCliOptions.Bounded("--limit", $"How many groups to show (1 to {IAnalyticsReports.MaxLimit}).", 20, 1, IAnalyticsReports.MaxLimit);
        var json = CommonOptions.Json();
        var database = AnalyticsCliOptions.Database();
        var knowledge = CommonOptions.Knowledge();
        var noSuggestions = new Option<bool>("--no-suggestions") { Description = "Do not load the knowledge to suggest the section each question could be attached to." };
        var command = new Command("gaps", "What members asked that the knowledge did not answer, or marked not helpful, grouped by similar wording, each with the section it could be attached to ('Also asked:').")
        {
            days, limit, json, database, knowledge, noSuggestions,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = CliServices.BuildAnalytics(result.GetValue(database));
            var reports = host.Services.GetRequiredService<IAnalyticsReports>();
            var report = await reports.GetGapsAsync(TimeSpan.FromDays(result.GetValue(days)), result.GetValue(limit), cancellationToken);
            if (!result.GetValue(noSuggestions) && report.Groups.Count > 0)
            {
                using var knowledgeHost = CliServices.Build(result.GetValue(knowledge));
                report = Moderation.GapSuggestions.Suggest(report, knowledgeHost.Services.GetRequiredService<IKnowledgeBase>().Current);
            }

            Console.Write(result.GetValue(json) ? JsonSerializer.Serialize(report, AnalyticsCliOptions.Json) + "\n" : AnalyticsReportText.Gaps(report));
            return 0;
        });
        return command;
    }

    private static Command Feedback()
    {
        var days = AnalyticsCliOptions.Days();
        var json = CommonOptions.Json();
        var database = AnalyticsCliOptions.Database();
        var command = new Command("feedback", "Helpful / not helpful counts by platform and the passages most often marked not helpful.") { days, json, database };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = CliServices.BuildAnalytics(result.GetValue(database));
            var reports = host.Services.GetRequiredService<IAnalyticsReports>();
            var report = await reports.GetFeedbackAsync(TimeSpan.FromDays(result.GetValue(days)), cancellationToken);
            Console.Write(result.GetValue(json) ? JsonSerializer.Serialize(report, AnalyticsCliOptions.Json) + "\n" : AnalyticsReportText.Feedback(report));
            return 0;
        });
        return command;
    }

    private static Command Test()
    {
        var knowledge = CommonOptions.Knowledge();
        var tests = new Option<string[]>("--tests") { Description = "Knowledge test files (JSONL). Default: every tests/*.jsonl of the knowledge folders.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("test", "Run the moderators' knowledge tests; print every failure and exit 1 if any.") { knowledge, tests };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = CliServices.Build(result.GetValue(knowledge));
            var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KnowledgeOptions>>().Value;
            var files = result.GetValue(tests) is { Length: > 0 } given
                ? given.ToList()
                : options.EffectivePaths.Where(Directory.Exists)
                    .Select(p => Path.Combine(p, options.TestsFolder))
                    .Where(Directory.Exists)
                    .SelectMany(d => Directory.EnumerateFiles(d, "*.jsonl", SearchOption.AllDirectories))
                    .Order(StringComparer.Ordinal)
                    .ToList();
            if (files.Count == 0)
            {
                Console.WriteLine("no knowledge tests found");
                return 0;
            }

            var items = new List<Evaluation.EvalItem>();
            var problems = 0;
            foreach (var file in files)
            {
                var (read, bad) = Evaluation.EvalItem.ReadFile(file);
                items.AddRange(read);
                problems += bad.Count;
                foreach (var problem in bad)
                {
                    Console.WriteLine(problem);
                }
            }

            var runner = new Evaluation.EvalRunner(host.Services.GetRequiredService<Answering.Turns.IQuestionTurn>(), host.Services.GetRequiredService<IKnowledgeBase>());
            var report = await runner.RunAsync(items, cancellationToken);
            foreach (var failure in report.Failures)
            {
                Console.WriteLine($"FAIL {failure.Id}: \"{failure.Question}\"");
                Console.WriteLine($"     expected {failure.Expected}");
                Console.WriteLine($"     answered {failure.Actual}");
            }

            Console.WriteLine($"{items.Count - report.Failures.Count} passed, {report.Failures.Count} failed ({files.Count} files)");
            return report.Failures.Count > 0 || problems > 0 ? 1 : 0;
        });
        return command;
    }

    private static Command Validate()
    {
        var paths = new Argument<string[]>("paths") { Description = "Knowledge folders or files. Default: knowledge/.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("validate", "Check knowledge files and print every problem with its location; exit code 1 on any error.") { paths };
        command.SetAction(result =>
        {
            var targets = result.GetValue(paths) is { Length: > 0 } given ? given : [Path.Combine(HostPaths.ContentRoot(), KnowledgeOptions.DefaultPath)];
            var set = new KnowledgeLoader().Load(targets);
            foreach (var diagnostic in set.Diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line))
            {
                Console.WriteLine(diagnostic.ToString());
            }

            Console.WriteLine($"{set.Files.Count} files, {set.Passages.Count} passages, {set.ErrorCount} errors, {set.WarningCount} warnings");
            return set.ErrorCount > 0 ? 1 : 0;
        });
        return command;
    }

    private static Command Status()
    {
        var knowledge = CommonOptions.Knowledge();
        var json = CommonOptions.Json();
        var command = new Command("status", "Load the configured knowledge once and print what is served: files, passages, problems, embeddings; exit code 1 when any file has errors.") { knowledge, json };
        command.SetAction(result =>
        {
            using var host = CliServices.Build(result.GetValue(knowledge));
            var knowledgeBase = host.Services.GetRequiredService<IKnowledgeBase>();
            _ = knowledgeBase.Current;
            var status = knowledgeBase.Status;
            if (result.GetValue(json))
            {
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
                {
                    files = status.Files.Select(f => new { file = f.File, kind = f.Kind, passages = f.Passages, errors = f.Errors, warnings = f.Warnings, serving_last_good_since = f.ServingLastGoodSince }),
                    passages = status.Passages,
                    synonym_rules = status.SynonymRules,
                    errors = status.ErrorCount,
                    warnings = status.WarningCount,
                    problems = status.Problems.Select(p => p.ToString()),
                    embeddings = status.Embeddings,
                    loaded_at = status.LastReloadAt,
                }));
                return status.HasErrors ? 1 : 0;
            }

            Console.WriteLine($"files:      {status.Files.Count}");
            foreach (var file in status.Files)
            {
                var contents = file.Kind == "synonyms" ? "" : $"{file.Passages} passages, ";
                var lastGood = file.ServingLastGoodSince is { } since ? $", serving the last good version from {since:yyyy-MM-dd HH:mm:ss} UTC" : "";
                Console.WriteLine($"  {file.File} ({file.Kind}): {contents}{file.Errors} errors, {file.Warnings} warnings{lastGood}");
            }

            Console.WriteLine($"passages:   {status.Passages}");
            Console.WriteLine($"synonyms:   {status.SynonymRules} rules");
            Console.WriteLine($"problems:   {status.ErrorCount} errors, {status.WarningCount} warnings");
            foreach (var problem in status.Problems)
            {
                Console.WriteLine($"  {problem}");
            }

            Console.WriteLine($"embeddings: {status.Embeddings}");
            Console.WriteLine($"loaded at:  {status.LastReloadAt:yyyy-MM-dd HH:mm:ss} UTC");
            return status.HasErrors ? 1 : 0;
        });
        return command;
    }

    private static Command Stats()
    {
        var knowledge = CommonOptions.Knowledge();
        var json = CommonOptions.Json();
        var command = new Command("stats", "Files, passages, sections, index size and build time.") { knowledge, json };
        command.SetAction(result =>
        {
            using var host = CliServices.Build(result.GetValue(knowledge));
            var stopwatch = Stopwatch.StartNew();
            var snapshot = host.Services.GetRequiredService<IKnowledgeBase>().Current;
            stopwatch.Stop();
            var set = snapshot.Knowledge;
            var stats = new
            {
                files = set.Files.Count,
                passages = set.Passages.Count,
                sections = set.Passages.Select(p => (p.File, p.Section)).Distinct().Count(),
                synonyms = set.Synonyms.Count,
                errors = set.ErrorCount,
                warnings = set.WarningCount,
                index_bytes = snapshot.Index.SizeInBytes,
                build_ms = Math.Round(snapshot.BuildTime.TotalMilliseconds, 1),
                embeddings = snapshot.Embeddings,
            };
            if (result.GetValue(json))
            {
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(stats));
                return 0;
            }

            Console.WriteLine($"files:      {stats.files}");
            foreach (var file in set.Files)
            {
                Console.WriteLine($"  {file.File} ({file.Kind}): {file.Passages} passages, {file.Errors} errors, {file.Warnings} warnings");
            }

            Console.WriteLine($"passages:   {stats.passages}");
            Console.WriteLine($"sections:   {stats.sections}");
            Console.WriteLine($"synonyms:   {stats.synonyms} rules");
            Console.WriteLine($"problems:   {stats.errors} errors, {stats.warnings} warnings");
            Console.WriteLine($"index size: {stats.index_bytes / 1024.0:F1} KiB");
            Console.WriteLine($"build time: {stats.build_ms} ms");
            Console.WriteLine($"embeddings: {stats.embeddings}");
            return 0;
        });
        return command;
    }
}
