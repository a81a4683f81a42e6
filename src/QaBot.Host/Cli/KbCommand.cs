using System.CommandLine;
using System.Diagnostics;
using QaBot.Knowledge;
using QaBot.Knowledge.Search;

namespace QaBot.Host.Cli;

/// <summary><c>qabot kb validate [PATH ...]</c> and <c>qabot kb stats</c>.</summary>
internal static class KbCommand
{
    public static Command Create()
    {
        var command = new Command("kb", "Knowledge tools for moderators.");
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(Stats());
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
