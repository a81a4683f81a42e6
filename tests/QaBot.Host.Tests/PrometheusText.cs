using System.Text.RegularExpressions;

namespace QaBot.Host.Tests;

/// <summary>The samples of a Prometheus text exposition: metric name, labels, value.</summary>
public static partial class PrometheusText
{
    public static IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Labels, string Value)> Parse(string text) =>
        text.Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => Sample().Match(line))
            .Where(match => match.Success)
            .Select(match => (
                match.Groups["name"].Value,
                (IReadOnlyDictionary<string, string>)Label().Matches(match.Groups["labels"].Value)
                    .ToDictionary(l => l.Groups["key"].Value, l => Regex.Unescape(l.Groups["value"].Value)),
                match.Groups["value"].Value))
            .ToList();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)""")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
