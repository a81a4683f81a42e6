using System.CommandLine;
using System.Text;
using System.Text.Json;
using QaBot.Knowledge.Files;

namespace QaBot.Bench;

/// <summary><c>qabot calibrate --passages FILE --questions FILE</c>: the no-answer trade-off for a range of thresholds.</summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var passages = new Option<string>("--passages") { Description = "Passages in JSONL.", Required = true };
        var questions = new Option<string>("--questions") { Description = "Questions in JSONL with relevant ids.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the split by title.", DefaultValueFactory = _ => 42 };
        var perHalf = new Option<int>("--per-half") { Description = "Questions sampled from each half.", DefaultValueFactory = _ => 2000 };
        var cache = new Option<string?>("--vector-cache") { Description = "Passage-vector cache folder.", DefaultValueFactory = _ => ".qabot/vectors" };
        var lexicalOnly = new Option<bool>("--lexical-only") { Description = "Calibrate only the lexical confidence (no model)." };
        var exactTitles = new Option<bool>("--exact-titles") { Description = "Split by exact title strings instead of by focus (titles equal up to case, accents, possessives and punctuation)." };
        var dump = new Option<string?>("--dump") { Description = "Write every observation (features and outcome) to this JSONL file." };
        var command = new Command("calibrate", "Measure answered-correctly vs false-answer rates for a range of no-answer thresholds.")
        {
            passages, questions, seed, perHalf, cache, lexicalOnly, dump, exactTitles,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var reader = new StreamReader(result.GetValue(passages)!, Encoding.UTF8);
            var corpus = JsonlKnowledgeParser.Parse("passages", reader).Passages;
            var all = new List<BenchQuestion>();
            foreach (var line in File.ReadLines(result.GetValue(questions)!).Where(l => l.Length > 0))
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                all.Add(new BenchQuestion(root.GetProperty("id").GetString()!, root.GetProperty("question").GetString()!,
                    root.GetProperty("relevant").EnumerateArray().Select(x => x.GetString()!).ToList()));
            }

            var split = Calibration.SplitByTitle(corpus, all, result.GetValue(seed), result.GetValue(perHalf), result.GetValue(exactTitles));
            await Console.Error.WriteLineAsync($"calibrate: {split.Indexed.Count} passages indexed, {split.Inside.Count} questions inside, {split.Outside.Count} outside");
            Embeddings.ArcticXsEncoder? encoder = null;
            if (!result.GetValue(lexicalOnly) && !Embeddings.ArcticXsEncoder.TryCreate(out encoder, out var error))
            {
                await Console.Error.WriteLineAsync("calibrate: embedding model unavailable, lexical only: " + error);
            }

            using (encoder)
            {
                var (dense, lexical) = Calibration.Observe(split, encoder, result.GetValue(cache), CliServices.Retrieval(), cancellationToken);
                if (result.GetValue(dump) is { } dumpFile)
                {
                    await File.WriteAllLinesAsync(dumpFile, dense.Select(o => JsonSerializer.Serialize(o)), cancellationToken);
                }

                if (dense.Count > 0)
                {
                    Print("dense (cosine of the best hit)", Calibration.Table(dense, 0.30, 0.80, 0.02));
                    var minCosine = new Answering.AnsweringOptions().MinSimilarity;
                    Print($"dense margin (best cosine minus the mean of the top 50), with cosine >= {minCosine:0.00}", Calibration.MarginTable(dense, minCosine, 0.0, 0.20, 0.01));
                    Print($"focus (share of the question's topic words named by the best hit's title and section), with cosine >= {minCosine:0.00}", Calibration.FocusTable(dense, minCosine, 0.5, 1.0, 0.05));
                    foreach (var evidence in Enum.GetValues<Answering.AnswerEvidence>())
                    {
                        var (answered, falseAnswers) = Calibration.Rule(dense, new Answering.AnsweringOptions { Evidence = evidence });
                        Console.WriteLine($"# rule Evidence={evidence} with the other defaults: answered with a relevant citation {answered:0.000}, false answers {falseAnswers:0.000}");
                    }
                }

                Print("lexical (concept coverage of the best BM25 hit)", Calibration.Table(lexical, 0.30, 1.00, 0.05));
            }

            return 0;
        });
        return command;
    }

    private static void Print(string name, List<Calibration.Row> rows)
    {
        Console.WriteLine($"# {name}");
        Console.WriteLine("threshold  answered_with_relevant(indexed half)  false_answers(other half)");
        foreach (var row in rows)
        {
            Console.WriteLine($"{row.Threshold,9:0.00}  {row.AnsweredCorrectly,36:0.000}  {row.FalseAnswers,25:0.000}");
        }
    }
}
