using System.Reflection;

namespace QaBot.Host.Tests;

public sealed class ArchitectureTests
{
    private static readonly string[] ChatPlatformPrefixes = ["Microsoft.Bot", "Discord", "DSharpPlus", "NetCord", "Remora", "QaBot.Discord", "QaBot.Teams", "Microsoft.AspNetCore"];

    private static string[] References(string assembly) =>
        Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name ?? "").ToArray();

    [Fact]
    public void Host_ShipsNoResearchTools()
    {
        // bench, calibrate and the plain Lucene.Net engine live in benchmarks/QaBot.Bench.
        var research = typeof(QaBot.Host.QaBotHost).Assembly.GetTypes()
            .Select(t => t.Name)
            .Where(n => n.Contains("Bench", StringComparison.Ordinal) || n.Contains("Calibrat", StringComparison.Ordinal) || n.Contains("PlainLucene", StringComparison.Ordinal));

        Assert.Empty(research);
        Assert.DoesNotContain(QaBot.Host.Cli.QaBotCommandLine.Build().Subcommands, c => c.Name is "bench" or "calibrate");
    }

    [Fact]
    public void Knowledge_ReferencesNoOtherQaBotProjectAndNoChatPlatform()
    {
        var references = References("QaBot.Knowledge");

        Assert.DoesNotContain(references, r => r.StartsWith("QaBot.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => ChatPlatformPrefixes.Any(p => r.StartsWith(p, StringComparison.Ordinal)));
    }

    [Fact]
    public void Answering_ReferencesOnlyKnowledgeAndNoChatPlatform()
    {
        var references = References("QaBot.Answering");

        Assert.Equal(["QaBot.Knowledge"], references.Where(r => r.StartsWith("QaBot.", StringComparison.Ordinal)));
        Assert.DoesNotContain(references, r => ChatPlatformPrefixes.Any(p => r.StartsWith(p, StringComparison.Ordinal)));
    }

    [Fact]
    public void Analytics_ReferencesOnlyAnsweringAndNoChatPlatform()
    {
        var references = References("QaBot.Analytics");

        Assert.Equal(["QaBot.Answering"], references.Where(r => r.StartsWith("QaBot.", StringComparison.Ordinal)));
        Assert.DoesNotContain(references, r => ChatPlatformPrefixes.Any(p => r.StartsWith(p, StringComparison.Ordinal)));
    }

    [Fact]
    public void Moderation_ReferencesAnalyticsAnsweringAndKnowledgeOnlyAndNoChatPlatform()
    {
        var references = References("QaBot.Moderation");

        Assert.Equal(
            ["QaBot.Analytics", "QaBot.Answering", "QaBot.Knowledge"],
            references.Where(r => r.StartsWith("QaBot.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(references, r => ChatPlatformPrefixes.Any(p => r.StartsWith(p, StringComparison.Ordinal)));
    }

    [Fact]
    public void Host_SitsOnTopOfAnsweringAndKnowledge()
    {
        var references = References("qabot");

        Assert.Contains("QaBot.Answering", references);
        Assert.Contains("QaBot.Knowledge", references);
        Assert.Contains("QaBot.Analytics", references);
    }

    /// <summary>Every adapter goes through the one question turn: none asks the rate limiter or the answer service itself.</summary>
    [Theory]
    [InlineData("qabot", "QaBot.Host.Web.AskEndpoint")]
    [InlineData("QaBot.Discord", "QaBot.Discord.Bot.DiscordBot")]
    [InlineData("QaBot.Discord", "QaBot.Discord.Bot.UserCooldown")]
    [InlineData("QaBot.Teams", "QaBot.Teams.TeamsBot")]
    public void Adapter_DependsOnTheQuestionTurnNotOnTheLimiterOrTheAnswerService(string assembly, string typeName)
    {
        var type = Assembly.Load(assembly).GetType(typeName, throwOnError: true)!;
        var dependencies = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
            .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .SelectMany(m => m.GetParameters()).Select(p => p.ParameterType))
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance).Select(f => f.FieldType))
            .ToList();

        Assert.DoesNotContain(typeof(QaBot.Answering.RateLimiting.IQuestionRateLimiter), dependencies);
        Assert.DoesNotContain(typeof(QaBot.Answering.IAnswerService), dependencies);
        Assert.DoesNotContain(typeof(QaBot.Answering.Safety.ISafetyTriage), dependencies);
        if (!typeName.EndsWith("UserCooldown", StringComparison.Ordinal))
        {
            Assert.Contains(typeof(QaBot.Answering.Turns.IQuestionTurn), dependencies);
        }
    }

    /// <summary>
    /// The CLI commands and eval, which have no adapter type, reach answers only through the question turn. The one
    /// exception is the chat page's feedback endpoint: a click is not a question, but it spends the asker's rate limit.
    /// </summary>
    [Fact]
    public void HostAssembly_NoTypeOutsideTheTurnTakesTheAnswerServiceOrTheLimiter()
    {
        var offenders = typeof(QaBot.Host.Web.AskEndpoint).Assembly.GetTypes()
            .Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .SelectMany(c => c.GetParameters())
                .Concat(t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly).SelectMany(m => m.GetParameters()))
                .Any(p => p.ParameterType == typeof(QaBot.Answering.IAnswerService) || p.ParameterType == typeof(QaBot.Answering.RateLimiting.IQuestionRateLimiter)))
            .Select(t => t.FullName)
            .Where(name => name != "QaBot.Host.Web.FeedbackEndpoint")
            .ToList();

        Assert.Empty(offenders);
    }
}
