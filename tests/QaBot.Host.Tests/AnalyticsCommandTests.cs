using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moq;
using QaBot.Analytics;
using QaBot.Answering;
using QaBot.Host.Cli;

namespace QaBot.Host.Tests;

/// <summary><c>qabot kb gaps</c>, <c>qabot kb feedback</c> and <c>qabot analytics forget</c> end to end on a temporary database.</summary>
[Collection(nameof(ConsoleTests))]
public sealed class AnalyticsCommandTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "qabot-analytics-cli-" + Guid.NewGuid().ToString("N"));
    private readonly TextWriter originalOut = Console.Out;
    private readonly TextWriter originalError = Console.Error;
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public AnalyticsCommandTests()
    {
        Directory.CreateDirectory(root);
        Console.SetOut(output);
        Console.SetError(error);
    }

    private string Database => Path.Combine(root, "analytics.db");

    public void Dispose()
    {
        Console.SetOut(originalOut);
        Console.SetError(originalError);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task KbGapsAndFeedback_QuestionsAskedThroughTheHost_AreReportedFromItsDatabase()
    {
        await using (var factory = new QaBotFactory())
        {
            factory.Settings["QaBot:Analytics:DatabasePath"] = Database;
            using var client = factory.CreateClient();
            foreach (var question in new[] { "what is the capital of France? jane@example.com", "What is the capital of France", "Can stem cell therapy help lupus?" })
            {
                using var response = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        } // stopping the host flushes the queue

        output.GetStringBuilder().Clear(); // the host's own log lines
        var gaps = await QaBotCommandLine.RunAsync(["kb", "gaps", "--days", "1", "--database", Database]);
        var gapsText = output.ToString();
        output.GetStringBuilder().Clear();
        var feedback = await QaBotCommandLine.RunAsync(["kb", "feedback", "--json", "--database", Database]);

        Assert.Equal(0, gaps);
        Assert.Contains(": 2 without an answer, 0 marked not helpful.", gapsText, StringComparison.Ordinal);
        Assert.Contains("  1. 2 times, 0 people, last ", gapsText, StringComparison.Ordinal);
        Assert.Contains(": no answer 2\n", gapsText, StringComparison.Ordinal);
        Assert.Contains("\"What is the capital of France\"", gapsText, StringComparison.Ordinal);
        Assert.DoesNotContain("jane@example.com", File.ReadAllText(Database), StringComparison.Ordinal);
        Assert.Equal(0, feedback);
        using var json = JsonDocument.Parse(output.ToString());
        var api = json.RootElement.GetProperty("platforms")[0];
        Assert.Equal(("api", 1, 2, 0), (api.GetProperty("platform").GetString(), api.GetProperty("answered").GetInt32(), api.GetProperty("no_answer").GetInt32(), api.GetProperty("safety").GetInt32()));
    }

    [Fact]
    public async Task AnalyticsForget_UserOnTwoPlatforms_DeletesOnlyTheirRowsAndPrintsHowMany()
    {
        await SeedAsync(("discord", "1234"), ("discord", "1234"), ("teams", "1234"), ("discord", "999"));

        var teamsOnly = await QaBotCommandLine.RunAsync(["analytics", "forget", "--user", "999", "--platform", "teams", "--database", Database]);
        var all = await QaBotCommandLine.RunAsync(["analytics", "forget", "--user", "1234", "--database", Database]);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        output.GetStringBuilder().Clear();
        await QaBotCommandLine.RunAsync(["kb", "feedback", "--json", "--database", Database]);

        Assert.Equal((0, 0), (teamsOnly, all));
        Assert.Equal("Deleted 0 rows of that user on teams: 0 questions, 0 feedback.", lines[0]);
        Assert.StartsWith("Conversation context is kept only in the running host's memory", lines[1], StringComparison.Ordinal);
        Assert.Equal("Deleted 3 rows of that user on all platforms: 3 questions, 0 feedback.", lines[2]);
        using var json = JsonDocument.Parse(output.ToString());
        var discord = Assert.Single(json.RootElement.GetProperty("platforms").EnumerateArray());
        Assert.Equal(("discord", 1), (discord.GetProperty("platform").GetString(), discord.GetProperty("no_answer").GetInt32()));
    }

    [Fact]
    public async Task KbGaps_DatabasePathIsAFolder_ExitsOneWithAClearMessage()
    {
        Directory.CreateDirectory(Database);

        var code = await QaBotCommandLine.RunAsync(["kb", "gaps", "--database", Database]);

        Assert.Equal(1, code);
        Assert.Equal($"qabot: The analytics database path {Database} is a folder: QaBot:Analytics:DatabasePath must name a file.", error.ToString().Trim());
    }

    [Theory]
    [InlineData("kb gaps --days 0", "--days must be between 1 and 3650")]
    [InlineData("kb gaps --limit 1000", "--limit must be between 1 and 100")]
    [InlineData("analytics forget --user 1 --platform slack", "slack")]
    [InlineData("analytics forget", "--user")]
    public async Task Commands_BadArguments_ExitWithAMessage(string arguments, string expected)
    {
        var code = await QaBotCommandLine.RunAsync([.. arguments.Split(' '), "--database", Database]);

        Assert.NotEqual(0, code);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    /// <summary>Records questions as the host does (through AddAnalytics), on platforms and users of our choosing.</summary>
    private async Task SeedAsync(params (string Platform, string User)[] askers)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root, Args = [] });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["QaBot:Analytics:DatabasePath"] = Database });
        var answers = new Mock<IAnswerService>();
        answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Answer { Kind = AnswerKind.NoAnswer, Text = "No answer.", Reminder = "Ask your provider." });
        builder.Services.AddSingleton(answers.Object);
        builder.Services.AddSingleton<Answering.Feedback.IFeedbackSink>(new Mock<Answering.Feedback.IFeedbackSink>().Object);
        builder.AddAnalytics();
        using var host = builder.Build();
        await host.StartAsync();
        foreach (var (platform, user) in askers)
        {
            await host.Services.GetRequiredService<IAnswerService>().AnswerAsync(new Question("is HSCT covered by insurance") { Platform = platform, UserId = user }, CancellationToken.None);
        }

        await host.StopAsync();
    }
}
