using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace QaBot.Answering.Safety;

/// <summary>
/// The safety rules: the defaults embedded from <c>Safety/DefaultSafetyRules.json</c>, plus the rules of an optional
/// extra file. Rules are kept in priority order (self-harm, emergency, personal medical advice, dosing; file order
/// within a category), so the first rule that fires gives the verdict.
/// </summary>
/// <remarks>
/// File shape: <c>{"rules":[{"id":"emergency.chest-pain","category":"emergency","description":"...",
/// "keywords":["chest"],"patterns":["..."],"unless":["..."]}]}</c>. Categories: <c>emergency</c>, <c>self_harm</c>,
/// <c>personal_medical_advice</c>, <c>dosing</c>. A rule may name its "language" (<c>es</c>, <c>fr</c>...; default
/// English), and a file may add <c>"language_notes":{"es":"Si estás en peligro, llama ..."}</c>: the line shown
/// under a safety reply to a rule of that language. A rule fires when any pattern matches and no "unless" pattern does.
/// Patterns are .NET regular expressions, matched case-insensitively against the normalised message (lowercase,
/// single spaces, no apostrophes, hyphens as spaces; see <see cref="SafetyTextNormalizer"/>). "keywords" (optional)
/// is a speed-up: the patterns are tried only when the normalised message contains one of the keywords
/// (case-insensitive substrings), so every match of every pattern must contain one. "id", "category" and "patterns" are required; "description", "keywords" and "unless"
/// are optional. Comments and trailing commas are allowed; unknown properties are errors.
/// </remarks>
public sealed class SafetyRuleSet
{
    /// <summary>The manifest name of the embedded default rules.</summary>
    public const string DefaultRulesResource = "QaBot.Answering.DefaultSafetyRules.json";

    /// <summary>How problems in the embedded defaults are attributed.</summary>
    public const string DefaultRulesSource = "embedded DefaultSafetyRules.json";

    /// <summary>The manifest name of the embedded rules for other languages (es, fr, de, pt, it).</summary>
    public const string DefaultLanguageRulesResource = "QaBot.Answering.DefaultLanguageRules.json";

    /// <summary>How problems in the embedded language rules are attributed.</summary>
    public const string DefaultLanguageRulesSource = "embedded DefaultLanguageRules.json";

    /// <summary>The options every pattern is compiled with.</summary>
    public const RegexOptions PatternOptions =
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled;

    private const string WarmUpText =
        "i think my chest hurts and i cant breathe, should i stop my meds? how many mg of my dose would help me " +
        "if i am a candidate for a transplant; my doctor says no but i want to know what is right for me now. " +
        "he is not waking up, she took all the pills by accident and we are having a hard time, is it ok to take it";

    /// <summary>
    /// A pattern that takes longer than this on one message (the compiled and then the interpreted form) makes the triage
    /// fail closed (the emergency reply). Generous, because the clock runs while a thread waits for a CPU: at 100 ms a
    /// loaded machine (load average 30-50 on 2 cores) timed out ordinary messages and answered them as emergencies. A
    /// pattern that really is that slow is still caught, and the question turn's own triage deadline bounds the whole.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(500);

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<SafetyRuleSet> DefaultRules = new(LoadDefaults);

    private SafetyRuleSet(IReadOnlyList<SafetyRule> rules, IReadOnlyDictionary<string, string> languageNotes)
    {
        Rules = rules;
        LanguageNotes = languageNotes;
    }

    /// <summary>The rules in priority order.</summary>
    public IReadOnlyList<SafetyRule> Rules { get; }

    /// <summary>
    /// Per language code (<c>es</c>, <c>fr</c>...), one line in that language telling the person to call their local
    /// emergency number; shown under a safety reply to a rule of that language.
    /// </summary>
    public IReadOnlyDictionary<string, string> LanguageNotes { get; }

    /// <summary>The embedded default rules (loaded once per process).</summary>
    public static SafetyRuleSet Default => DefaultRules.Value;

    /// <summary>
    /// The default rules plus, when <paramref name="extraRulesFile"/> is set, the rules of that file.
    /// </summary>
    /// <exception cref="SafetyRulesException">
    /// The file is missing, unreadable or not valid JSON, or a rule has no id, a repeated id, an unknown category, no
    /// patterns or an invalid pattern. The message lists every problem with its file and rule id.
    /// </exception>
    public static SafetyRuleSet Load(string? extraRulesFile)
    {
        if (string.IsNullOrWhiteSpace(extraRulesFile))
        {
            return Default;
        }

        var problems = new List<string>();
        var rules = new List<SafetyRule>(Default.Rules);
        var notes = new Dictionary<string, string>(Default.LanguageNotes, StringComparer.OrdinalIgnoreCase);
        var ids = new HashSet<string>(rules.Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
        string? json = null;
        try
        {
            json = File.ReadAllText(extraRulesFile);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            problems.Add($"Safety rules file '{extraRulesFile}' was not found.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            problems.Add($"Safety rules file '{extraRulesFile}' could not be read: {ex.Message}");
        }

        if (json is not null)
        {
            Parse(json, extraRulesFile, rules, notes, ids, problems);
        }

        if (problems.Count > 0)
        {
            throw new SafetyRulesException(problems);
        }

        return new SafetyRuleSet(InPriorityOrder(rules), notes);
    }

    /// <summary>Lower comes first: self-harm, emergency, personal medical advice, dosing.</summary>
    internal static int Priority(SafetyCategory category) => category switch
    {
        SafetyCategory.SelfHarm => 0,
        SafetyCategory.Emergency => 1,
        SafetyCategory.PersonalMedicalAdvice => 2,
        _ => 3,
    };

    private static SafetyRuleSet LoadDefaults()
    {
        var problems = new List<string>();
        var rules = new List<SafetyRule>();
        var notes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Parse(ReadResource(DefaultRulesResource), DefaultRulesSource, rules, notes, ids, problems);
        Parse(ReadResource(DefaultLanguageRulesResource), DefaultLanguageRulesSource, rules, notes, ids, problems);
        if (problems.Count > 0)
        {
            throw new SafetyRulesException(problems);
        }

        return new SafetyRuleSet(InPriorityOrder(rules), notes);
    }

    private static string ReadResource(string name)
    {
        var assembly = typeof(SafetyRuleSet).Assembly;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new SafetyRulesException([$"The resource '{name}' is missing from {assembly.GetName().Name}."]);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static SafetyRule[] InPriorityOrder(List<SafetyRule> rules) =>
        [.. rules.OrderBy(r => Priority(r.Category))]; // stable: file order within a category

    private static void Parse(
        string json, string source, List<SafetyRule> rules, Dictionary<string, string> notes, HashSet<string> ids, List<string> problems)
    {
        SafetyRulesDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<SafetyRulesDocument>(json, SerializerOptions);
        }
        catch (JsonException ex)
        {
            problems.Add($"Safety rules file '{source}' is not valid rules JSON: {ex.Message}");
            return;
        }

        if (document?.Rules is null)
        {
            problems.Add($"Safety rules file '{source}' has no \"rules\" array.");
            return;
        }

        foreach (var (language, note) in document.LanguageNotes ?? [])
        {
            if (string.IsNullOrWhiteSpace(language) || string.IsNullOrWhiteSpace(note))
            {
                problems.Add($"Safety rules file '{source}': language note '{language}' needs a language code and a text.");
                continue;
            }

            notes[language.Trim()] = note.Trim();
        }

        for (var i = 0; i < document.Rules.Count; i++)
        {
            var definition = document.Rules[i];
            var id = definition?.Id?.Trim();
            var where = string.IsNullOrEmpty(id)
                ? $"Safety rules file '{source}', rule #{i + 1}"
                : $"Safety rules file '{source}', rule '{id}'";
            if (definition is null)
            {
                problems.Add($"{where} is null.");
                continue;
            }

            var count = problems.Count;
            if (string.IsNullOrEmpty(id))
            {
                problems.Add($"{where} has no \"id\".");
            }
            else if (!ids.Add(id))
            {
                problems.Add($"{where}: the id is used by another rule (ids must be unique across the default and extra rules).");
            }

            var category = ParseCategory(definition.Category);
            if (category is null)
            {
                problems.Add($"{where}: unknown category '{definition.Category}' (expected emergency, self_harm, personal_medical_advice or dosing).");
            }

            if (definition.Patterns is not { Count: > 0 })
            {
                problems.Add($"{where} has no \"patterns\".");
            }

            var keywords = definition.Keywords ?? [];
            for (var k = 0; k < keywords.Count; k++)
            {
                if (string.IsNullOrEmpty(keywords[k]))
                {
                    problems.Add($"{where}: keyword #{k + 1} is empty.");
                }
            }

            var warmUpText = WarmUpText + " " + string.Join(" ", keywords);
            var patterns = Compile(definition.Patterns, "pattern", where, warmUpText, problems);
            var unless = Compile(definition.Unless, "unless pattern", where, warmUpText, problems);

            if (problems.Count == count && id is not null && category is SafetyCategory known)
            {
                rules.Add(new SafetyRule
                {
                    Id = id,
                    Category = known,
                    Patterns = patterns,
                    Unless = unless,
                    Keywords = [.. keywords.OfType<string>()],
                    Language = string.IsNullOrWhiteSpace(definition.Language) ? null : definition.Language.Trim().ToLowerInvariant(),
                    Source = source,
                });
            }
        }
    }

    private static Regex[] Compile(List<string?>? patterns, string kind, string where, string warmUpText, List<string> problems)
    {
        if (patterns is null)
        {
            return [];
        }

        var compiled = new List<Regex>(patterns.Count);
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            if (string.IsNullOrWhiteSpace(pattern))
            {
                problems.Add($"{where}: {kind} #{i + 1} is empty.");
                continue;
            }

            Regex regex;
            try
            {
                regex = new Regex(pattern, PatternOptions, MatchTimeout);
            }
            catch (ArgumentException ex)
            {
                problems.Add($"{where}: {kind} #{i + 1} is not a valid regular expression: {ex.Message}");
                continue;
            }

            WarmUp(regex, warmUpText);
            compiled.Add(regex);
        }

        return [.. compiled];
    }

    /// <summary>
    /// Runs a compiled pattern once on text with common words and the rule's keywords, so that its code is mostly
    /// jitted now and not inside the first real match, where jitting would count against <see cref="MatchTimeout"/>.
    /// </summary>
    private static void WarmUp(Regex regex, string text)
    {
        try
        {
            regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // Only the jitting was slow; real matches are timed afresh.
        }
    }

    private static SafetyCategory? ParseCategory(string? category) => category?.Trim().ToLowerInvariant() switch
    {
        "emergency" => SafetyCategory.Emergency,
        "self_harm" => SafetyCategory.SelfHarm,
        "personal_medical_advice" => SafetyCategory.PersonalMedicalAdvice,
        "dosing" => SafetyCategory.Dosing,
        _ => null,
    };
}
