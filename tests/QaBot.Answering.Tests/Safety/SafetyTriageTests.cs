using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using QaBot.Answering.Safety;

namespace QaBot.Answering.Tests.Safety;

[Collection(SafetyTimingGroup.Name)]
public sealed class SafetyTriageTests
{
    private static readonly SafetyTriage Triage = new(SafetyRuleSet.Default);

    [Theory]
    [MemberData(nameof(SafetyExamples.Emergency), MemberType = typeof(SafetyExamples))]
    public void Assess_EmergencyWording_ReturnsEmergency(string message) =>
        AssertVerdict(SafetyCategory.Emergency, message);

    [Theory]
    [MemberData(nameof(SafetyExamples.SelfHarm), MemberType = typeof(SafetyExamples))]
    public void Assess_SelfHarmWording_ReturnsSelfHarm(string message) =>
        AssertVerdict(SafetyCategory.SelfHarm, message);

    [Theory]
    [MemberData(nameof(SafetyExamples.PersonalAdvice), MemberType = typeof(SafetyExamples))]
    public void Assess_PersonalTreatmentDecision_ReturnsPersonalMedicalAdvice(string message) =>
        AssertVerdict(SafetyCategory.PersonalMedicalAdvice, message);

    [Theory]
    [MemberData(nameof(SafetyExamples.Dosing), MemberType = typeof(SafetyExamples))]
    public void Assess_DoseQuestion_ReturnsDosing(string message) =>
        AssertVerdict(SafetyCategory.Dosing, message);

    [Theory]
    [MemberData(nameof(SafetyExamples.Ordinary), MemberType = typeof(SafetyExamples))]
    public void Assess_OrdinaryQuestionOrIdiom_ReturnsNull(string message)
    {
        var verdict = Triage.Assess(message, null);

        Assert.True(verdict is null, $"'{message}' should be answered but got {verdict?.Category} ({verdict?.RuleId})");
    }

    [Theory]
    // Intent wins over the dose or the overdose: self-harm, not dosing or emergency.
    [InlineData("i want to kill myself, how many mg of prednisone would do it", SafetyCategory.SelfHarm)]
    [InlineData("i am having suicidal thoughts, can i double my dose", SafetyCategory.SelfHarm)]
    [InlineData("how many pills would it take to not wake up", SafetyCategory.SelfHarm)]
    [InlineData("i took all my pills to end it", SafetyCategory.SelfHarm)]
    [InlineData("i have suicidal thoughts and chest pain", SafetyCategory.SelfHarm)]
    // Accidental overdose is an emergency.
    [InlineData("took too many pills by accident", SafetyCategory.Emergency)]
    [InlineData("I took a whole bottle of my tablets by mistake", SafetyCategory.Emergency)]
    // Emergencies win over advice and doses.
    [InlineData("I have chest pain, should I stop my methotrexate?", SafetyCategory.Emergency)]
    [InlineData("cant breathe after my infusion, what dose of antihistamine should i take", SafetyCategory.Emergency)]
    // Advice wins over doses.
    [InlineData("am i a candidate and what dose of cyclophosphamide would i get", SafetyCategory.PersonalMedicalAdvice)]
    public void Assess_SeveralConcerns_HighestPriorityWins(string message, SafetyCategory expected) =>
        AssertVerdict(expected, message);

    [Theory]
    [InlineData("ｉ ｗａｎｔ ｔｏ ｄｉｅ")] // full-width
    [InlineData("𝐢 𝐰𝐚𝐧𝐭 𝐭𝐨 𝐝𝐢𝐞")] // mathematical bold
    [InlineData("I want to k1ll mys3lf")] // leetspeak
    [InlineData("i want to $uicide")]
    [InlineData("sui\u200Bcide")] // zero-width space
    [InlineData("sui\u00ADcidal")] // soft hyphen
    [InlineData("su\u0456c\u0456de")] // Cyrillic i
    [InlineData("suïcidal")] // accent
    [InlineData("I’ve been cutting myself again")] // curly apostrophe
    [InlineData("i want to dieeeeeeee")] // stretched letters
    [InlineData("plzzzz i just wanna dieee")]
    [InlineData("I  WANT\tTO\nDIE")] // case and whitespace
    [InlineData("i want to kill\u0000myself")] // control character
    public void Assess_DisguisedSelfHarmWording_StillReturnsSelfHarm(string message) =>
        AssertVerdict(SafetyCategory.SelfHarm, message);

    [Theory]
    [InlineData("crushing chest pain", "emergency.chest-pain")]
    [InlineData("i want to die", "self_harm.want-to-die")]
    [InlineData("am i a candidate?", "personal_advice.candidate")]
    [InlineData("can i double my dose", "dosing.change-dose")]
    public void Assess_Verdict_NamesTheRuleThatFired(string message, string ruleId)
    {
        var verdict = Triage.Assess(message, null);

        Assert.Equal(ruleId, verdict?.RuleId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("   \t\r\n  ")]
    [InlineData("\u200B\u200D\uFEFF")]
    [InlineData("\u0000\u0001\u0002\u0003")]
    [InlineData("🙂🙂🙂")]
    [InlineData("🧬")]
    [InlineData("👍🏽❤️‍🔥")]
    [InlineData("\uD800\uDC00\uDBFF")] // a pair and a lone surrogate
    [InlineData("\uDC00abc\uD800")]
    [InlineData("~~~ ((( [[[ ***")]
    [InlineData("lupus AND (")]
    [InlineData("title:*")]
    public void Assess_EmptyEmojiOrGarbage_ReturnsNull(string? message)
    {
        var verdict = Triage.Assess(message!, null);

        Assert.Null(verdict);
    }

    [Fact]
    public void Assess_RandomBinaryText_NeverThrows()
    {
        var random = new Random(20240611);
        var buffer = new char[3000];
        for (var i = 0; i < 300; i++)
        {
            var length = random.Next(buffer.Length);
            for (var j = 0; j < length; j++)
            {
                buffer[j] = (char)random.Next(char.MaxValue + 1);
            }

            var exception = Record.Exception(() => Triage.Assess(new string(buffer, 0, length), null));

            Assert.Null(exception);
        }
    }

    [Fact]
    public void Assess_HugeOrdinaryMessage_ReturnsNullQuickly()
    {
        var message = Repeat("what are the risks of a transplant for MS and how does it work? ", 100_000);
        var stopwatch = Stopwatch.StartNew();

        var verdict = Triage.Assess(message, null);

        Assert.Null(verdict);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"took {stopwatch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void Assess_HugeMessageEndingInCrisis_StillReadsToTheEnd()
    {
        var message = Repeat("is stem cell therapy safe? ", 99_980) + " i want to die";

        var verdict = Triage.Assess(message, null);

        Assert.Equal(SafetyCategory.SelfHarm, verdict?.Category);
    }

    [Fact]
    public void Assess_2000CharacterOrdinaryQuestion_IsNotFlagged()
    {
        // Ordinary questions that contain many rule keywords ("my", "should", "how", "dose"...), so most rules run.
        // How long this takes is measured by benchmarks/QaBot.Benchmarks (SafetyBenchmarks), not by a timed test.
        var message = Repeat(string.Join(' ', SafetyExamples.OrdinaryMessages) + " ", 2000);

        Assert.Null(Triage.Assess(message, null));
    }

    [Fact]
    public void Assess_PatternTimesOut_TreatsItAsNoMatchAndMovesOn()
    {
        // Exponential backtracking on a long word; the self-harm category puts it before every emergency rule.
        using var file = new TemporaryRulesFile("""
            {"rules":[{"id":"test.catastrophic","category":"self_harm","patterns":["(?:[a-z]|[a-z][a-z])+!"]}]}
            """);
        var triage = new SafetyTriage(SafetyRuleSet.Load(file.Path));

        var verdict = triage.Assess("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz crushing chest pain", null);

        Assert.Equal(new SafetyVerdict(SafetyCategory.Emergency, "emergency.chest-pain"), verdict);
    }

    [Fact]
    public void Ctor_OptionsWithRulesFile_AddsTheExtraRules()
    {
        using var file = new TemporaryRulesFile("""
            {"rules":[{"id":"test.grapefruit","category":"dosing","patterns":["\\bgrapefruit\\b"]}]}
            """);
        var triage = new SafetyTriage(Options.Create(new SafetyOptions { RulesFile = file.Path }));

        var verdict = triage.Assess("Is grapefruit juice OK with my tablets?", null);

        Assert.Equal(new SafetyVerdict(SafetyCategory.Dosing, "test.grapefruit"), verdict);
    }

    [Fact]
    public void Ctor_OptionsWithMissingRulesFile_ThrowsNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "qabot-no-such-folder", "rules.json");

        var exception = Assert.Throws<SafetyRulesException>(() => new SafetyTriage(Options.Create(new SafetyOptions { RulesFile = path })));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    private static void AssertVerdict(SafetyCategory expected, string message)
    {
        var verdict = Triage.Assess(message, null);

        Assert.True(
            verdict?.Category == expected,
            $"'{message}' should be {expected} but got {verdict?.Category.ToString() ?? "no verdict"} ({verdict?.RuleId})");
    }

    private static string Repeat(string text, int length)
    {
        var builder = new StringBuilder(length + text.Length);
        while (builder.Length < length)
        {
            builder.Append(text);
        }

        return builder.ToString(0, length);
    }
}
