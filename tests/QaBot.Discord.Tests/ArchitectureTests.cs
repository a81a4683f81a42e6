using System.Reflection;

namespace QaBot.Discord.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Discord_ReferencesAnsweringAndModerationOnlyAndNoOtherChatPlatform()
    {
        var references = typeof(DiscordOptions).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.Equal(["QaBot.Answering", "QaBot.Moderation"], references.Where(r => r.StartsWith("QaBot.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Bot", StringComparison.Ordinal)
                                               || r.StartsWith("Discord", StringComparison.Ordinal)
                                               || r.StartsWith("DSharpPlus", StringComparison.Ordinal));
    }

    [Fact]
    public void Discord_PublicSurfaceIsSmall_ImplementationsAreInternal()
    {
        var publicTypes = typeof(DiscordOptions).Assembly.GetExportedTypes();

        Assert.DoesNotContain(publicTypes, t => t.Name is "DiscordGatewayClient" or "DiscordRestClient" or "DiscordBot" or "DiscordStatus");
        Assert.Contains(typeof(Gateway.IDiscordGateway), publicTypes);
        Assert.Contains(typeof(Rest.IDiscordRestApi), publicTypes);
    }
}
