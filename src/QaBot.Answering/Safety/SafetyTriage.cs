using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace QaBot.Answering.Safety;

/// <summary>
/// Safety triage: rules, then two learned models (<see cref="SafetyExemplars"/>). The message is normalised
/// (<see cref="SafetyTextNormalizer"/>) and the rules (<see cref="SafetyRuleSet"/>) are tried in priority order
/// (self-harm, emergency, personal medical advice, dosing); the first that fires gives the rules' verdict, which the
/// models may only make more urgent (<see cref="SafetyOptions.EscalationThreshold"/>). A message the rules let through
/// is routed by the k-NN classifier on the question vector (when embeddings are on), else by the character n-gram text
/// model on the whole message or, for a long message, on one of its sentences. Fails closed: a pattern that times out
/// twice in a row, or any exception, gives an emergency verdict. Never throws; logs rule ids, never the message.
/// </summary>
public sealed partial class SafetyTriage : ISafetyTriage
{
    /// <summary>The rule id of a verdict given because triage itself failed.</summary>
    public const string ErrorRuleId = "triage.error";

    /// <summary>Interpreted copies of compiled patterns whose compiled code failed (see <see cref="IsMatch"/>).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Regex, Regex> Interpreted = new();

    private const int OrdinaryClass = 4;

    private readonly SafetyRuleSet rules;
    private readonly Func<SafetyModels?> models;
    private readonly SafetyOptions options;
    private readonly ILogger logger;

    /// <summary>Uses the default rules plus the rules of <see cref="SafetyOptions.RulesFile"/>, and the models of the exemplars.</summary>
    /// <exception cref="SafetyRulesException">The extra rules file cannot be loaded.</exception>
    public SafetyTriage(IOptions<SafetyOptions> options, SafetyExemplars? exemplars = null, ILogger<SafetyTriage>? logger = null)
        : this(SafetyRuleSet.Load(options.Value.RulesFile), () => exemplars?.Current, options.Value, logger)
    {
    }

    public SafetyTriage(SafetyRuleSet rules, SafetyExemplars? exemplars = null, ILogger<SafetyTriage>? logger = null)
        : this(rules, () => exemplars?.Current, null, logger)
    {
    }

    /// <param name="rules">The rules.</param>
    /// <param name="models">The current models (they may change between calls), or null.</param>
    /// <param name="options">The thresholds (defaults when null).</param>
    /// <param name="logger">Logs rule ids, never the message.</param>
    internal SafetyTriage(SafetyRuleSet rules, Func<SafetyModels?> models, SafetyOptions? options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(models);
        this.rules = rules;
        this.models = models;
        this.options = options ?? new SafetyOptions();
        this.logger = logger ?? NullLogger.Instance;
    }

    public SafetyVerdict? Assess(string message, float[]? questionVector)
    {
        try
        {
            return AssessCore(message, questionVector, models());
        }
        catch (Exception ex)
        {
            LogTriageFailed(logger, ex.GetType().Name);
            return new SafetyVerdict(SafetyCategory.Emergency, ErrorRuleId) { FailedClosed = true };
        }
    }

    /// <summary>The rules' verdict alone (no models); for measurements.</summary>
    internal SafetyVerdict? AssessRules(string message) => AssessCore(message, null, null);

    /// <summary>Triage with the rules and a given k-NN classifier only (tests and measurements).</summary>
    internal SafetyVerdict? AssessWith(string message, float[]? questionVector, SafetyClassifier? classifier) =>
        AssessWithModels(message, questionVector, classifier is null ? null : new SafetyModels(null, classifier));

    /// <summary>Triage with given models (tests and measurements).</summary>
    internal SafetyVerdict? AssessWithModels(string message, float[]? questionVector, SafetyModels? models) =>
        AssessCore(message, questionVector, models);

    private SafetyVerdict? AssessCore(string message, float[]? questionVector, SafetyModels? models)
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

        Span<float> p = stackalloc float[SafetyTextModel.Classes];
        var textModel = models?.Text;
        textModel?.Probabilities(text, p);
        if (verdict is not null)
        {
            if (textModel is not null && Escalated(verdict.Category, p) is { } urgent)
            {
                LogEscalated(logger, verdict.RuleId, urgent);
                verdict = verdict with { Category = urgent, RuleId = verdict.RuleId + "+text" };
            }
        }
        else if (questionVector is not null && models?.Neighbours is { } neighbours
            && neighbours.Classify(questionVector) is { } routed)
        {
            LogClassifierRouted(logger, routed.Category, routed.ExemplarId);
            verdict = new SafetyVerdict(routed.Category, "classifier:" + routed.ExemplarId);
        }
        else if (textModel is not null && MayRouteByText(text, questionVector, models!.Neighbours) && ByText(textModel, message, p) is { } category)
        {
            LogTextModelRouted(logger, category);
            verdict = new SafetyVerdict(category, "text-model");
        }

        return verdict is null ? null : verdict with { Language = verdict.Language ?? SafetyLanguage.Detect(text) };
    }

    /// <summary>A more urgent category than the rule's, when the text model is confident of it; else null.</summary>
    private SafetyCategory? Escalated(SafetyCategory ruled, ReadOnlySpan<float> p)
    {
        var threshold = options.EscalationThreshold;
        if (ruled != SafetyCategory.SelfHarm && p[(int)SafetyCategory.SelfHarm] >= threshold)
        {
            return SafetyCategory.SelfHarm;
        }

        return ruled is SafetyCategory.PersonalMedicalAdvice or SafetyCategory.Dosing && p[(int)SafetyCategory.Emergency] >= threshold
            ? SafetyCategory.Emergency
            : null;
    }

    /// <summary>
    /// With embeddings on, the text model routes an English message only when the k-NN classifier also leans to a
    /// safety category (<see cref="SafetyOptions.TextModelNeighbourGate"/>); the English encoder cannot judge other
    /// languages, so there, and with embeddings off, the text model decides alone. A message of one or two words is
    /// never routed by the text model.
    /// </summary>
    private bool MayRouteByText(string text, float[]? questionVector, SafetyClassifier? neighbours)
    {
        // Character n-grams of one or two words say little ("and ms?", a follow-up): the rules judge those alone.
        if (WordCount(text) < MinTextModelWords)
        {
            return false;
        }

        if (questionVector is null || neighbours is null || SafetyLanguage.Detect(text) is not null)
        {
            return true;
        }

        var lean = neighbours.Lean(questionVector);
        return float.IsNaN(lean) || lean >= options.TextModelNeighbourGate;
    }

    private const int MinTextModelWords = 3;

    private static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    /// <summary>The text model's category for the whole message or, for a long one, its most alarming sentence.</summary>
    private SafetyCategory? ByText(SafetyTextModel model, string message, Span<float> whole)
    {
        if (1 - whole[OrdinaryClass] >= options.TextModelThreshold)
        {
            return MostLikely(whole);
        }

        Span<float> p = stackalloc float[SafetyTextModel.Classes];
        foreach (var sentence in SafetySentences.Split(message))
        {
            model.Probabilities(SafetyTextNormalizer.Normalize(sentence), p);
            if (1 - p[OrdinaryClass] >= options.TextModelSentenceThreshold)
            {
                return MostLikely(p);
            }
        }

        return null;
    }

    private static SafetyCategory MostLikely(ReadOnlySpan<float> p)
    {
        var best = 0;
        for (var k = 1; k < OrdinaryClass; k++)
        {
            if (p[k] > p[best])
            {
                best = k;
            }
        }

        return (SafetyCategory)best;
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

    [LoggerMessage(EventId = 2206, Level = LogLevel.Debug, Message = "Safety text model routed a message ({Category})")]
    private static partial void LogTextModelRouted(ILogger logger, SafetyCategory category);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Debug, Message = "Safety rule {RuleId} escalated to {Category} by the text model")]
    private static partial void LogEscalated(ILogger logger, string ruleId, SafetyCategory category);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Error, Message = "Safety triage failed ({Error}); the message is treated as urgent")]
    private static partial void LogTriageFailed(ILogger logger, string error);
}
