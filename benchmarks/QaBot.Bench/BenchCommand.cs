using System.CommandLine;
using System.Text;
using System.Text.Json;
using QaBot.Knowledge;
using QaBot.Knowledge.Files;

namespace QaBot.Bench;

/// <summary>
/// <c>qabot bench --passages FILE --questions FILE [--variant base|scale] [--engine plain|lexical ...]</c>:
/// the retrieval benchmark of <c>BENCHMARK.md</c>, one JSON line per engine and variant.
/// </summary>
internal static class BenchCommand
{
    private static readonly string[] KnownEngines = ["plain", "lexical", "hybrid"];

    public static Command Create()
    {
        var passages = new Option<string>("--passages") { Description = "Passages in JSONL (e.g. ../shared/data/medquad/passages.jsonl).", Required = true };
        var questions = new Option<string>("--questions") { Description = "Questions in JSONL with relevant ids.", Required = true };
        var variant = new Option<string[]>("--variant") { Description = "base (the corpus as given) or scale (10 copies); repeatable.", Arity = ArgumentArity.ZeroOrMore };
        variant.AcceptOnlyFromAmong("base", "scale");
        var engine = new Option<string[]>("--engine") { Description = "plain (plain Lucene.Net), lexical (QaBot without embeddings), hybrid (QaBot's default); repeatable or comma-separated.", Arity = ArgumentArity.ZeroOrMore };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N questions (for quick checks; the protocol uses all)." };
        var synonyms = new Option<string?>("--synonyms") { Description = "A Solr synonyms file for QaBot's engines (default: none)." };
        var cache = new Option<string?>("--vector-cache") { Description = "Passage-vector cache folder for the hybrid engine.", DefaultValueFactory = _ => ".qabot/vectors" };
        var lexicalWeight = new Option<double?>("--lexical-weight") { Description = "Tuning: BM25 weight in the hybrid fusion (default: QaBot:Retrieval:LexicalWeight)." };
        var titleBoost = new Option<float?>("--title-match-boost") { Description = "Tuning: boost of an exact title match." };
        var intentBoost = new Option<float?>("--intent-boost") { Description = "Tuning: boost of the section named for the question's intent." };
        var intentBonus = new Option<double?>("--intent-bonus") { Description = "Tuning: fused-score bonus for an intent-named section." };
        var titleBonus = new Option<double?>("--title-bonus") { Description = "Tuning: fused-score bonus for a title found in the question." };
        var spelling = new Option<bool>("--no-spelling") { Description = "Tuning: turn off the correction of misspelt question words." };
        var details = new Option<string?>("--details") { Description = "Write each question's rank per engine to this JSONL file (for analysis)." };
        var distinctCopies = new Option<bool>("--distinct-copies") { Description = "Hybrid: give every repeated passage (the scale variant's copies) its own slightly moved vector, so the dense search pays for all of them." };
        var command = new Command("bench", "Run the retrieval benchmark protocol and print one JSON line per engine and variant.")
        {
            passages, questions, variant, engine, limit, synonyms, cache, lexicalWeight, details, distinctCopies, titleBoost, intentBoost, intentBonus, titleBonus, spelling,
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

            // The configured retrieval settings (QaBot:Retrieval, as production reads them); tuning options override them.
            var configured = CliServices.Retrieval();
            var indexOptions = configured.Lexical with
            {
                TitleMatchBoost = result.GetValue(titleBoost) ?? configured.Lexical.TitleMatchBoost,
                IntentBoost = result.GetValue(intentBoost) ?? configured.Lexical.IntentBoost,
                SpellingCorrection = configured.Lexical.SpellingCorrection && !result.GetValue(spelling),
            };
            var fusion = new Knowledge.Search.RetrievalOptions
            {
                LexicalWeight = result.GetValue(lexicalWeight) ?? configured.LexicalWeight,
                Candidates = configured.Candidates,
                IntentBonus = result.GetValue(intentBonus) ?? configured.IntentBonus,
                TitleBonus = result.GetValue(titleBonus) ?? configured.TitleBonus,
                Lexical = indexOptions,
            };
            if (fusion.Problems() is { Count: > 0 } problems)
            {
                await Console.Error.WriteLineAsync("qabot bench: " + string.Join(" ", problems));
                return 2;
            }

            await Console.Error.WriteLineAsync(FormattableString.Invariant($"bench: retrieval lexical_weight={fusion.LexicalWeight} intent_bonus={fusion.IntentBonus} title_bonus={fusion.TitleBonus} candidates={fusion.Candidates} intent_boost={indexOptions.IntentBoost} title_match_boost={indexOptions.TitleMatchBoost}"));
            var corpus = ReadPassages(passageFile);
            using var detailWriter = result.GetValue(details) is { } detailFile ? new StreamWriter(detailFile) : null;
            var benchQuestions = ReadQuestions(questionFile, result.GetValue(limit));
            await Console.Error.WriteLineAsync($"bench: {corpus.Count} passages, {benchQuestions.Count} questions");
            foreach (var name in result.GetValue(variant) is { Length: > 0 } v ? v.Distinct() : ["base"])
            {
                var docs = name == "scale" ? BenchRunner.Scale(corpus) : corpus;
                foreach (var engineName in engines)
                {
                    if (engineName == "hybrid")
                    {
                        if (!Embeddings.ArcticXsEncoder.TryCreate(out var encoder, out var error))
                        {
                            await Console.Error.WriteLineAsync("qabot bench: the embedding model cannot be loaded: " + error);
                            return 1;
                        }

                        using (encoder)
                        using (var hybrid = new QaBotHybridEngine(rules, encoder, result.GetValue(cache), fusion, indexOptions, result.GetValue(distinctCopies)))
                        {
                            var line = BenchRunner.Run(hybrid, name, docs, benchQuestions, cancellationToken, detailWriter);
                            await Console.Error.WriteLineAsync($"bench: passage vectors: {hybrid.Vectors!.Encoded} encoded, {hybrid.Vectors.FromCache} from cache, {hybrid.Vectors.Elapsed.TotalSeconds:F1} s");
                            var encodeTimed = hybrid.EncodeLatencies.Skip(Math.Min(BenchRunner.WarmupQuestions, benchQuestions.Count)).ToList();
                            var json = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(line))!.AsObject();
                            json["encode_p50_ms"] = Measure.Round(Measure.Percentile(encodeTimed, 50), 3);
                            json["encode_p99_ms"] = Measure.Round(Measure.Percentile(encodeTimed, 99), 3);
                            json["vectors"] = hybrid.Dense!.VectorCount;
                            json["vectors_mb"] = Math.Round(hybrid.Dense.SizeInBytes / 1048576.0, 1);
                            Console.WriteLine(json.ToJsonString());
                        }

                        GC.Collect();
                        continue;
                    }

                    using IBenchEngine instance = engineName switch
                    {
                        "plain" => new PlainLuceneEngine(),
                        _ => new QaBotLexicalEngine(rules, indexOptions),
                    };
                    var plainLine = BenchRunner.Run(instance, name, docs, benchQuestions, cancellationToken, detailWriter);
                    Console.WriteLine(JsonSerializer.Serialize(plainLine));
                    GC.Collect();
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// Reads every passage of a benchmark corpus. Unlike knowledge files, a benchmark passage may lack a title
    /// (14 MedQuAD passages do): the protocol indexes all of them.
    /// </summary>
    private static List<Passage> ReadPassages(string path)
    {
        var passages = new List<Passage>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            string Field(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
            passages.Add(new Passage { Id = Field("id"), Title = Field("title"), Section = Field("section"), Text = Field("text"), Url = Field("url"), Source = Field("source"), Line = lineNumber });
        }

        return passages;
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
