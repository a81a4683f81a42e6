namespace QaBot.Teams.Tests.Infrastructure;

/// <summary>The test classes that share one authenticated <see cref="TeamsHost"/> (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class TeamsHostDefinition : ICollectionFixture<TeamsHost>
{
    public const string Name = "Teams host";
}
