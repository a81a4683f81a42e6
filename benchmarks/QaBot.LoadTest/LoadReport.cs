using System.Globalization;
using System.Text.Json;

namespace QaBot.LoadTest;

/// <summary>What one run measured, printed for people and as one JSON line.</summary>
internal sealed record LoadReport(
    int Clients,
    double Seconds,
    IReadOnlyList<double> LatenciesMs,
    IReadOnlyDictionary<string, int> Statuses,
    IReadOnlyDictionary<string, int> Kinds,
    int Errors,
    int Unexpected,
    double? PeakRssMiB)
{
    public int Requests => LatenciesMs.Count + Errors;

    public double Throughput => LatenciesMs.Count / Seconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public void Print(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Format(c, "clients {0}, {1:F1} s, {2} requests, {3:F1} answers/s", Clients, Seconds, Requests, Throughput));
        output.WriteLine(string.Format(c, "latency ms: p50 {0:F1}, p95 {1:F1}, p99 {2:F1}, max {3:F1}", Percentile(50), Percentile(95), Percentile(99), LatenciesMs.Count == 0 ? 0 : LatenciesMs.Max()));
        output.WriteLine("status codes: " + string.Join(", ", Statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} x{s.Value}")));
        output.WriteLine("answer kinds: " + string.Join(", ", Kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} x{k.Value}")));
        output.WriteLine(string.Format(c, "errors (no response): {0}; answers of an unexpected kind: {1}", Errors, Unexpected));
        output.WriteLine(PeakRssMiB is double rss ? string.Format(c, "server peak RSS (VmHWM): {0:F0} MiB", rss) : "server peak RSS: unknown (not started here; no /proc)");
        output.WriteLine(JsonSerializer.Serialize(new
        {
            clients = Clients,
            seconds = Math.Round(Seconds, 1),
            requests = Requests,
            rps = Math.Round(Throughput, 1),
            p50_ms = Math.Round(Percentile(50), 1),
            p95_ms = Math.Round(Percentile(95), 1),
            p99_ms = Math.Round(Percentile(99), 1),
            statuses = Statuses,
            errors = Errors,
            unexpected = Unexpected,
            peak_rss_mib = PeakRssMiB is double r ? Math.Round(r) : (double?)null,
        }));
    }
}
