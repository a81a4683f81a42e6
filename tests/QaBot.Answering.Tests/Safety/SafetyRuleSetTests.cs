using System.Text.RegularExpressions;
using QaBot.Answering.Safety;

namespace QaBot.Answering.Tests.Safety;

public sealed class SafetyRuleSetTests
{
    [Fact]
    public void Default_EmbeddedRules_CoverEveryCategory()
    {
        var categories = SafetyRuleSet.Default.Rules.Select(r => r.Category).ToHashSet();

        Assert.Equal(Enum.GetValues<SafetyCategory>().ToHashSet(), categories);
        Assert.All(SafetyRuleSet.Default.Rules, r => Assert.Equal(SafetyRuleSet.DefaultRulesSource, r.Source));
    }

    [Fact]
    public void Default_Rules_AreInPriorityOrder()
    {
        var order = SafetyRuleSet.Default.Rules.Select(r => r.Category).Distinct().ToList();

        Assert.Equal(
            [SafetyCategory.SelfHarm, SafetyCategory.Emergency, SafetyCategory.PersonalMedicalAdvice, SafetyCategory.Dosing],
            order);
    }

    [Fact]
    public void Default_Patterns_AreCaseInsensitiveCultureInvariantAndTimeLimited()
    {
        var patterns = SafetyRuleSet.Default.Rules.SelectMany(r => r.Patterns.Concat(r.Unless)).ToList();

        Assert.NotEmpty(patterns);
        Assert.All(patterns, p =>
        {
            Assert.True(p.Options.HasFlag(RegexOptions.IgnoreCase));
            Assert.True(p.Options.HasFlag(RegexOptions.CultureInvariant));
            Assert.Equal(SafetyRuleSet.MatchTimeout, p.MatchTimeout);
        });
    }

    [Fact]
    public void Default_Keywords_NeverHideAPatternMatchInTheExamples()
    {
        // Keywords only skip work: wherever a pattern matches an example, the rule's keyword filter must let it through.
        var examples = SafetyExamples.All.Select(SafetyTextNormalizer.Normalize).ToList();

        foreach (var rule in SafetyRuleSet.Default.Rules)
        {
            // Interpreted copies without a time limit: a busy test machine must not turn a match into a miss here.
            var patterns = rule.Patterns.Select(p => new Regex(p.ToString(), p.Options & ~RegexOptions.Compiled)).ToList();
            foreach (var text in examples.Where(text => patterns.Any(p => p.IsMatch(text))))
            {
                Assert.True(rule.MayMatch(text), $"The keywords of {rule.Id} hide its match in '{text}'.");
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Load_NoExtraFile_ReturnsTheDefaults(string? extraRulesFile)
    {
        var rules = SafetyRuleSet.Load(extraRulesFile);

        Assert.Same(SafetyRuleSet.Default, rules);
    }

    [Fact]
    public void Load_ExtraRulesFile_AddsItsRulesToTheDefaults()
    {
        using var file = new TemporaryRulesFile("""
            {
              // Comments and trailing commas are fine for moderators.
              "rules": [
                {
                  "id": "local.grapefruit",
                  "category": "dosing",
                  "description": "Interactions are for the pharmacist.",
                  "keywords": ["grapefruit"],
                  "patterns": ["\\bgrapefruit\\b"],
                  "unless": ["\\bgrapefruit seed\\b"],
                },
              ],
            }
            """);

        var rules = SafetyRuleSet.Load(file.Path);
        var triage = new SafetyTriage(rules);

        Assert.Equal(SafetyRuleSet.Default.Rules.Count + 1, rules.Rules.Count);
        Assert.Equal(new SafetyVerdict(SafetyCategory.Dosing, "local.grapefruit"), triage.Assess("can I have grapefruit juice?", null));
        Assert.Null(triage.Assess("what is grapefruit seed extract?", null));
        Assert.Equal(SafetyCategory.Emergency, triage.Assess("crushing chest pain", null)?.Category);
        Assert.Equal(file.Path, rules.Rules.Single(r => r.Id == "local.grapefruit").Source);
    }

    [Fact]
    public void Load_ExtraSelfHarmRule_RunsBeforeTheDefaultEmergencyRules()
    {
        using var file = new TemporaryRulesFile("""
            {"rules":[{"id":"local.goodbye","category":"self_harm","patterns":["\\bgoodbye forever\\b"]}]}
            """);

        var triage = new SafetyTriage(SafetyRuleSet.Load(file.Path));

        Assert.Equal("local.goodbye", triage.Assess("crushing chest pain, goodbye forever", null)?.RuleId);
    }

    [Theory]
    [InlineData("{\"rules\":[{\"id\":\"a\",")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"rules\":{}}")]
    public void Load_MalformedJson_ThrowsNamingTheFile(string content)
    {
        using var file = new TemporaryRulesFile(content);

        var exception = Assert.Throws<SafetyRulesException>(() => SafetyRuleSet.Load(file.Path));

        Assert.Contains($"'{file.Path}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("not valid rules JSON", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoRulesArray_ThrowsNamingTheFile()
    {
        using var file = new TemporaryRulesFile("{}");

        var exception = Assert.Throws<SafetyRulesException>(() => SafetyRuleSet.Load(file.Path));

        Assert.Equal([$"Safety rules file '{file.Path}' has no \"rules\" array."], exception.Problems);
    }

    [Fact]
    public void Load_InvalidRegex_ThrowsNamingTheFileAndRuleId()
    {
        using var file = new TemporaryRulesFile("""
            {"rules":[
              {"id":"local.fine","category":"dosing","patterns":["\\bfine\\b"]},
              {"id":"local.broken","category":"emergency","patterns":["\\bok\\b","(unclosed"]}
            ]}
            """);

        var exception = Assert.Throws<SafetyRulesException>(() => SafetyRuleSet.Load(file.Path));

        var problem = Assert.Single(exception.Problems);
        Assert.StartsWith($"Safety rules file '{file.Path}', rule 'local.broken': pattern #2 is not a valid regular expression", problem, StringComparison.Ordinal);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidUnlessRegex_ThrowsNamingTheRuleId()
    {
        using var file = new TemporaryRulesFile("""
            {"rules":[{"id":"local.unless","category":"dosing","patterns":["dose"],"unless":["[z-a]"]}]}
            """);

        var exception = Assert.Throws<SafetyRulesException>(() => SafetyRuleSet.Load(file.Path));

        Assert.Contains("rule 'local.unless': unless pattern #1 is not a valid regular expression", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownCategory_ThrowsListingTheValidOnes()
    {
        using var file = new TemporaryRulesFile("""
            {"rules":[{"id":"local.cat","category":"selfharm","patterns":["x"]}]}
            """);

        var exception = Assert.Throws<SafetyRulesException>(() => SafetyRuleSet.Load(file.Path));

        Assert.Contains(
            "rule 'local.cat': unknown category 'selfharm' (expected emergency, self_harm, personal_medical_advice or dosing)",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspelledProperty_ThrowsNamingIt()
    {
        using var file = new TemporaryRulesFile("""
            {"rules":[{"id":"local.typo","category":"dosing","paterns":["x"]}]}
            """);

        var exception = Assert.Throws<SafetyRulesException>(() => SafetyRuleSet.Load(file.Path));

        Assert.Contains("paterns", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "qabot-" + Guid.NewGuid().ToString("N"), "rules.json");

        var exception = Assert.Throws<SafetyRulesException>(() => SafetyRuleSet.Load(path));

        Assert.Equal([$"Safety rules file '{path}' was not found."], exception.Problems);
    }

    [Fact]
    public void Load_SeveralBadRules_ListsEveryProblemInOneMessage()
    {
        using var file = new TemporaryRulesFile("""
            {"rules":[
              {"category":"dosing","patterns":["x"]},
              {"id":"emergency.chest-pain","category":"emergency","patterns":["x"]},
              {"id":"local.empty","category":"dosing","patterns":[]},
              {"id":"local.blank","category":"dosing","patterns":["ok", " "],"keywords":[""]},
              null
            ]}
            """);

        var exception = Assert.Throws<SafetyRulesException>(() => SafetyRuleSet.Load(file.Path));

        var prefix = $"Safety rules file '{file.Path}', rule ";
        Assert.Equal(
            [
                prefix + "#1 has no \"id\".",
                prefix + "'emergency.chest-pain': the id is used by another rule (ids must be unique across the default and extra rules).",
                prefix + "'local.empty' has no \"patterns\".",
                prefix + "'local.blank': keyword #1 is empty.",
                prefix + "'local.blank': pattern #2 is empty.",
                prefix + "#5 is null.",
            ],
            exception.Problems);
        Assert.StartsWith("The safety rules could not be loaded (6 problems):", exception.Message, StringComparison.Ordinal);
        Assert.All(exception.Problems, p => Assert.Contains(p, exception.Message, StringComparison.Ordinal));
    }
}
