using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QaBot.Host.Cli;

/// <summary>Options and output settings shared by the analytics commands (<c>kb gaps</c>, <c>kb feedback</c>, <c>analytics forget</c>).</summary>
internal static class AnalyticsCliOptions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = true,
    };

    public static Option<string?> Database() => new("--database")
    {
        Description = "The analytics database file. Default: QaBot:Analytics:DatabasePath (.qabot/analytics.db).",
    };

    public static Option<int> Days() => Bounded("--days", "How many days back to look (1 to 3650).", 7, 1, 3650);

    public static Option<int> Bounded(string name, string description, int defaultValue, int min, int max)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError($"{name} must be between {min} and {max}.");
            }
        });
        return option;
    }
}
