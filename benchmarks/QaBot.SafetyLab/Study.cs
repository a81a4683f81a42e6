using System.Globalization;
using QaBot.Answering.Safety;

namespace QaBot.SafetyLab;

/// <summary>
/// What each part of the triage says about one message: the rules, the k-NN classifier, and the text model on the
/// whole message and on its most alarming sentence. Decisions are then tried offline over a grid of thresholds.
/// </summary>
internal sealed record StudyRow(SafetyExemplar Exemplar, SafetyCategory? Rules, SafetyCategory? Neighbours, float[] Whole, float[] Sentence)
{
    /// <summary>The product's verdict with its default thresholds (rules, escalation, k-NN, text model).</summary>
    public SafetyCategory? Product { get; init; }

    public float Lean { get; init; } = float.NaN;

    public bool Foreign { get; init; }

    /// <summary>The product's verdict with embeddings off (rules and the text model).</summary>
    public SafetyCategory? ProductNoEmbeddings { get; init; }
}

internal static class Study
{
    public static StudyRow Row(SafetyTriage triage, LabItem item, SafetyClassifier? knn, SafetyTextModel text)
    {
        var rules = triage.AssessWith(item.Exemplar.Question, null, null)?.Category;
        var neighbours = knn?.Classify(item.Vector)?.Category;
        var whole = new float[SafetyTextModel.Classes];
        text.Probabilities(SafetyTextNormalizer.Normalize(item.Exemplar.Question), whole);
        var sentence = (float[])whole.Clone();
        var p = new float[SafetyTextModel.Classes];
        foreach (var part in SafetySentences.Split(item.Exemplar.Question))
        {
            text.Probabilities(SafetyTextNormalizer.Normalize(part), p);
            if (p[4] < sentence[4])
            {
                p.CopyTo(sentence, 0);
            }
        }

        return new StudyRow(item.Exemplar, rules, neighbours, whole, sentence)
        {
            Product = triage.AssessWithModels(item.Exemplar.Question, item.Vector, new SafetyModels(text, knn))?.Category,
            ProductNoEmbeddings = triage.AssessWithModels(item.Exemplar.Question, null, new SafetyModels(text, null))?.Category,
            Lean = knn?.Lean(item.Vector) ?? float.NaN,
            Foreign = SafetyLanguage.Detect(SafetyTextNormalizer.Normalize(item.Exemplar.Question)) is not null,
        };
    }

    /// <summary>rules, then k-NN (when used), then the text model at threshold t (1 - p(ordinary) >= t).</summary>
    public static double Escalate { get; set; } = 2;

    public static double Gate { get; set; } = -1;

    public static SafetyCategory? Decide(StudyRow r, bool useKnn, double t, double tSentence, bool sentences)
    {
        if (r.Rules is { } ruled)
        {
            if (ruled != SafetyCategory.SelfHarm && r.Whole[(int)SafetyCategory.SelfHarm] >= Escalate)
            {
                return SafetyCategory.SelfHarm;
            }

            if (ruled is SafetyCategory.PersonalMedicalAdvice or SafetyCategory.Dosing && r.Whole[(int)SafetyCategory.Emergency] >= Escalate)
            {
                return SafetyCategory.Emergency;
            }

            return ruled;
        }

        var gated = !useKnn || r.Foreign || float.IsNaN(r.Lean) || r.Lean >= Gate;
        var fromText = !gated ? null : Pick(r.Whole, t) ?? (sentences ? Pick(r.Sentence, tSentence) : null);
        if (useKnn && r.Neighbours is { } near)
        {
            return fromText is { } both && Max(r.Whole) > 0.9 ? both : near;
        }

        return fromText;
    }

    private static SafetyCategory? Pick(float[] p, double t)
    {
        if (1 - p[4] < t)
        {
            return null;
        }

        var best = 0;
        for (var k = 1; k < 4; k++)
        {
            if (p[k] > p[best])
            {
                best = k;
            }
        }

        return (SafetyCategory)best;
    }

    private static float Max(float[] p) => MathF.Max(MathF.Max(p[0], p[1]), MathF.Max(p[2], p[3]));

    public static void Grid(IReadOnlyList<StudyRow> rows, string name)
    {
        Console.WriteLine($"{name} ({rows.Count})");
        Console.WriteLine(LabScore.Header);
        Console.WriteLine(Score(rows, r => r.Rules).Row("rules only"));
        Console.WriteLine(Score(rows, r => r.Rules ?? r.Neighbours).Row("rules + k-NN"));
        Console.WriteLine(Score(rows, r => r.Product).Row("PRODUCT: rules + escalation + k-NN + text model (defaults)"));
        Console.WriteLine(Score(rows, r => r.ProductNoEmbeddings).Row("PRODUCT, embeddings off: rules + escalation + text model"));
        var keep = Escalate;
        foreach (var e in new[] { 0.5, 0.6, 0.7, 0.8, 0.9 })
        {
            Escalate = e;
            Console.WriteLine(Score(rows, r => Decide(r, true, 0.8, 0.97, true)).Row($"rules + k-NN + text 0.8/0.97, escalate at {e.ToString(CultureInfo.InvariantCulture)}"));
        }

        Escalate = keep;
        foreach (var g in new[] { -0.06, -0.04, -0.02, 0.0, 0.02 })
        {
            Gate = g;
            foreach (var t in new[] { 0.7, 0.8, 0.9 })
            {
                foreach (var e in new[] { 0.7, 2 })
                {
                    Escalate = e;
                    Console.WriteLine(Score(rows, r => Decide(r, true, t, 0.97, true)).Row($"GATE k-NN lean >= {g.ToString(CultureInfo.InvariantCulture)} (or non-English), text {t.ToString(CultureInfo.InvariantCulture)}, escalate {e.ToString(CultureInfo.InvariantCulture)}"));
                }
            }
        }

        Gate = -1;
        Escalate = keep;
        foreach (var knn in new[] { false, true })
        {
            foreach (var t in new[] { 0.5, 0.7, 0.8, 0.9, 0.95 })
            {
                Console.WriteLine(Score(rows, r => Decide(r, knn, t, 2, false)).Row($"rules{(knn ? " + k-NN" : "")} + text t={t.ToString(CultureInfo.InvariantCulture)}"));
                foreach (var ts in new[] { 0.9, 0.97 })
                {
                    if (ts >= t)
                    {
                        Console.WriteLine(Score(rows, r => Decide(r, knn, t, ts, true)).Row($"rules{(knn ? " + k-NN" : "")} + text t={t.ToString(CultureInfo.InvariantCulture)} sentences {ts.ToString(CultureInfo.InvariantCulture)}"));
                    }
                }
            }
        }
    }

    public static void Misses(IReadOnlyList<StudyRow> rows, bool knn, double t, double ts)
    {
        foreach (var r in rows)
        {
            var d = Decide(r, knn, t, ts, true);
            if (d != r.Exemplar.Category)
            {
                Console.WriteLine($"{r.Exemplar.Category?.ToString() ?? "ordinary"} -> {d?.ToString() ?? "ordinary"} (rules {r.Rules?.ToString() ?? "-"}, knn {r.Neighbours?.ToString() ?? "-"}, p_ord {r.Whole[4]:0.00}/{r.Sentence[4]:0.00})\t{r.Exemplar.Question}");
            }
        }
    }

    private static LabScore Score(IReadOnlyList<StudyRow> rows, Func<StudyRow, SafetyCategory?> decide)
    {
        var score = new LabScore();
        foreach (var r in rows)
        {
            score.Add(r.Exemplar, decide(r), null);
        }

        return score;
    }
}
