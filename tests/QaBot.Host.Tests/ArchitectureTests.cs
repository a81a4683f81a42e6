using System.Reflection;

namespace QaBot.Host.Tests;

public sealed class ArchitectureTests
{
    private static readonly string[] ChatPlatformPrefixes = ["Microsoft.Bot", "Discord", "DSharpPlus", "NetCord", "Remora", "QaBot.Discord", "QaBot.Teams", "Microsoft.AspNetCore"];

    private static string[] References(string assembly) =>
        Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name ?? "").ToArray();

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
}
