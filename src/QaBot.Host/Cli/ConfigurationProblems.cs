using System.Reflection;
using Microsoft.Extensions.Options;

namespace QaBot.Host.Cli;

/// <summary>
/// Turns the start-up checks' exceptions (one <see cref="OptionsValidationException"/> per options class, several in an
/// <see cref="AggregateException"/>) into one message that lists every problem, each naming its setting.
/// </summary>
internal static class ConfigurationProblems
{
    private const string DataAnnotationsPrefix = "DataAnnotation validation failed for ";

    /// <summary>The problems, or null when <paramref name="exception"/> is not a configuration check's.</summary>
    public static IReadOnlyList<string>? Of(Exception exception)
    {
        var failures = exception switch
        {
            OptionsValidationException single => [single],
            AggregateException aggregate when aggregate.Flatten().InnerExceptions.All(e => e is OptionsValidationException) =>
                aggregate.Flatten().InnerExceptions.Cast<OptionsValidationException>().ToList(),
            _ => null,
        };
        return failures?.SelectMany(f => f.Failures.Select(message => Describe(f.OptionsType, message))).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The message printed: one line for one problem, else a count and one line per problem.</summary>
    public static string Format(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? "qabot: " + problems[0]
            : $"qabot: the configuration has {problems.Count} problems; fix them and start again:" + Environment.NewLine
              + string.Join(Environment.NewLine, problems.Select(p => "  - " + p));

    /// <summary>Data annotation failures name a property, not the setting: prefix the options' section.</summary>
    private static string Describe(Type optionsType, string message)
    {
        if (!message.StartsWith(DataAnnotationsPrefix, StringComparison.Ordinal))
        {
            return message;
        }

        var section = optionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
        var marker = "with the error: '";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        var detail = at < 0 ? message : message[(at + marker.Length)..].TrimEnd('.', '\'');
        return section is null ? detail + "." : $"{section}: {detail}.";
    }
}
