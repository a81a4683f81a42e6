using System.Globalization;

namespace QaBot.LoadTest;

/// <summary>The command line: <c>[--url URL | --server PATH] [--clients N] [--duration S] [--warmup S]</c>.</summary>
internal sealed record LoadOptions
{
    public Uri? Url { get; init; }

    public string? Server { get; init; }

    public int Clients { get; init; } = 8;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--url" => options with { Url = new Uri(value.TrimEnd('/') + "/") },
                "--server" => options with { Server = value },
                "--clients" => options with { Clients = Positive(args[i], value) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Positive(args[i], value)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(int.Parse(value, CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Use --url URL | --server PATH, --clients N, --duration S, --warmup S."),
            };
            i++;
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} must be a positive whole number.");
}
