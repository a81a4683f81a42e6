using QaBot.Analytics.Tests.Support;

namespace QaBot.Analytics.Tests;

public sealed class AnalyticsPrivacyTests
{
    private static readonly StubAnswers Answers = new(q => q.Text.Contains("lupus", StringComparison.Ordinal)
        ? StubAnswers.Answered("conditions/lupus#what-is-lupus")
        : StubAnswers.NoAnswer());

    private static async Task<AnalyticsHarness> SeededAsync()
    {
        var harness = new AnalyticsHarness();
        await harness.AskAsync(Answers, "what is lupus", "discord", "42");
        await harness.AskAsync(Answers, "does my insurance pay for HSCT", "discord", "42");
        await harness.ClickAsync(helpful: true, question: null, "discord", "42", "conditions/lupus#what-is-lupus");
        await harness.ClickAsync(helpful: false, "can I travel abroad for stem cells", "teams", "42", "clinics#travel");
        await harness.AskAsync(Answers, "does my insurance pay for HSCT", "discord", "43");
        await harness.ClickAsync(helpful: false, "which clinic is best", "teams", "43", "clinics#choosing");
        await harness.AskAsync(Answers, "what is lupus", "api", user: null);
        return harness;
    }

    [Fact]
    public async Task ForgetUser_AllPlatforms_DeletesOnlyThatUsersRowsOnEveryPlatform()
    {
        using var harness = await SeededAsync();

        var result = await harness.Privacy.ForgetUserAsync("42", platform: null, CancellationToken.None);

        Assert.Equal((2, 2, 4), (result.Questions, result.Feedback, result.Total));
        Assert.Equal(2, harness.Count("questions"));
        Assert.Equal(1, harness.Count("feedback"));
        Assert.Equal(["discord", "api"], harness.Query("SELECT platform FROM questions ORDER BY id").Select(r => r[0]));
        Assert.Equal("which clinic is best", harness.Query("SELECT text FROM feedback")[0][0]);
        Assert.Equal(-1, harness.FileBytes().AsSpan().IndexOf("travel abroad"u8));
    }

    [Fact]
    public async Task ForgetUser_OnePlatform_LeavesTheSameIdOnOtherPlatforms()
    {
        using var harness = await SeededAsync();

        var result = await harness.Privacy.ForgetUserAsync("42", "teams", CancellationToken.None);

        Assert.Equal((0, 1), (result.Questions, result.Feedback));
        Assert.Equal(4, harness.Count("questions"));
        Assert.Equal(["discord", "teams"], harness.Query("SELECT platform FROM feedback ORDER BY id").Select(r => r[0]));
    }

    [Fact]
    public async Task ForgetUser_UnknownUser_DeletesNothing()
    {
        using var harness = await SeededAsync();

        var result = await harness.Privacy.ForgetUserAsync("4242", platform: null, CancellationToken.None);

        Assert.Equal(0, result.Total);
        Assert.Equal(4, harness.Count("questions"));
    }

    [Fact]
    public async Task ForgetUser_NoDatabase_DeletesNothingAndCreatesNothing()
    {
        using var harness = new AnalyticsHarness();

        var result = await harness.Privacy.ForgetUserAsync("42", platform: null, CancellationToken.None);

        Assert.Equal(0, result.Total);
        Assert.Empty(Directory.EnumerateFileSystemEntries(harness.Folder));
    }

    [Fact]
    public async Task ForgetUser_KeyFileLost_FailsWithAMessageNamingTheHashKey()
    {
        using var harness = await SeededAsync();
        using var other = new AnalyticsHarness(o => o.DatabasePath = harness.DatabasePath);
        File.Delete(harness.Keys.KeyFile);

        var error = await Assert.ThrowsAsync<AnalyticsUnavailableException>(() => other.Privacy.ForgetUserAsync("42", null, CancellationToken.None));

        Assert.Contains("QaBot:Analytics:HashKey", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, harness.Count("questions"));
    }
}
