using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace QaBot.Answering.Safety;

/// <summary>
/// Safety triage: rules OR the embedding classifier. The message is normalised (<see cref="SafetyTextNormalizer"/>)
/// and the rules (<see cref="SafetyRuleSet"/>) are tried in priority order (self-harm, emergency, personal medical
/// advice, dosing); the first that fires gives the rules' verdict. When a question vector and a classifier
/// (<see cref="SafetyExemplars"/>) are there, the classifier may route a message the rules let through; it never
/// vetoes or changes a rule's verdict. Fails closed: a pattern that times out twice in a
/// row, or any exception, gives an emergency verdict. Never throws; logs rule ids, never the message.
/// </summary>
public sealed partial class SafetyTriage : ISafetyTriage
{
    /// <summary>The rule id of a verdict given because triage itself failed.</summary>
    public const string ErrorRuleId = "triage.error";

    /// <summary>Interpreted copies of compiled patterns whose compiled code failed (see <see cref="IsMatch"/>).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Regex, Regex> Interpreted = new();

    private readonly SafetyRuleSet rules;
    private readonly Func<SafetyClassifier?> classifier;
    private readonly ILogger logger;

    /// <summary>Uses the default rules plus the rules of <see cref="SafetyOptions.RulesFile"/>, and the classifier of the exemplars.</summary>
    /// <exception cref="SafetyRulesException">The extra rules file cannot be loaded.</exception>
    public SafetyTriage(IOptions<SafetyOptions> options, SafetyExemplars? exemplars = null, ILogger<SafetyTriage>? logger = null)
        : this(SafetyRuleSet.Load(options.Value.RulesFile), exemplars, logger)
    {
    }

    public SafetyTriage(SafetyRuleSet rules, SafetyExemplars? exemplars = null, ILogger<SafetyTriage>? logger = null)
        : this(rules, () => exemplars?.Current, logger)
    {
    }

    /// <param name="rules">The rules.</param>
    /// <param name="classifier">The current classifier (it may change between calls), or null.</param>
    /// <param name="logger">Logs rule ids, never the message.</param>
    internal SafetyTriage(SafetyRuleSet rules, Func<SafetyClassifier?> classifier, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(classifier);
        this.rules = rules;
        this.classifier = classifier;
        this.logger = logger ?? NullLogger.Instance;
    }

    public SafetyVerdict? Assess(string message, float[]? questionVector)
    {
        try
        {
            return AssessCore(message, questionVector, classifier());
        }
        catch (Exception ex)
        {
            LogTriageFailed(logger, ex.GetType().Name);
            return new SafetyVerdict(SafetyCategory.Emergency, ErrorRuleId) { FailedClosed = true };
        }
    }

    /// <summary>The rules' verdict alone (no classifier); for measurements.</summary>
    internal SafetyVerdict? AssessRules(string message) => AssessCore(message, null, null);

    /// <summary>Triage with a given classifier (tests and measurements).</summary>
    internal SafetyVerdict? AssessWith(string message, float[]? questionVector, SafetyClassifier? classifier) =>
        AssessCore(message, questionVector, classifier);

    private SafetyVerdict? AssessCore(string message, float[]? questionVector, SafetyClassifier? classifier)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var text = SafetyTextNormalizer.Normalize(message);
        if (text.Length == 0)
        {
            return null;
        }

        var verdict = ByRules(text);
        if (verdict is { FailedClosed: true })
        {
            return verdict;
        }

        if (verdict is null && questionVector is not null && classifier is not null
            && classifier.Classify(questionVector) is { } routed)
        {
            LogClassifierRouted(logger, routed.Category, routed.ExemplarId);
            verdict = new SafetyVerdict(routed.Category, "classifier:" + routed.ExemplarId);
        }

        return verdict is null ? null : verdict with { Language = verdict.Language ?? SafetyLanguage.Detect(text) };
    }

    private SafetyVerdict? ByRules(string text)
    {
        foreach (var rule in rules.Rules)
        {
            if (!rule.MayMatch(text))
            {
                continue;
            }

            var matched = AnyMatch(rule, rule.Patterns, text);
            if (matched is null)
            {
                return FailClosed(rule);
            }

            if (matched is false)
            {
                continue;
            }

            var excepted = AnyMatch(rule, rule.Unless, text);
            if (excepted is true)
            {
                continue;
            }

            // An "unless" pattern that timed out cannot clear the message: the rule fires.
            LogRuleFired(logger, rule.Id, rule.Category);
            return new SafetyVerdict(rule.Category, rule.Id) { Language = rule.Language };
        }

        return null;
    }

    private SafetyVerdict FailClosed(SafetyRule rule) =>
        new(SafetyCategory.Emergency, rule.Id + "#timeout") { Language = rule.Language, FailedClosed = true };

    /// <summary>True or false; null when a pattern timed out twice (the caller fails closed).</summary>
    private bool? AnyMatch(SafetyRule rule, IReadOnlyList<Regex> patterns, string text)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            var match = IsMatch(rule, i, patterns[i], text);
            if (match is not false)
            {
                return match;
            }
        }

        return false;
    }

    private bool? IsMatch(SafetyRule rule, int index, Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // The first run of a compiled pattern may include jitting, or the machine stalled: one more try.
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or InvalidOperationException or NullReferenceException)
        {
            // The .NET 10 regex compiler emits code that throws IndexOutOfRangeException for some patterns and inputs
            // (seen with dosing.how-much #2); the interpreter matches them correctly. Try the interpreted twin.
            LogCompiledPatternFailed(logger, rule.Id, index + 1, ex.GetType().Name);
            pattern = Interpreted.GetOrAdd(pattern, static p => new Regex(p.ToString(), p.Options & ~RegexOptions.Compiled, p.MatchTimeout));
        }

        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException ex)
        {
            LogPatternTimedOut(logger, rule.Id, index + 1, ex.MatchTimeout.TotalMilliseconds);
            return null;
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Safety rule {RuleId} fired ({Category})")]
    private static partial void LogRuleFired(ILogger logger, string ruleId, SafetyCategory category);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning,
        Message = "Safety rule {RuleId}: pattern #{Pattern} timed out after {TimeoutMs} ms; the message is treated as urgent")]
    private static partial void LogPatternTimedOut(ILogger logger, string ruleId, int pattern, double timeoutMs);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Warning,
        Message = "Safety rule {RuleId}: compiled pattern #{Pattern} failed ({Error}); matching it interpreted")]
    private static partial void LogCompiledPatternFailed(ILogger logger, string ruleId, int pattern, string error);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Debug, Message = "Safety classifier routed a message ({Category}, nearest exemplar {ExemplarId})")]
    private static partial void LogClassifierRouted(ILogger logger, SafetyCategory category, string exemplarId);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Error, Message = "Safety triage failed ({Error}); the message is treated as urgent")]
    private static partial void LogTriageFailed(ILogger logger, string error);
}
