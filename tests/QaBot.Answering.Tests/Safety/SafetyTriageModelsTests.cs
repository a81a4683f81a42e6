using QaBot.Answering.Safety;

namespace QaBot.Answering.Tests.Safety;

/// <summary>How the triage uses the text model: it routes what the rules let through and may only make a rule more urgent.</summary>
public sealed class SafetyTriageModelsTests
{
    private const string Indirect = "everything feels grey and pointless lately and my family would manage fine";

    private static SafetyTriage Triage(params SafetyExemplar[] examples)
    {
        var models = new SafetyModels(SafetyTextModel.Train(examples), null);
        return new SafetyTriage(SafetyRuleSet.Default, () => models, null, null);
    }

    private static SafetyExemplar[] Ordinary(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new SafetyExemplar($"o{i}", $"how does stem cell therapy work for lupus question {i}", null)),
    ];

    [Fact]
    public void Assess_RulesLetItThroughButTheTextModelKnowsIt_RoutesWithoutAVector()
    {
        Assert.Null(new SafetyTriage(SafetyRuleSet.Default).Assess(Indirect, null)); // the rules alone miss it
        var triage = Triage([new("s", Indirect, SafetyCategory.SelfHarm), new("s2", Indirect + " anyway", SafetyCategory.SelfHarm), .. Ordinary(3)]);

        var verdict = triage.Assess(Indirect, null);

        Assert.Equal(new SafetyVerdict(SafetyCategory.SelfHarm, "text-model"), verdict);
    }

    [Fact]
    public void Assess_TwoWordFollowUpTheModelWouldRoute_IsLeftToTheRules()
    {
        // A model trained to route exactly this text still may not: one or two words carry too few n-grams ("and ms?").
        var triage = Triage([new("s", "and ms?", SafetyCategory.Emergency), new("s2", "and ms", SafetyCategory.Emergency), .. Ordinary(3)]);

        Assert.Null(triage.Assess("and ms?", null));
        Assert.Equal(SafetyCategory.Emergency, triage.Assess("and ms? and ms? and ms?", null)?.Category); // three words: the model may route
    }

    [Fact]
    public void Assess_OrdinaryQuestion_StaysOrdinary()
    {
        var triage = Triage([new("s", Indirect, SafetyCategory.SelfHarm), .. Ordinary(3)]);

        Assert.Null(triage.Assess("how does stem cell therapy work for lupus?", null));
    }

    [Fact]
    public void Assess_RuleSaysDosingAndTheModelSaysSelfHarm_EscalatesToSelfHarm()
    {
        const string message = "how many of my sleeping pills should i take tonight";
        Assert.Equal(SafetyCategory.Dosing, new SafetyTriage(SafetyRuleSet.Default).Assess(message, null)?.Category);
        var triage = Triage([new("s", message, SafetyCategory.SelfHarm), new("s2", message + " all", SafetyCategory.SelfHarm), .. Ordinary(2)]);

        var verdict = triage.Assess(message, null);

        Assert.Equal(SafetyCategory.SelfHarm, verdict?.Category);
        Assert.EndsWith("+text", verdict?.RuleId, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_RuleSaysSelfHarmAndTheModelSaysOrdinary_KeepsTheRule()
    {
        const string message = "i want to kill myself";
        var triage = Triage([new("o", message, null), new("o2", message + " today", null), new("s", "i feel grey", SafetyCategory.SelfHarm)]);

        var verdict = triage.Assess(message, null);

        Assert.Equal(SafetyCategory.SelfHarm, verdict?.Category);
        Assert.DoesNotContain("+text", verdict?.RuleId, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_RiskBuriedInALongMessage_IsRouted()
    {
        const string buried = "I have stopped caring whether I wake up";
        var triage = Triage(
        [
            new("s1", buried, SafetyCategory.SelfHarm), new("s2", buried + " at all", SafetyCategory.SelfHarm),
            new("s3", "lately " + buried.ToLowerInvariant(), SafetyCategory.SelfHarm),
            new("o1", "My sister has lupus and we have been reading a lot about treatments and clinics online", null),
            new("o2", "Could you explain what the studies say about stem cells for lupus and how it works", null),
            new("o3", "We live far from the hospital and the trips are long and the food there is not great", null),
            new("o4", "Thanks for the help, the booklet from the clinic was long and confusing", null),
        ]);
        var message = "My sister has lupus and we have been reading a lot about clinics online. The trips to the hospital are long " +
            "and the food there is not great. " + buried + ". Could you explain what the studies say about stem cells for lupus?";

        Assert.Equal(SafetyCategory.SelfHarm, triage.Assess(message, null)?.Category);
    }
}
