using QaBot.Analytics.Tests.Support;
using QaBot.Answering;

namespace QaBot.Analytics.Tests;

/// <summary>Whatever happens, the analytics never log question text or user ids.</summary>
public sealed class LogPrivacyTests
{
    private const string Secret = "my-neighbour-maria-lopez";
    private const string User = "80351110224678912";

    [Fact]
    public async Task Logs_NormalRunFailuresAndReports_CarryNoTextAndNoUserIds()
    {
        using var harness = new AnalyticsHarness(o => o.QueueCapacity = 10);
        var noAnswers = new StubAnswers(_ => StubAnswers.NoAnswer());
        await harness.AskAsync(noAnswers, "is " + Secret + " eligible for HSCT", "discord", User);
        await harness.ClickAsync(helpful: false, "why did " + Secret + " get no answer", "teams", User, "a#b");
        for (var i = 0; i < 12; i++)
        {
            await harness.Answers(noAnswers).AnswerAsync(new Question(Secret + i) { Platform = "discord", UserId = User }, CancellationToken.None);
        }

        await harness.FlushAsync();
        await harness.Reports.GetGapsAsync(TimeSpan.FromDays(7), 10, CancellationToken.None);
        await harness.Privacy.ForgetUserAsync(User, null, CancellationToken.None);
        File.Delete(harness.DatabasePath);
        Directory.CreateDirectory(harness.DatabasePath);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.AskAsync(noAnswers, Secret + " again", "discord", User);
        await Assert.ThrowsAsync<AnalyticsUnavailableException>(() => harness.Reports.GetGapsAsync(TimeSpan.FromDays(7), 10, CancellationToken.None));

        Assert.Contains(harness.Logs, line => line.Contains("[7010]", StringComparison.Ordinal));
        Assert.Contains(harness.Logs, line => line.Contains("[7020]", StringComparison.Ordinal));
        Assert.Contains(harness.Logs, line => line.Contains("[7040]", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs, line => line.Contains(Secret, StringComparison.OrdinalIgnoreCase) || line.Contains(User, StringComparison.Ordinal));
    }
}
