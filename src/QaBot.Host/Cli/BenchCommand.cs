using System.CommandLine;
using System.Text;
using System.Text.Json;
using QaBot.Host.Evaluation;
using QaBot.Knowledge;
using QaBot.Knowledge.Files;

namespace QaBot.Host.Cli;

/// <summary>
/// <c>qabot bench --passages FILE --questions FILE [--variant base|scale] [--engine plain|lexical ...]</c>:
/// the retrieval benchmark of <c>BENCHMARK.md</c>, one JSON line per engine and variant.
/// </summary>
internal static class BenchCommand
{
    private static readonly string[] KnownEngines = ["plain", "lexical"];

    public static Command Create()
    {
        var passages = new Option<string>("--passages") { Description = "Passages in JSONL (e.g. ../shared/data/medquad/passages.jsonl).", Required = true };
        var questions = new Option<string>("--questions") { Description = "Questions in JSONL with relevant ids.", Required = true };
        var variant = new Option<string[]>("--variant") { Description = "base (the corpus as given) or scale (10 copies); repeatable.", Arity = ArgumentArity.ZeroOrMore };
        variant.AcceptOnlyFromAmong("base", "scale");
        var engine = new Option<string[]>("--engine") { Description = "plain (plain Lucene.Net), lexical (QaBot without embeddings); repeatable or comma-separated.", Arity = ArgumentArity.ZeroOrMore };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N questions (for quick checks; the protocol uses all)." };
        var synonyms = new Option<string?>("--synonyms") { Description = "A Solr synonyms file for QaBot's engines (default: none)." };
        var command = new Command("bench", "Run the retrieval benchmark protocol and print one JSON line per engine and variant.")
        {
            passages, questions, variant, engine, limit, synonyms,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var engines = (result.GetValue(engine) is { Length: > 0 } e ? e : KnownEngines)
                .SelectMany(x => x.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(x => x.ToLowerInvariant())
                .Distinct()
                .ToList();
            var unknown = engines.Except(KnownEngines).ToList();
            if (unknown.Count > 0)
            {
                await Console.Error.WriteLineAsync($"qabot bench: unknown engine(s) {string.Join(", ", unknown)}; known: {string.Join(", ", KnownEngines)}");
                return 2;
            }

            var passageFile = result.GetValue(passages)!;
            var questionFile = result.GetValue(questions)!;
            foreach (var file in new[] { passageFile, questionFile })
            {
                if (!File.Exists(file))
                {
                    await Console.Error.WriteLineAsync($"qabot bench: no such file: {file}");
                    return 2;
                }
            }

            IReadOnlyList<SynonymRule> rules = [];
            if (result.GetValue(synonyms) is { } synonymFile)
            {
                rules = SynonymsParser.Parse(synonymFile, await File.ReadAllTextAsync(synonymFile, cancellationToken)).Rules;
            }

            var corpus = ReadPassages(passageFile);
            var benchQuestions = ReadQuestions(questionFile, result.GetValue(limit));
            await Console.Error.WriteLineAsync($"bench: {corpus.Count} passages, {benchQuestions.Count} questions");
            foreach (var name in result.GetValue(variant) is { Length: > 0 } v ? v.Distinct() : ["base"])
            {
                var docs = name == "scale" ? BenchRunner.Scale(corpus) : corpus;
                foreach (var engineName in engines)
                {
                    using IBenchEngine instance = engineName switch
                    {
                        "plain" => new PlainLuceneEngine(),
                        _ => new QaBotLexicalEngine(rules),
                    };
                    var line = BenchRunner.Run(instance, name, docs, benchQuestions, cancellationToken);
                    Console.WriteLine(JsonSerializer.Serialize(line));
                    GC.Collect();
                }
            }

            return 0;
        });
        return command;
    }

    private static List<Passage> ReadPassages(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var result = JsonlKnowledgeParser.Parse(Path.GetFileName(path), reader);
        foreach (var problem in result.Diagnostics.Take(20))
        {
            Console.Error.WriteLine(problem.ToString());
        }

        return result.Passages.ToList();
    }

    private static List<BenchQuestion> ReadQuestions(string path, int? limit)
    {
        var questions = new List<BenchQuestion>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var relevant = root.TryGetProperty("relevant", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
                : [];
            questions.Add(new BenchQuestion(root.GetProperty("id").GetString() ?? "", root.GetProperty("question").GetString() ?? "", relevant));
            if (limit is { } max && questions.Count >= max)
            {
                break;
            }
        }

        return questions;
    }
}
