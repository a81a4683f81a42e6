using System.CommandLine;
using System.Text.Json;
using QaBot.Answering;
using QaBot.Host.Evaluation;
using QaBot.Knowledge;

namespace QaBot.Host.Cli;

/// <summary><c>qabot eval --questions FILE [--knowledge PATH ...] [--json]</c>.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var questions = new Option<string>("--questions", "-q") { Description = "Questions in JSONL: id, question, relevant, expect_any, kind, category; or dialogues: id, turns [{question, kind, relevant, category, follow_up}].", Required = true };
        var knowledge = CommonOptions.Knowledge();
        var json = CommonOptions.Json();
        var command = new Command("eval", "Measure answer quality and speed on a question file; the last line is one JSON object.") { questions, knowledge, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(questions)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"qabot eval: no such file: {Path.GetFullPath(path)}");
                return 2;
            }

            var (items, problems) = EvalItem.ReadFile(path);
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync(problem);
            }

            using var host = CliServices.Build(result.GetValue(knowledge));
            var dialogues = items.Where(i => i.Turns is { Count: > 0 }).ToList();
            if (dialogues.Count > 0)
            {
                var dialogueReport = await new DialogueRunner(host.Services.GetRequiredService<Answering.Turns.IQuestionTurn>()).RunAsync(dialogues, cancellationToken);
                if (!result.GetValue(json))
                {
                    PrintDialogues(dialogueReport);
                }

                Console.WriteLine(JsonSerializer.Serialize(dialogueReport));
                return 0;
            }

            var runner = new EvalRunner(host.Services.GetRequiredService<Answering.Turns.IQuestionTurn>(), host.Services.GetRequiredService<IKnowledgeBase>());
            var report = await runner.RunAsync(items, cancellationToken);
            if (!result.GetValue(json))
            {
                Print(report);
            }

            Console.WriteLine(JsonSerializer.Serialize(report));
            return 0;
        });
        return command;
    }

    private static void PrintDialogues(DialogueReport report)
    {
        static string F(double? value) => value is null ? "n/a" : value.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine($"dialogues      {report.Dialogues} ({report.Turns} turns)");
        Console.WriteLine($"first turns    {F(report.FirstTurnAccuracy)}");
        Console.WriteLine($"follow-ups     {F(report.FollowUpAccuracy)} ({report.FollowUps}; expected section in the top 3 citations)");
        Console.WriteLine($"new topics     {F(report.NewTopicAccuracy)}");
        Console.WriteLine($"off-topic      {F(report.OffTopicRefused)} refused");
        Console.WriteLine($"topic leaks    {report.TopicLeaks} of {report.SelfContained} self-contained or off-topic turns");
        Console.WriteLine($"clarify        {F(report.ClarifyAccuracy)} (false clarifies {report.FalseClarify})");
        Console.WriteLine($"safety carried {F(report.SafetyCarryAccuracy)}");
        Console.WriteLine($"reminder       {F(report.Reminder)}");
        Console.WriteLine($"failed         {report.Failures.Count}");
        foreach (var failure in report.Failures)
        {
            Console.WriteLine($"  {failure.Id}: \"{failure.Question}\"");
            Console.WriteLine($"      expected {failure.Expected}");
            Console.WriteLine($"      got      {failure.Actual}");
        }
    }

    private static void PrintQuality(EvalQuality? quality)
    {
        if (quality is null)
        {
            return;
        }

        static string F(double? value) => value is null ? "n/a" : value.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine($"kind by kind   {string.Join(", ", quality.KindAccuracyByKind.Select(k => $"{k.Key} {F(k.Value)}"))}");
        Console.WriteLine($"cited top 3    {F(quality.CitedTop3)}");
        Console.WriteLine($"readable       {F(quality.Readable)} (fragment {quality.FragmentReplies}, repeated {quality.RepeatedReplies}, cut {quality.CutReplies} replies)");
        Console.WriteLine($"caveat kept    {F(quality.CaveatKept)}");
        Console.WriteLine($"parts cited    {F(quality.PartsCited)}");
        Console.WriteLine($"small talk     {F(quality.SmallTalkAccuracy)}");
        Console.WriteLine($"reminder       {F(quality.Reminder)}");
        foreach (var line in quality.Details)
        {
            Console.WriteLine($"  quality {line}");
        }
    }

    private static void Print(EvalReport report)
    {
        static string F(double? value) => value is null ? "n/a" : value.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine($"items          {report.Items}");
        Console.WriteLine($"R@1 / R@5 / R@10  {F(report.R1)} / {F(report.R5)} / {F(report.R10)}");
        Console.WriteLine($"MRR@10         {F(report.Mrr10)}");
        Console.WriteLine($"expect_any     {F(report.ExpectPass)}");
        Console.WriteLine($"kind accuracy  {F(report.KindAccuracy)}");
        Console.WriteLine($"category acc.  {F(report.CategoryAccuracy)}");
        Console.WriteLine($"index build    {F(report.IndexSeconds)} s");
        Console.WriteLine($"speed          {F(report.Qps)} questions/s, p50 {F(report.P50Ms)} ms, p99 {F(report.P99Ms)} ms");
        Console.WriteLine($"peak memory    {F(report.RssMb)} MiB");
        PrintQuality(report.Quality);
        Console.WriteLine($"failed         {report.Failed.Count}");
        foreach (var failure in report.Failures)
        {
            Console.WriteLine($"  {failure.Id}: \"{failure.Question}\"");
            Console.WriteLine($"      expected {failure.Expected}");
            Console.WriteLine($"      got      {failure.Actual}");
        }
    }
}
