using System.ComponentModel.DataAnnotations;

namespace QaBot.Answering.Safety;

/// <summary>
/// Safety triage and the safety replies. Section <c>QaBot:Safety</c>. Validated at start-up: a rules file that is
/// missing, malformed or holds an invalid pattern stops the host with one message listing every problem.
/// </summary>
public sealed class SafetyOptions : IValidatableObject
{
    public const string SectionName = "QaBot:Safety";

    /// <summary>
    /// Optional JSON file of extra safety rules, in the same shape as the embedded defaults
    /// (<c>Safety/DefaultSafetyRules.json</c>). Its rules are added to the defaults; ids must not repeat. Default: none.
    /// </summary>
    public string? RulesFile { get; set; }

    /// <summary>
    /// The contacts used when none are configured, per region: US emergency services (911) and the 988 Suicide &amp;
    /// Crisis Lifeline; EU emergency services (112).
    /// </summary>
    public static IReadOnlyList<CrisisContact> DefaultCrisisContacts { get; } =
    [
        new CrisisContact
        {
            Name = "Emergency services",
            Contact = "call 911",
            Phone = "911",
            Region = "US",
            Kind = ContactKind.Emergency,
        },
        new CrisisContact
        {
            Name = "988 Suicide & Crisis Lifeline",
            Contact = "call or text 988",
            Phone = "988",
            Region = "US",
            Kind = ContactKind.Crisis,
        },
        new CrisisContact
        {
            Name = "Emergency services",
            Contact = "call 112",
            Phone = "112",
            Region = "EU",
            Kind = ContactKind.Emergency,
        },
    ];

    /// <summary>
    /// Listed under emergency and self-harm replies. Empty (the default) means <see cref="DefaultCrisisContacts"/>;
    /// configured contacts replace the defaults, so a deployment outside the US lists its own lines (and its
    /// emergency number).
    /// </summary>
    public List<CrisisContact> CrisisContacts { get; set; } = [];

    /// <summary>The configured contacts, or the defaults when none are configured.</summary>
    public IReadOnlyList<CrisisContact> EffectiveCrisisContacts => CrisisContacts.Count > 0 ? CrisisContacts : DefaultCrisisContacts;

    /// <summary>
    /// The labelled example messages of the embedding classifier (JSONL, one
    /// <c>{"id","question","kind":"safety"|"ordinary","category"}</c> a line), relative to the content root. Reloaded
    /// while the bot runs when it changes; a broken file keeps the last good examples. A missing file, or embeddings
    /// off, leaves the rules to decide alone. Default <c>knowledge/safety/exemplars.jsonl</c>.
    /// </summary>
    public string? ExemplarsFile { get; set; } = "knowledge/safety/exemplars.jsonl";

    /// <summary>How often the exemplar file's size and time are compared to reload it. Default 2 seconds; 1 second to 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "QaBot:Safety:ExemplarsPollInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan ExemplarsPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Classifier: how many nearest examples of each category are averaged. Default 5 (see the README's measurements).</summary>
    [Range(1, 20)]
    public int ClassifierNeighbours { get; set; } = 5;

    /// <summary>Classifier: the least similarity (cosine) of a safety category's nearest examples. Default 0.60.</summary>
    [Range(0.0, 1.0)]
    public double ClassifierMinSimilarity { get; set; } = 0.60;

    /// <summary>
    /// Classifier: how much more similar a message must be to a safety category's examples than to the ordinary
    /// examples before the classifier routes it. Default 0.06 (see the README's measurements).
    /// </summary>
    [Range(-1.0, 1.0)]
    public double ClassifierMargin { get; set; } = 0.06;

    /// <summary>
    /// Text model: a message the rules and the k-NN classifier let through is routed when the model's probability that
    /// it is not ordinary is at least this. Default 0.70 (chosen by cross-validation on the train split and the dev set;
    /// see the README's measurements).
    /// </summary>
    [Range(0.0, 1.0)]
    public double TextModelThreshold { get; set; } = 0.70;

    /// <summary>
    /// Text model, embeddings on: an English message is routed by the text model only when its k nearest safety
    /// examples are on average at least this much more similar than its k nearest ordinary ones (the k-NN "lean").
    /// Other languages, and every message when embeddings are off, are judged by the text model alone. Default 0.0.
    /// </summary>
    [Range(-1.0, 1.0)]
    public double TextModelNeighbourGate { get; set; } = 0.0;

    /// <summary>
    /// Text model, long messages: a message of two or more sentences is also routed when one sentence alone reaches
    /// this probability of not being ordinary (a risk buried in a rambling message). Default 0.97.
    /// </summary>
    [Range(0.0, 1.0)]
    public double TextModelSentenceThreshold { get; set; } = 0.97;

    /// <summary>
    /// Escalation: when a rule gives a less urgent category (dosing, personal advice, emergency) and the text model
    /// gives self-harm (or, over dosing and personal advice, emergency) at least this probability, the more urgent
    /// category is replied. The models never clear or soften a rule's verdict. Default 0.70.
    /// </summary>
    [Range(0.0, 1.0)]
    public double EscalationThreshold { get; set; } = 0.70;

    /// <summary>Reply to a possible medical emergency (chest pain, stroke signs, trouble breathing, fever after a transplant...).</summary>
    [Required]
    [MinLength(20)]
    public string EmergencyText { get; set; } =
        "This could be a medical emergency. Please call your local emergency number now (911 US / 112 EU) or go to " +
        "the nearest emergency department. If you have had a stem cell transplant or infusion, tell them. " +
        "Please don't wait for an answer from me.";

    /// <summary>Reply to a message about suicide or self-harm.</summary>
    [Required]
    [MinLength(20)]
    public string SelfHarmText { get; set; } =
        "Please reach out to a crisis line now: in the US, call or text 988. You are not alone, and I'm really glad " +
        "you said something; you deserve support right now. If you are in danger or have hurt yourself, call your " +
        "local emergency number (911 US / 112 EU) now. If you can, let someone you trust know how you're feeling.";

    /// <summary>Kind refusal of advice about the person's own treatment.</summary>
    [Required]
    [MinLength(20)]
    public string PersonalAdviceText { get; set; } =
        "That's an important question, and I wish I could answer it for you. I can't advise on your own treatment, " +
        "because the right choice depends on your health history. Your care team (your rheumatologist, neurologist " +
        "or doctor) knows your history and is the best person to ask. I'm happy to answer general questions, for " +
        "example how stem cell therapy works or what studies have found.";

    /// <summary>Refusal of dosing questions.</summary>
    [Required]
    [MinLength(20)]
    public string DosingText { get; set; } =
        "I'm sorry, I can't give doses or say how to change them: the right dose depends on you. Please ask your " +
        "prescriber or pharmacist. I'm happy to answer general questions about stem cell therapy.";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < CrisisContacts.Count; i++)
        {
            var contact = CrisisContacts[i];
            if (contact is null || string.IsNullOrWhiteSpace(contact.Name) || string.IsNullOrWhiteSpace(contact.Contact))
            {
                yield return new ValidationResult(
                    $"CrisisContacts[{i}] needs both a Name and a Contact.", [nameof(CrisisContacts)]);
            }
            else if (contact.Phone is { } phone && !IsDialable(phone))
            {
                yield return new ValidationResult(
                    $"CrisisContacts[{i}].Phone must be a dialable number (digits, optionally a leading +), e.g. \"988\".", [nameof(CrisisContacts)]);
            }
        }

        if (!string.IsNullOrWhiteSpace(RulesFile))
        {
            string? problem = null;
            try
            {
                SafetyRuleSet.Load(RulesFile);
            }
            catch (SafetyRulesException ex)
            {
                problem = ex.Message;
            }

            if (problem is not null)
            {
                yield return new ValidationResult(problem, [nameof(RulesFile)]);
            }
        }
    }

    /// <summary>True for "988", "112", "+18002738255": digits with an optional leading plus.</summary>
    public static bool IsDialable(string phone)
    {
        var digits = phone.StartsWith('+') ? phone.AsSpan(1) : phone.AsSpan();
        return digits.Length is > 0 and <= 20 && !digits.ContainsAnyExceptInRange('0', '9');
    }
}
