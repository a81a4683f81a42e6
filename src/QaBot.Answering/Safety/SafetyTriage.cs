using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace QaBot.Answering.Safety;

/// <summary>
/// Safety triage by rules (<see cref="SafetyRuleSet"/>): the message is normalised
/// (<see cref="SafetyTextNormalizer"/>), then the rules are tried in priority order (self-harm, emergency, personal
/// medical advice, dosing) and the first that fires gives the verdict. A pattern that times out twice in a row counts
/// as not matching (an "unless" pattern that times out therefore lets its rule fire). Never throws; logs rule ids,
/// never the message.
/// </summary>
public sealed partial class SafetyTriage : ISafetyTriage
{
    private readonly SafetyRuleSet rules;
    private readonly ILogger logger;

    /// <summary>Uses the default rules plus the rules of <see cref="SafetyOptions.RulesFile"/>, if set.</summary>
    /// <exception cref="SafetyRulesException">The extra rules file cannot be loaded.</exception>
    public SafetyTriage(IOptions<SafetyOptions> options, ILogger<SafetyTriage>? logger = null)
        : this(SafetyRuleSet.Load(options.Value.RulesFile), logger)
    {
    }

    public SafetyTriage(SafetyRuleSet rules, ILogger<SafetyTriage>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        this.rules = rules;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public SafetyVerdict? Assess(string message, float[]? questionVector)
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

        foreach (var rule in rules.Rules)
        {
            if (rule.MayMatch(text) && AnyMatch(rule, rule.Patterns, text) && !AnyMatch(rule, rule.Unless, text))
            {
                LogRuleFired(logger, rule.Id, rule.Category);
                return new SafetyVerdict(rule.Category, rule.Id);
            }
        }

        return null;
    }

    private bool AnyMatch(SafetyRule rule, IReadOnlyList<Regex> patterns, string text)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            if (IsMatch(rule, i, patterns[i], text))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsMatch(SafetyRule rule, int index, Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // The first run of a compiled pattern may include jitting, or the machine stalled: one more try.
        }

        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException ex)
        {
            LogPatternTimedOut(logger, rule.Id, index + 1, ex.MatchTimeout.TotalMilliseconds);
            return false;
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Safety rule {RuleId} fired ({Category})")]
    private static partial void LogRuleFired(ILogger logger, string ruleId, SafetyCategory category);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning,
        Message = "Safety rule {RuleId}: pattern #{Pattern} timed out after {TimeoutMs} ms and was treated as not matching")]
    private static partial void LogPatternTimedOut(ILogger logger, string ruleId, int pattern, double timeoutMs);
}
