using QaBot.Answering.Safety;

namespace QaBot.Answering.Tests.Safety;

public sealed class SafetyTextModelTests
{
    private static readonly SafetyExemplar[] Examples =
    [
        new("s1", "i want to die", SafetyCategory.SelfHarm),
        new("s2", "i keep thinking about ending my life", SafetyCategory.SelfHarm),
        new("s3", "quiero morir, ya no puedo mas", SafetyCategory.SelfHarm),
        new("s4", "je veux mourir", SafetyCategory.SelfHarm),
        new("e1", "crushing chest pain going down my left arm", SafetyCategory.Emergency),
        new("e2", "my chest hurts and i cant breathe", SafetyCategory.Emergency),
        new("e3", "fever and chills after my stem cell transplant", SafetyCategory.Emergency),
        new("d1", "how many mg of prednisone should i take", SafetyCategory.Dosing),
        new("d2", "what dose of methotrexate is right", SafetyCategory.Dosing),
        new("p1", "should i stop my medication before the transplant", SafetyCategory.PersonalMedicalAdvice),
        new("p2", "do i have lupus, my joints ache", SafetyCategory.PersonalMedicalAdvice),
        new("o1", "how does stem cell therapy work", null),
        new("o2", "what is the success rate of HSCT for MS", null),
        new("o3", "what are the risks of the transplant", null),
        new("o4", "que es el lupus", null),
        new("o5", "is stem cell therapy approved for lupus", null),
    ];

    private static float[] Probabilities(SafetyTextModel model, string message)
    {
        var p = new float[SafetyTextModel.Classes];
        model.Probabilities(SafetyTextNormalizer.Normalize(message), p);
        return p;
    }

    private static int MostLikely(float[] p) => Array.IndexOf(p, p.Max());

    [Theory]
    [InlineData("i realy want to dye", SafetyCategory.SelfHarm)] // typos
    [InlineData("quiero morirme", SafetyCategory.SelfHarm)] // another form of a Spanish word it has seen
    [InlineData("chest pian down my arm", SafetyCategory.Emergency)]
    [InlineData("how many mg of pred shuld i take", SafetyCategory.Dosing)]
    public void Probabilities_VariantOfATrainedMessage_FavoursItsCategory(string message, SafetyCategory expected)
    {
        var model = SafetyTextModel.Train(Examples);

        Assert.Equal((int)expected, MostLikely(Probabilities(model, message)));
    }

    [Fact]
    public void Probabilities_GeneralQuestion_FavoursOrdinary()
    {
        var model = SafetyTextModel.Train(Examples);

        Assert.Equal(4, MostLikely(Probabilities(model, "how does the transplant work for lupus")));
    }

    [Fact]
    public void Probabilities_AnyMessage_SumToOne()
    {
        var model = SafetyTextModel.Train(Examples);

        foreach (var message in new[] { "i want to die", "", "x", new string('a', 5000) })
        {
            Assert.Equal(1f, Probabilities(model, message).Sum(), 3);
        }
    }

    [Fact]
    public void Train_SameExamples_GivesTheSameModel()
    {
        var first = Probabilities(SafetyTextModel.Train(Examples), "my chest hurts a bit");
        var second = Probabilities(SafetyTextModel.Train(Examples), "my chest hurts a bit");

        Assert.Equal(first, second);
    }
}
