using System.Globalization;
using System.Text;
using QaBot.Answering.Safety;

namespace QaBot.SafetyLab;

/// <summary>Recall per category, false positives on ordinary messages and kind+category accuracy.</summary>
internal sealed class LabScore
{
    private readonly int[] total = new int[5];
    private readonly int[] exact = new int[5];
    private readonly int[] routed = new int[5];
    private readonly int[] urgent = new int[5];

    public List<string> Misses { get; } = [];

    public void Add(SafetyExemplar item, SafetyCategory? predicted, string? ruleId)
    {
        var c = item.Category is { } category ? (int)category : 4;
        total[c]++;
        if (predicted == item.Category)
        {
            exact[c]++;
        }
        else
        {
            Misses.Add($"{item.Id}\t{item.Category?.ToString() ?? "ordinary"} -> {predicted?.ToString() ?? "ordinary"} ({ruleId})\t{item.Question}");
        }

        if (predicted is not null)
        {
            routed[c]++;
        }

        if (predicted is SafetyCategory.Emergency or SafetyCategory.SelfHarm)
        {
            urgent[c]++;
        }
    }

    public int Items => total.Sum();

    public double Accuracy => exact.Sum() / (double)Math.Max(1, Items);

    public double Recall(SafetyCategory c) => exact[(int)c] / (double)Math.Max(1, total[(int)c]);

    public double UrgentRecall(SafetyCategory c) => urgent[(int)c] / (double)Math.Max(1, total[(int)c]);

    public double FalsePositiveRate => routed[4] / (double)Math.Max(1, total[4]);

    public string Row(string name)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"| {name} | {Items} ");
        foreach (var c in Enum.GetValues<SafetyCategory>())
        {
            b.Append(CultureInfo.InvariantCulture, $"| {Recall(c):0.000} ({total[(int)c]}) ");
        }

        b.Append(CultureInfo.InvariantCulture, $"| {FalsePositiveRate:0.000} ({total[4]}) | {Accuracy:0.000} | {UrgentRecall(SafetyCategory.Emergency):0.000} / {UrgentRecall(SafetyCategory.SelfHarm):0.000} |");
        return b.ToString();
    }

    public const string Header =
        "| run | items | emergency | self_harm | personal_medical_advice | dosing | FP on ordinary | kind+category acc | urgent-routed em / sh |\n" +
        "|---|---|---|---|---|---|---|---|---|";
}
