using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using QaBot.Answering.Safety;

namespace QaBot.Answering.Tests.Safety;

public sealed class SafetyTriageFailClosedTests
{
    [Fact]
    public void Assess_ExceptionInsideTriage_TreatsTheMessageAsUrgentAndLogsNoText()
    {
        var logger = new FakeLogger();
        var triage = new SafetyTriage(SafetyRuleSet.Default, () => throw new InvalidOperationException("broken"), null, logger);

        var verdict = triage.Assess("how does stem cell therapy work for my secret condition?", [1f, 0f]);

        Assert.Equal(new SafetyVerdict(SafetyCategory.Emergency, SafetyTriage.ErrorRuleId) { FailedClosed = true }, verdict);
        var record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, record.Level);
        Assert.DoesNotContain("secret", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_NoClassifierAndOrdinaryQuestion_ReturnsNull()
    {
        var triage = new SafetyTriage(SafetyRuleSet.Default, () => null, null, null);

        Assert.Null(triage.Assess("how does stem cell therapy work?", [1f, 0f]));
    }
}
