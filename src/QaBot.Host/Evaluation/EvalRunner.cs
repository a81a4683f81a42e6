using System.Diagnostics;
using QaBot.Answering;
using QaBot.Answering.Turns;
using QaBot.Knowledge;

namespace QaBot.Host.Evaluation;

/// <summary>
/// Runs evaluation questions through the real answering path (the question turn, without rate limits). Retrieval figures (R@k, MRR@10) use the top 10
/// search results; <c>expect_any</c> passes when a phrase occurs in the full text of one of the top 3 cited passages;
/// <c>relevant</c> passes (for the failure list) when a relevant id is among the top 3 results.
/// </summary>
public sealed class EvalRunner(IQuestionTurn turn, IKnowledgeBase knowledge, IReadabilityCheck? readability = null)
{
    public async Task<EvalReport> RunAsync(IReadOnlyList<EvalItem> items, CancellationToken cancellationToken)
    {
        var quality = new EvalQualityTally(readability ?? new ReadabilityHeuristics());
        var snapshot = knowledge.Current;
        var latencies = new List<double>(items.Count);
        int withRelevant = 0, hit1 = 0, hit5 = 0, hit10 = 0;
        double reciprocal = 0;
        int withExpect = 0, expectPassed = 0, withKind = 0, kindRight = 0, withCategory = 0, categoryRight = 0;
        var failures = new List<EvalFailure>();
        var wall = Stopwatch.StartNew();

        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var result = await turn.AskAsync(new TurnRequest(item.Question) { Platform = "eval", Unlimited = true }, cancellationToken);
            var answer = result.Answer!; // unlimited: never refused
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var problems = new List<(string Expected, string Actual)>();

            if (item.Relevant is { Count: > 0 } relevant)
            {
                withRelevant++;
                // The vector the answering path uses: the cleaned message's, as encoded once by the question turn.
                var vector = snapshot.EncodeQuestion(TextCleaner.Clean(item.Question));
                var ids = snapshot.Search(snapshot.Plan(item.Question), vector, 10).Select(h => h.Passage.Id).ToList();
                var rank = Measure.FirstRelevantRank(ids, relevant.ToHashSet(StringComparer.Ordinal));
                hit1 += rank == 1 ? 1 : 0;
                hit5 += rank is >= 1 and <= 5 ? 1 : 0;
                hit10 += rank >= 1 ? 1 : 0;
                reciprocal += rank > 0 ? 1.0 / rank : 0;
                if (rank is 0 or > 3)
                {
                    problems.Add(($"one of [{string.Join(", ", relevant)}] in the top 3", $"top 3: [{string.Join(", ", ids.Take(3))}]"));
                }
            }

            if (item.ExpectAny is { Count: > 0 } phrases)
            {
                withExpect++;
                var cited = answer.Citations.Take(3).Select(c => snapshot.FindPassage(c.Id)).OfType<Passage>()
                    .Select(p => $"{p.Title}\n{p.Section}\n{p.Text}").ToList();
                if (phrases.Any(phrase => cited.Any(text => text.Contains(phrase, StringComparison.OrdinalIgnoreCase))))
                {
                    expectPassed++;
                }
                else
                {
                    problems.Add(($"a cited passage containing one of: {string.Join(" | ", phrases)}", $"cited [{string.Join(", ", answer.Citations.Select(c => c.Id))}]"));
                }
            }

            var kind = AnswerJson.Options.PropertyNamingPolicy!.ConvertName(answer.Kind.ToString());
            if (item.Kind is { Length: > 0 } expectedKind)
            {
                withKind++;
                if (EvalKinds.Matches(kind, expectedKind))
                {
                    kindRight++;
                }
                else
                {
                    problems.Add(($"kind {expectedKind}", $"kind {kind}"));
                }
            }

            var category = answer.Category is { } c ? AnswerJson.Options.PropertyNamingPolicy!.ConvertName(c.ToString()) : null;
            if (item.Category is { Length: > 0 } expectedCategory)
            {
                withCategory++;
                if (string.Equals(category, expectedCategory, StringComparison.OrdinalIgnoreCase))
                {
                    categoryRight++;
                }
                else
                {
                    problems.Add(($"category {expectedCategory}", $"category {category ?? "none"}"));
                }
            }

            problems.AddRange(quality.Add(item, answer, kind));
            if (problems.Count > 0)
            {
                failures.Add(new EvalFailure(
                    item.Id,
                    item.Question,
                    string.Join("; ", problems.Select(p => p.Expected)),
                    $"{kind}{(category is null ? "" : "/" + category)} (confidence {answer.Confidence:0.000}): {string.Join("; ", problems.Select(p => p.Actual))}"));
            }
        }

        wall.Stop();
        static double? Share(int part, int whole) => whole == 0 ? null : Math.Round(part / (double)whole, 4);
        return new EvalReport
        {
            Items = items.Count,
            R1 = Share(hit1, withRelevant),
            R5 = Share(hit5, withRelevant),
            R10 = Share(hit10, withRelevant),
            Mrr10 = withRelevant == 0 ? null : Math.Round(reciprocal / withRelevant, 4),
            ExpectPass = Share(expectPassed, withExpect),
            KindAccuracy = Share(kindRight, withKind),
            CategoryAccuracy = Share(categoryRight, withCategory),
            IndexSeconds = Math.Round(snapshot.BuildTime.TotalSeconds, 3),
            Qps = items.Count == 0 ? null : Math.Round(items.Count / wall.Elapsed.TotalSeconds, 1),
            P50Ms = Measure.Round(Measure.Percentile(latencies, 50), 3),
            P99Ms = Measure.Round(Measure.Percentile(latencies, 99), 3),
            RssMb = Measure.PeakRssMb(),
            Failed = failures.Select(f => f.Id).ToList(),
            Failures = failures,
            Quality = quality.Report(),
        };
    }
}
