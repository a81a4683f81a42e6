using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Knowledge;
using QaBot.Knowledge.Search;

namespace QaBot.Host.Tests;

public sealed class RetrievalOptionsSetupTests
{
    private static RetrievalOptions Resolve(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddRetrievalOptions();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<RetrievalOptions>>().Value;
    }

    [Fact]
    public void Bind_RetrievalSection_SetsFusionAndLexicalWeights()
    {
        var options = Resolve(new()
        {
            ["QaBot:Retrieval:LexicalWeight"] = "0.3",
            ["QaBot:Retrieval:IntentBonus"] = "0.05",
            ["QaBot:Retrieval:TitleBonus"] = "0.2",
            ["QaBot:Retrieval:Candidates"] = "40",
            ["QaBot:Retrieval:Lexical:IntentBoost"] = "5",
            ["QaBot:Retrieval:Lexical:AlsoAskedBoost"] = "1.5",
        });

        Assert.Equal(0.3, options.LexicalWeight);
        Assert.Equal(0.05, options.IntentBonus);
        Assert.Equal(0.2, options.TitleBonus);
        Assert.Equal(40, options.Candidates);
        Assert.Equal(5f, options.Lexical.IntentBoost);
        Assert.Equal(1.5f, options.Lexical.AlsoAskedBoost);
        Assert.Equal(2f, options.Lexical.TitleBoost);
    }

    [Fact]
    public void Bind_OnlyTheObsoleteKey_ItsWeightIsUsed()
    {
        var options = Resolve(new() { [RetrievalOptions.LegacyLexicalWeightKey] = "0.25" });

        Assert.Equal(0.25, options.LexicalWeight);
    }

    [Fact]
    public void Validate_ObsoleteKeyDisagreesWithTheNewOne_FailsNamingBoth()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            [RetrievalOptions.LegacyLexicalWeightKey] = "0.25",
            ["QaBot:Retrieval:LexicalWeight"] = "0.1",
        }));

        var message = Assert.Single(failure.Failures);
        Assert.Contains("QaBot:Retrieval:LexicalWeight", message, StringComparison.Ordinal);
        Assert.Contains(RetrievalOptions.LegacyLexicalWeightKey, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OutOfRangeValues_ListsEveryProblemWithItsKey()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["QaBot:Retrieval:LexicalWeight"] = "1.5",
            ["QaBot:Retrieval:Candidates"] = "0",
            ["QaBot:Retrieval:Lexical:TitleBoost"] = "-1",
        }));

        Assert.Equal(3, failure.Failures.Count());
        Assert.Contains(failure.Failures, f => f.StartsWith("QaBot:Retrieval:LexicalWeight", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("QaBot:Retrieval:Candidates", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("QaBot:Retrieval:Lexical:TitleBoost", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_AreTheMeasuredOnes()
    {
        var options = Resolve([]);

        Assert.Equal(0.1, options.LexicalWeight);
        Assert.Equal(0.1, options.IntentBonus);
        Assert.Equal(50, options.Candidates);
        Assert.Empty(options.Problems());
    }
}
