namespace QaBot.Answering.Tests.Safety;

/// <summary>Runs the triage tests, which measure time, on their own rather than beside other test classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SafetyTimingGroup
{
    public const string Name = "Safety timing";
}
