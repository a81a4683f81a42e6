namespace QaBot.Host.Evaluation;

/// <summary>Figures as the benchmark protocol defines them.</summary>
public static class Measure
{
    /// <summary>Nearest-rank percentile of sorted or unsorted values (null when empty).</summary>
    public static double? Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    /// <summary>Peak resident set size of this process in MiB (VmHWM), or null where /proc is not available.</summary>
    public static double? PeakRssMb()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                    return Math.Round(kb / 1024.0, 1);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>1-based rank of the first relevant id within the first <paramref name="k"/> results, or 0.</summary>
    public static int FirstRelevantRank(IReadOnlyList<string> resultIds, IReadOnlyCollection<string> relevant, int k = 10)
    {
        for (var i = 0; i < Math.Min(k, resultIds.Count); i++)
        {
            if (relevant.Contains(resultIds[i]))
            {
                return i + 1;
            }
        }

        return 0;
    }

    public static double? Round(double? value, int digits = 4) => value is null ? null : Math.Round(value.Value, digits);
}
