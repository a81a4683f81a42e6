using Microsoft.Extensions.Options;

namespace QaBot.Knowledge.Tests;

public sealed class KnowledgeOptionsTests
{
    private static ValidateOptionsResult Validate(KnowledgeOptions options) =>
        new DataAnnotationValidateOptions<KnowledgeOptions>(null).Validate(null, options);

    [Fact]
    public void Validate_Defaults_AreValidWithWatchingOnAndPollingOff()
    {
        var options = new KnowledgeOptions();

        Assert.True(Validate(options).Succeeded);
        Assert.Equal((true, TimeSpan.FromMilliseconds(500), (TimeSpan?)null), (options.Watch, options.ReloadDebounce, options.PollInterval));
    }

    [Fact]
    public void Validate_BadDebounceAndPollInterval_ReportsBothByName()
    {
        var result = Validate(new KnowledgeOptions { ReloadDebounce = TimeSpan.FromMinutes(5), PollInterval = TimeSpan.FromMilliseconds(10) });

        Assert.True(result.Failed);
        Assert.Contains("QaBot:Knowledge:ReloadDebounce must be between", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("QaBot:Knowledge:PollInterval must be empty (no polling) or between", result.FailureMessage, StringComparison.Ordinal);
    }
}
