using System.Text.RegularExpressions;

namespace QaBot.Answering.Conversations;

/// <summary>The words that name a topic of the knowledge, and those that lean on an earlier turn.</summary>
internal static partial class TopicTerms
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly (TopicCondition Condition, Regex Pattern)[] Conditions =
    [
        (TopicCondition.MultipleSclerosis, new(@"\b(?:ms|multiple\s+sclerosis|multipul\s+sclerosis|multiple\s+sclerosus|sclerosis|rrms|ppms|spms)\b", Options)),
        (TopicCondition.Lupus, new(@"\b(?:lupus|lupis|sle)\b", Options)),
        (TopicCondition.RheumatoidArthritis, new(@"\b(?:rheumatoid(?:\s+arthritis)?|ra|arthritis|rheumatoid arthritis)\b", Options)),
    ];

    // Most specific first: "stem cell transplant" is HSCT, not stem cell therapy in general.
    private static readonly (TopicSubject Subject, Regex Pattern)[] Subjects =
    [
        (TopicSubject.Hsct, new(@"\b(?:a?hsct|transplant\w*|bone\s+marrow|blood[-\s]forming|chemo\w*|conditioning)\b", Options)),
        (TopicSubject.Mscs, new(@"\b(?:mscs?|mesenchymal)\b", Options)),
        (TopicSubject.EmbryonicAndIpscs, new(@"\b(?:ipscs?|ips\s+cells|embryonic|embryos?|pluripotent)\b", Options)),
        (TopicSubject.ClinicalTrials, new(@"\b(?:clinical\s+trials?|trials?)\b", Options)),
        (TopicSubject.Clinics, new(@"\b(?:clinics?)\b", Options)),
        (TopicSubject.ImmuneReset, new(@"\bimmune\s+(?:system\s+)?reset\b", Options)),
        (TopicSubject.AutoimmuneDisease, new(@"\b(?:auto-?immune|autoimune)\b", Options)),
        (TopicSubject.StemCellTherapy, new(@"\b(?:stem[-\s]?cel?ls?|stemcells?|cell\s+therapy|regenerative)\b", Options)),
    ];

    /// <summary>The first condition named, if any.</summary>
    public static TopicCondition? FindCondition(string text)
    {
        foreach (var (condition, pattern) in Conditions)
        {
            if (pattern.IsMatch(text))
            {
                return condition;
            }
        }

        return null;
    }

    /// <summary>The most specific subject named, if any.</summary>
    public static TopicSubject? FindSubject(string text)
    {
        foreach (var (subject, pattern) in Subjects)
        {
            if (pattern.IsMatch(text))
            {
                return subject;
            }
        }

        return null;
    }

    public static ConversationTopic Find(string text) => new(FindSubject(text), FindCondition(text));

    /// <summary>The topic of a cited passage id's file (<c>conditions/lupus#...</c>: lupus), for a turn whose words named none.</summary>
    public static ConversationTopic FromPassageId(string id)
    {
        var file = id.Split('#', 2)[0];
        return file switch
        {
            "conditions/multiple-sclerosis" => new(null, TopicCondition.MultipleSclerosis),
            "conditions/lupus" => new(null, TopicCondition.Lupus),
            "conditions/rheumatoid-arthritis" => new(null, TopicCondition.RheumatoidArthritis),
            "hsct" => new(TopicSubject.Hsct, null),
            "clinical-trials" => new(TopicSubject.ClinicalTrials, null),
            _ => new(null, null),
        };
    }

    /// <summary>The text with every name of <paramref name="condition"/> replaced by <paramref name="replacement"/>; null when none occurs.</summary>
    public static string? ReplaceCondition(string text, TopicCondition condition, string replacement)
    {
        var pattern = Conditions.First(c => c.Condition == condition).Pattern;
        return pattern.IsMatch(text) ? pattern.Replace(text, replacement) : null;
    }

    /// <summary>The text with every name of <paramref name="subject"/> replaced by <paramref name="replacement"/>; null when none occurs.</summary>
    public static string? ReplaceSubject(string text, TopicSubject subject, string replacement)
    {
        var pattern = Subjects.First(s => s.Subject == subject).Pattern;
        return pattern.IsMatch(text) ? pattern.Replace(text, replacement) : null;
    }

    public static string ConditionPhrase(TopicCondition condition) => condition switch
    {
        TopicCondition.MultipleSclerosis => "multiple sclerosis",
        TopicCondition.Lupus => "lupus",
        _ => "rheumatoid arthritis",
    };

    public static string ConditionLabel(TopicCondition condition) => condition switch
    {
        TopicCondition.MultipleSclerosis => "MS",
        TopicCondition.Lupus => "lupus",
        _ => "rheumatoid arthritis",
    };

    public static string SubjectPhrase(TopicSubject subject) => subject switch
    {
        TopicSubject.Hsct => "HSCT",
        TopicSubject.Mscs => "mesenchymal stem cells",
        TopicSubject.ClinicalTrials => "a stem cell clinical trial",
        TopicSubject.Clinics => "stem cell clinics",
        TopicSubject.EmbryonicAndIpscs => "embryonic stem cells and iPSCs",
        TopicSubject.AutoimmuneDisease => "autoimmune disease",
        TopicSubject.ImmuneReset => "an immune reset",
        _ => "stem cell therapy",
    };

    /// <summary>A word that stands for something said before ("is it safe?", "how would I find one?").</summary>
    [GeneratedRegex(@"\b(?:it|it's|its|they|them|their|this|that|these|those|one)\b", Options)]
    public static partial Regex Pronoun();

    /// <summary>A message that only adds to the previous one: "and the risks?", "what about lupus?".</summary>
    [GeneratedRegex(@"^\s*(?:(?:and|but|so|ok(?:ay)?|also)\s+)?(?:what\s+about|how\s+about|what\s+if|same\s+(?:for|with)|and|also|plus)\b[\s,]*(?<rest>.*?)[\s?.!]*$", Options)]
    public static partial Regex Ellipsis();

    /// <summary>Words that ask about an aspect of a topic without naming the topic ("what have the studies found?").</summary>
    [GeneratedRegex(@"\b(?:stud(?:y|ies)|research\w*|evidence|results?|found|finding\w*|risks?|risky|safe(?:ty|ly)?|side[-\s]?effects?|dangers?|dangerous|complications?|cost\w*|price\w*|expensive|afford\w*|pay\w*|covers?|covered|insurance|insurer|medicare|medicaid|nhs|approved|approval|fda|legal|cure[sd]?|painful|pain|hurt\w*|recover\w*|candidate\w*|eligib\w*|qualif\w*|success\w*|chances?|odds|the\s+(?:treatment|therapy|procedure|process)|procedure|hospital\w*|long[-\s]?term|how\s+long|work(?:s|ed)?|help(?:s|ed)?|effective\w*|find|sign\s+up|enrol\w*|join\w*|wait\w*|doctor|neurologist|rheumatologist|provider|relapse\w*|remission|involved?|happens?|steps?|prepare|age|old|young|kids?|children|pregnan\w*|types?|kinds?|better|compare\w*|vs|versus|differen\w*|available|offer\w*|where|who)\b", Options)]
    public static partial Regex Aspect();

    /// <summary>Aspect words strong enough to mark a follow-up even without a pronoun ("what have the studies found so far?").</summary>
    [GeneratedRegex(@"\b(?:stud(?:y|ies)|research\w*|evidence|results|risks?|risky|safe(?:ty)?|side[-\s]?effects?|dangers?|dangerous|complications?|costs?|expensive|afford\w*|covered|insurance|insurer|medicare|medicaid|approved|approval|fda|cure[sd]?|painful|recovery|candidates?|eligib\w*|qualif\w*|success\s+rates?|chances|the\s+(?:treatment|therapy|procedure|process)|long[-\s]?term|relapse\w*|remission)\b", Options)]
    public static partial Regex StrongAspect();
}
