using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using QaBot.Answering;
using QaBot.Answering.Safety;
using QaBot.Embeddings;
using QaBot.Knowledge;
using QaBot.Knowledge.Embeddings;
using QaBot.SafetyLab;

// Research tool for the safety triage, beside the product (not in qabot):
//   dotnet run -c Release --project benchmarks/QaBot.SafetyLab -- cv   knowledge/safety/exemplars.jsonl [folds]
//   dotnet run -c Release --project benchmarks/QaBot.SafetyLab -- grid knowledge/safety/exemplars.jsonl
//   dotnet run -c Release --project benchmarks/QaBot.SafetyLab -- test knowledge/safety/exemplars.jsonl eval/safety-heldout.jsonl [more files]
//   dotnet run -c Release --project benchmarks/QaBot.SafetyLab -- misses <train> <file>   (lists what the triage gets wrong)
// Vectors are cached in .qabot/vectors (the product's cache), so a second run encodes nothing.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: cv|grid|test|misses <train.jsonl> [files...]");
    return 2;
}

if (args[0] == "one")
{
    var t = new SafetyTriage(SafetyRuleSet.Default);
    foreach (var m in args.Skip(1))
    {
        try { Console.WriteLine($"{t.AssessRules(m)}\t{m}"); } catch (Exception ex) { Console.WriteLine(ex.GetType().Name); }
        foreach (var rule in SafetyRuleSet.Default.Rules)
        {
            for (var i = 0; i < rule.Patterns.Count + rule.Unless.Count; i++)
            {
                var p = i < rule.Patterns.Count ? rule.Patterns[i] : rule.Unless[i - rule.Patterns.Count];
                try { p.IsMatch(m.ToLowerInvariant()); } catch (Exception ex) { Console.WriteLine($"{rule.Id} #{i} {ex.GetType().Name} {p}");
                    foreach (var o in new[] { System.Text.RegularExpressions.RegexOptions.None, System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.ExplicitCapture, System.Text.RegularExpressions.RegexOptions.Compiled, System.Text.RegularExpressions.RegexOptions.Compiled | System.Text.RegularExpressions.RegexOptions.ExplicitCapture, System.Text.RegularExpressions.RegexOptions.Compiled | System.Text.RegularExpressions.RegexOptions.IgnoreCase })
                    {
                        try { Console.WriteLine($"  {o}: {new System.Text.RegularExpressions.Regex(p.ToString(), o).IsMatch(m.ToLowerInvariant())}"); } catch (Exception e2) { Console.WriteLine($"  {o}: {e2.GetType().Name}"); }
                    }
                }
            }
        }
    }

    return 0;
}

if (args[0] == "probe")
{
    var t = new SafetyTriage(SafetyRuleSet.Default);
    var text = string.Concat(Enumerable.Repeat(args[1], 100_000))[..100_000];
    var sw = Stopwatch.StartNew();
    var verdict = t.Assess(text, null);
    Console.WriteLine($"{verdict} {sw.ElapsedMilliseconds} ms");
    foreach (var rule in SafetyRuleSet.Default.Rules)
    {
        sw.Restart();
        foreach (var p in rule.Patterns.Concat(rule.Unless))
        {
            try { p.IsMatch(text); } catch (System.Text.RegularExpressions.RegexMatchTimeoutException) { Console.WriteLine("timeout " + rule.Id); }
        }

        if (sw.ElapsedMilliseconds > 5) Console.WriteLine($"{rule.Id} {sw.ElapsedMilliseconds} ms");
    }

    return 0;
}

if (!ArcticXsEncoder.TryCreate(out var encoder, out var error))
{
    Console.Error.WriteLine("model: " + error);
    return 1;
}

var cache = new VectorCache(".qabot/vectors", encoder.ModelId, encoder.Dimensions);
var options = new SafetyOptions();
var triage = new SafetyTriage(SafetyRuleSet.Default);
var train = Load(args[1]);
var command = args[0];

if (command == "cv")
{
    var folds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
    Console.WriteLine($"{folds}-fold cross-validation over {args[1]} ({train.Count} messages), {DateTime.UtcNow:yyyy-MM-dd}");
    Console.WriteLine(LabScore.Header);
    Console.WriteLine(CrossValidate(train, folds, options, rulesOnly: true).Row("rules only"));
    Console.WriteLine(CrossValidate(train, folds, options, rulesOnly: false).Row($"rules + k-NN (k={options.ClassifierNeighbours}, min {options.ClassifierMinSimilarity}, margin {options.ClassifierMargin})"));
    Console.WriteLine(CrossValidateLinear(train, folds).Row("rules + linear (softmax regression)"));
}
else if (command == "study")
{
    // study <train> [dev]: 5-fold CV over train, then train on all of train and score the dev file.
    const int folds = 5;
    var rows = new List<StudyRow>();
    for (var f = 0; f < folds; f++)
    {
        var fold = f;
        var part = train.Where((_, i) => i % folds != fold).ToList();
        var knn = Build(part, options);
        var text = SafetyTextModel.Train([.. part.Select(i => i.Exemplar)], Epochs(), L2());
        rows.AddRange(train.Where((_, i) => i % folds == fold).Select(item => Study.Row(triage, item, knn, text)));
    }

    Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd}");
    Study.Grid(rows, $"{folds}-fold CV over {args[1]}");
    if (Environment.GetEnvironmentVariable("QABOT_CVMISSES") is { } cm)
    {
        var parts = cm.Split(',');
        Study.Misses(rows, parts[0] == "knn", double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    if (args.Length > 2)
    {
        var knn = Build(train, options);
        var text = SafetyTextModel.Train([.. train.Select(i => i.Exemplar)], Epochs(), L2());
        var devRows = Load(args[2]).Select(item => Study.Row(triage, item, knn, text)).ToList();
        Study.Grid(devRows, args[2]);
        if (Environment.GetEnvironmentVariable("QABOT_MISSES") is { } m)
        {
            var parts = m.Split(',');
            Study.Misses(devRows, parts[0] == "knn", double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
        }
    }
}
else if (command == "latency")
{
    // latency <train> [more files]: the time triage adds beyond the encoder (the question vector is given), with the
    // defaults of the served bot (rules, k-NN, text model, per-sentence pass), over every message of the files.
    var models = new SafetyModels(SafetyTextModel.Train([.. train.Select(i => i.Exemplar)]), Build(train, options));
    var messages = train.Concat(args.Skip(2).SelectMany(Load)).ToList();
    var times = new List<double>();
    for (var pass = 0; pass < 23; pass++)
    {
        foreach (var item in messages)
        {
            var started = Stopwatch.GetTimestamp();
            triage.AssessWithModels(item.Exemplar.Question, item.Vector, models);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (pass >= 3)
            {
                times.Add(elapsed); // the first 3 passes warm up (JIT, tiered compilation)
            }
        }
    }

    times.Sort();
    double At(double q) => times[Math.Min(times.Count - 1, (int)(times.Count * q))];
    Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd} triage beyond the encoder, {messages.Count} messages x 20 passes ({times.Count} calls), {Environment.ProcessorCount} cores:");
    Console.WriteLine($"wall time per call: p50 {At(0.50):0.000} ms, p90 {At(0.90):0.000} ms, p99 {At(0.99):0.000} ms, p99.9 {At(0.999):0.000} ms, max {times[^1]:0.000} ms");

    // On a shared, overloaded machine the wall-time tail is the scheduler's; the best of 20 runs of each message is the
    // triage's own cost for that message, and its p99 over messages is the figure that does not depend on the load.
    var best = new List<double>();
    foreach (var item in messages)
    {
        var min = double.MaxValue;
        for (var run = 0; run < 20; run++)
        {
            var started = Stopwatch.GetTimestamp();
            triage.AssessWithModels(item.Exemplar.Question, item.Vector, models);
            min = Math.Min(min, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        best.Add(min);
    }

    best.Sort();
    double Best(double q) => best[Math.Min(best.Count - 1, (int)(best.Count * q))];
    Console.WriteLine($"per message, best of 20 runs: p50 {Best(0.50):0.000} ms, p90 {Best(0.90):0.000} ms, p99 {Best(0.99):0.000} ms, max {best[^1]:0.000} ms (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
}
else if (command == "grid")
{
    Console.WriteLine(LabScore.Header);
    foreach (var k in new[] { 1, 3, 5 })
    {
        foreach (var min in new[] { 0.5, 0.6 })
        {
            foreach (var margin in new[] { 0.0, 0.02, 0.04, 0.06, 0.08 })
            {
                var o = new SafetyOptions { ClassifierNeighbours = k, ClassifierMinSimilarity = min, ClassifierMargin = margin };
                Console.WriteLine(CrossValidate(train, 5, o, rulesOnly: false).Row($"k={k} min={min} margin={margin}"));
            }
        }
    }
}
else if (command is "test" or "misses")
{
    var classifier = Build(train, options);
    Console.WriteLine($"trained on {args[1]} ({train.Count} messages), {DateTime.UtcNow:yyyy-MM-dd}");
    Console.WriteLine(LabScore.Header);
    foreach (var file in args.Skip(2))
    {
        var test = Load(file);
        var rules = new LabScore();
        var both = new LabScore();
        var times = new List<double>();
        foreach (var item in test)
        {
            var r = triage.AssessWith(item.Exemplar.Question, null, null);
            rules.Add(item.Exemplar, r?.Category, r?.RuleId);
            var started = Stopwatch.GetTimestamp();
            var v = triage.AssessWith(item.Exemplar.Question, item.Vector, classifier);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            both.Add(item.Exemplar, v?.Category, v?.RuleId);
        }

        Console.WriteLine(rules.Row(Path.GetFileName(file) + " rules only"));
        Console.WriteLine(both.Row(Path.GetFileName(file) + " rules + classifier"));
        times.Sort();
        Console.WriteLine($"triage time beyond the encoder (Stopwatch, one pass): p50 {times[times.Count / 2]:0.000} ms, p99 {times[(int)(times.Count * 0.99)]:0.000} ms");
        if (command == "misses")
        {
            Console.WriteLine("misses (rules only):");
            rules.Misses.ForEach(Console.WriteLine);
            Console.WriteLine("misses (rules + classifier):");
            both.Misses.ForEach(Console.WriteLine);
        }
    }
}

return 0;

static int Epochs() => int.Parse(Environment.GetEnvironmentVariable("QABOT_EPOCHS") ?? "12", CultureInfo.InvariantCulture);

static float L2() => float.Parse(Environment.GetEnvironmentVariable("QABOT_L2") ?? "1e-5", CultureInfo.InvariantCulture);

List<LabItem> Load(string path)
{
    var (exemplars, problems) = SafetyExemplars.Read(path);
    foreach (var problem in problems)
    {
        Console.Error.WriteLine(problem);
    }

    var items = new List<LabItem>();
    var added = new List<(UInt128, float[])>();
    foreach (var e in exemplars)
    {
        var text = TextCleaner.Clean(e.Question);
        var key = VectorCache.Key(encoder.ModelId, new Passage { Id = "", Title = "safety-exemplar-query", Text = text });
        if (!cache.TryGet(key, out var vector))
        {
            vector = encoder.EncodeQuery(text);
            added.Add((key, vector));
        }

        items.Add(new LabItem(e, vector, path));
    }

    cache.AddRange(added);
    return items;
}

SafetyClassifier Build(IReadOnlyList<LabItem> items, SafetyOptions o) =>
    new([.. items.Select(i => (i.Exemplar, i.Vector))], o.ClassifierNeighbours, o.ClassifierMinSimilarity, o.ClassifierMargin);

LabScore CrossValidate(List<LabItem> items, int folds, SafetyOptions o, bool rulesOnly)
{
    var score = new LabScore();
    for (var f = 0; f < folds; f++)
    {
        var fold = f;
        var classifier = rulesOnly ? null : Build(items.Where((_, i) => i % folds != fold).ToList(), o);
        foreach (var item in items.Where((_, i) => i % folds == fold))
        {
            var v = triage.AssessWith(item.Exemplar.Question, item.Vector, classifier);
            score.Add(item.Exemplar, v?.Category, v?.RuleId);
        }
    }

    return score;
}

LabScore CrossValidateLinear(List<LabItem> items, int folds)
{
    var score = new LabScore();
    for (var f = 0; f < folds; f++)
    {
        var fold = f;
        var model = Softmax.Train(items.Where((_, i) => i % folds != fold).ToList());
        foreach (var item in items.Where((_, i) => i % folds == fold))
        {
            var rules = triage.AssessWith(item.Exemplar.Question, null, null);
            var predicted = model.Predict(item.Vector);
            SafetyCategory? category = rules?.Category;
            if (predicted is { } p && category is null)
            {
                category = p;
            }

            score.Add(item.Exemplar, category, rules?.RuleId ?? "linear");
        }
    }

    return score;
}
