using System.Reflection;

namespace QaBot.Teams.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Teams_DependsOnAnsweringAndNoOtherAdapterOrTheHost()
    {
        var references = typeof(TeamsOptions).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToArray();

        Assert.Contains("QaBot.Answering", references);
        Assert.DoesNotContain(references, r => r.StartsWith("QaBot.Discord", StringComparison.Ordinal) || r == "qabot");
        Assert.DoesNotContain(references, r => r.Contains("Discord", StringComparison.OrdinalIgnoreCase) || r == "AdaptiveCards");
    }

    [Fact]
    public void AnsweringAndKnowledge_DoNotReferenceTeams()
    {
        foreach (var name in new[] { "QaBot.Answering", "QaBot.Knowledge" })
        {
            var references = Assembly.Load(name).GetReferencedAssemblies().Select(a => a.Name ?? "");

            Assert.DoesNotContain(references, r => r.StartsWith("QaBot.Teams", StringComparison.Ordinal) || r.StartsWith("Microsoft.Bot", StringComparison.Ordinal));
        }
    }
}
