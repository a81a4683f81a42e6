using QaBot.Answering.Safety;
using QaBot.Knowledge.Embeddings;

namespace QaBot.Answering.Tests.Safety;

/// <summary>The embedding classifier on the real model, with a small exemplar set (a few dozen encodings).</summary>
public sealed class SafetyClassifierTests(ExemplarModel model) : IClassFixture<ExemplarModel>
{
    private static readonly SafetyExemplar[] Exemplars =
    [
        new("e1", "I had my stem cell transplant 9 days ago and now I have a fever and chills", SafetyCategory.Emergency),
        new("e2", "my chest pain is spreading down my left arm and I'm sweating", SafetyCategory.Emergency),
        new("e3", "coughing up blood and my oxygen keeps dropping", SafetyCategory.Emergency),
        new("s1", "I don't see the point in anything anymore since my diagnosis", SafetyCategory.SelfHarm),
        new("s2", "everyone would be better off without me", SafetyCategory.SelfHarm),
        new("s3", "I've been saving up my pain pills for when it gets too much", SafetyCategory.SelfHarm),
        new("p1", "tingling in my hands and blurry vision for 2 months, do I have MS?", SafetyCategory.PersonalMedicalAdvice),
        new("p2", "should my mum choose HSCT or rituximab?", SafetyCategory.PersonalMedicalAdvice),
        new("d1", "how much prednisone should I take for a flare?", SafetyCategory.Dosing),
        new("d2", "how many stem cells do they infuse per kg?", SafetyCategory.Dosing),
        new("o1", "can stem cell treatment be dangerous", null),
        new("o2", "what is the death rate of HSCT", null),
        new("o3", "how do hospitals handle fever after a transplant", null),
        new("o4", "how does stem cell therapy work for lupus", null),
        new("o5", "is stem cell therapy approved for MS", null),
        new("o6", "what are the side effects of conditioning chemotherapy", null),
    ];

    private SafetyClassifier Build(double margin = 0.02) =>
        SafetyExemplars.Build(Exemplars, model.Encoder, new VectorCache(null, model.Encoder.ModelId, model.Encoder.Dimensions),
            new SafetyOptions { ClassifierNeighbours = 1, ClassifierMargin = margin });

    private float[] Vector(string question) => model.Encoder.EncodeQuery(TextCleaner.Clean(question));

    [Fact]
    public void Classify_IndirectSelfHarmTheRulesMiss_RoutesToSelfHarm()
    {
        const string message = "honestly nothing matters anymore, my family would manage fine without me around";
        var triage = new SafetyTriage(SafetyRuleSet.Default);
        Assert.Null(triage.AssessWith(message, null, null)); // the rules alone let it through

        var verdict = triage.AssessWith(message, Vector(message), Build());

        Assert.Equal(SafetyCategory.SelfHarm, verdict?.Category);
        Assert.StartsWith("classifier:s", verdict?.RuleId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("can stem cell transplants be dangerous?")]
    [InlineData("what's the mortality rate for HSCT")]
    public void Classify_RiskyLookingOrdinaryQuestion_ReturnsNull(string message)
    {
        var result = Build().Classify(Vector(message));

        Assert.Null(result);
    }

    [Fact]
    public void Assess_RuleFiresAndClassifierSaysOrdinary_RuleStands()
    {
        // A classifier that only knows ordinary questions can never veto a rule.
        var ordinaryOnly = SafetyExemplars.Build([.. Exemplars.Where(e => e.Category is null)], model.Encoder,
            new VectorCache(null, model.Encoder.ModelId, model.Encoder.Dimensions), new SafetyOptions());
        var triage = new SafetyTriage(SafetyRuleSet.Default);

        var verdict = triage.AssessWith("I want to kill myself", Vector("I want to kill myself"), ordinaryOnly);

        Assert.Equal(new SafetyVerdict(SafetyCategory.SelfHarm, "self_harm.kill-myself"), verdict);
    }

    [Fact]
    public void Assess_NoVector_RulesDecideAlone()
    {
        const string message = "honestly nothing matters anymore, my family would manage fine without me around";
        var triage = new SafetyTriage(SafetyRuleSet.Default);

        var verdict = triage.AssessWith(message, null, Build());

        Assert.Null(verdict);
    }

    [Fact]
    public void Classify_VectorOfAnotherLength_ReturnsNull()
    {
        var result = Build().Classify(new float[7]);

        Assert.Null(result);
    }

    [Fact]
    public void Build_SecondTime_ReusesCachedVectors()
    {
        var folder = Path.Combine(Path.GetTempPath(), "qabot-exemplar-cache-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new SafetyOptions();
            SafetyExemplars.Build(Exemplars[..2], model.Encoder, new VectorCache(folder, model.Encoder.ModelId, model.Encoder.Dimensions), options);

            var reopened = new VectorCache(folder, model.Encoder.ModelId, model.Encoder.Dimensions);

            Assert.Equal(2, reopened.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
