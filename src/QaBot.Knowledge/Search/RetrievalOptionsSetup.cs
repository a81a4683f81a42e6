using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace QaBot.Knowledge.Search;

/// <summary>
/// Binds <see cref="RetrievalOptions"/> from <c>QaBot:Retrieval</c>, takes the obsolete
/// <c>QaBot:Embeddings:LexicalWeight</c> when the new key is not set, and checks everything at start-up (one message
/// listing every problem, each naming its key).
/// </summary>
internal sealed class RetrievalOptionsSetup(IConfiguration configuration) : IConfigureOptions<RetrievalOptions>, IValidateOptions<RetrievalOptions>
{
    private static readonly string NewLexicalWeightKey = RetrievalOptions.SectionName + ":" + nameof(RetrievalOptions.LexicalWeight);

    public void Configure(RetrievalOptions options)
    {
        configuration.GetSection(RetrievalOptions.SectionName).Bind(options);
        if (configuration[NewLexicalWeightKey] is null && Legacy() is { } legacy)
        {
            options.LexicalWeight = legacy;
        }
    }

    public ValidateOptionsResult Validate(string? name, RetrievalOptions options)
    {
        var problems = options.Problems().ToList();
        if (configuration[RetrievalOptions.LegacyLexicalWeightKey] is { } raw && Legacy() is null)
        {
            problems.Add($"{RetrievalOptions.LegacyLexicalWeightKey} is obsolete and is not a number ('{raw}'); set {NewLexicalWeightKey} instead.");
        }

        if (configuration[NewLexicalWeightKey] is not null && Legacy() is { } legacy && Math.Abs(legacy - options.LexicalWeight) > 1e-12)
        {
            problems.Add($"{RetrievalOptions.LegacyLexicalWeightKey} ({legacy.ToString(CultureInfo.InvariantCulture)}) is obsolete and disagrees with {NewLexicalWeightKey} ({options.LexicalWeight.ToString(CultureInfo.InvariantCulture)}); remove the old key.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>The obsolete key's value, or null when it is not set (or not a number).</summary>
    private double? Legacy() =>
        configuration[RetrievalOptions.LegacyLexicalWeightKey] is { } raw
        && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
