using System.Text.RegularExpressions;

namespace QaBot.Answering.Composition;

/// <summary>
/// The honest-limit rules, in the order they are tried: off-topic questions that share words with the knowledge,
/// then named clinics, clinic seeking, and the specific things the knowledge may lack (prices, insurers, percentages,
/// patient numbers). Each is a cue in the question and, where it applies, what a passage must hold to answer it.
/// </summary>
internal static class LimitRules
{
    private const RegexOptions Cue = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Regex Autoimmune = new(@"\b(?:rheumatoid|RA|lupus|SLE|multiple sclerosis|autoimmune|crohn'?s|scleroderma|sclerosis)\b", Cue);

    public static IReadOnlyList<LimitRule> All { get; } =
    [
        new()
        {
            Name = "plants",
            Kind = LimitRuleKind.OffTopic,
            Asks = new(@"\b(?:plants?|trees?|flowers?|botan\w*|seeds?|seedlings?|crops?|fruits?|vegetables?|apple stem cells?|garden\w*|tomato\w*|potato\w*|leaf|leaves|shrubs?|houseplants?)\b", Cue),
        },
        new()
        {
            Name = "animals",
            Kind = LimitRuleKind.OffTopic,
            Asks = new(@"\b(?:dogs?|cats?|pets?|pupp(?:y|ies)|horses?|canine|feline|vets?|veterinar\w*|kittens?)\b", Cue),
        },
        new()
        {
            Name = "osteoarthritis and sports injuries",
            Kind = LimitRuleKind.OffTopic,
            Asks = new(@"\bosteo ?arthritis\b|\bknee (?:injections?|replacements?)\b|\b(?:sports injur\w*|torn (?:acl|meniscus)|meniscus|rotator cuff|tennis elbow|back pain|disc herniation)\b", Cue),
            Unless = Autoimmune,
            ClinicWarningWins = true,
        },
        new()
        {
            Name = "cosmetics",
            Kind = LimitRuleKind.OffTopic,
            Asks = new(@"\b(?:hair loss|baldness|anti-?aging|wrinkles?|skin ?care|face creams?|facials?|cosmetics?|botox)\b", Cue),
        },
        new()
        {
            Name = "software",
            Kind = LimitRuleKind.OffTopic,
            Asks = new(@"\bms[- ]?(?:office|word|excel|powerpoint|outlook|teams|access|paint|dos|edge|project|visio|onenote)\b|\bmicrosoft\b|\bspreadsheets?\b|\bword documents?\b", Cue),
        },
        new()
        {
            Name = "astronomy",
            Kind = LimitRuleKind.OffTopic,
            Asks = new(@"\b(?:constellations?|astronom\w*|telescopes?|night sky|in the sky|planets?|galax(?:y|ies)|stars? signs?|zodiac|horoscopes?)\b", Cue),
        },
        new()
        {
            Name = "student housing",
            Kind = LimitRuleKind.OffTopic,
            Asks = new(@"\b(?:dorm\w*|residence halls?|resident (?:assistants?|advisors?)|roommates?|campus housing|housing office)\b|\bRA\b(?=.*\b(?:uni|university|college|campus|floor|freshm[ae]n|students?|noise complaints?)\b)", Cue),
        },
        new()
        {
            Name = "errands",
            Kind = LimitRuleKind.OffTopic,
            Asks = new(@"\b(?:book|schedule|make|arrange|cancel|reschedule|set up)\b(?:\s+\w+){0,3}\s+(?:appointments?|consultations?|consults?|visits?|bookings?)\b|\b(?:call|phone|ring|email|e-mail|text|fax|contact|message)\s+(?:my|the|a|an)\s+(?:\w+\s+){0,2}for me\b|\b(?:fill (?:in|out)|send|submit)\b.{0,30}\b(?:forms?|referrals?|applications?)\b\s+for me\b", Cue),
        },
        new()
        {
            Name = "sports",
            Kind = LimitRuleKind.OffTopic,
            Asks = new(@"\b(?:rugby|football|soccer|basketball|baseball|cricket|hockey|league|tournament|championship|match (?:score|result)|who won)\b", Cue),
        },
        new()
        {
            Name = "the word stem and STEM subjects",
            Kind = LimitRuleKind.OffTopic,
            Asks = new(@"\bstem of (?:a|the|this|that) (?:word|verb|noun|sentence|plant|flower|glass|pipe)\b|\bSTEM (?:subjects?|education|careers?|fields?|degrees?|classes|courses?|jobs?|school|majors?|toys?)\b|\bwhat does stem stand for\b|\bstem cell (?:stocks?|shares|etfs?|companies to invest)\b|\binvest\w* in stem cell", Cue),
        },
        new()
        {
            Name = "writing tasks",
            Kind = LimitRuleKind.OffTopic,
            Asks = new(@"\b(?:write|draft|compose)\b.{0,40}\b(?:letters?|emails?|e-mails?|essays?|poems?|story|stories|resumes?|cv|posts?|tweets?|speech|reviews?|songs?|code|scripts?)\b|\bcover letters?\b", Cue),
        },
        new()
        {
            Name = "named clinic",
            Kind = LimitRuleKind.AsksFor,
            Asks = new(@"\b(?!(?:What|Which|Where|Who|Best|Any|A|An|The|Is|Are|Good|Top|Stem|Cell|Cells|My|Your|This|That|Local|Private|Public)\b)(?:[A-Z][\w'&.-]*\s+){1,3}(?:Clinic|Hospital|Institute|Medical Center|Medical Centre|Health System)\b"
                + @"|(?<=\b(?:[Ii]s|[Dd]oes|[Dd]o|[Aa]re|[Dd]id|[Cc]an|[Ww]ill)\s+(?:the\s+)?)(?!(?:MS|HSCT|AHSCT|FDA|NIH|NHS|RA|SLE|MSC|MSCs|EMA|I|It|This|That|Stem|Cell|Cells|Lupus|Multiple|Rheumatoid|My|Your|The|A|An)\b)[A-Z][a-z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*){0,3}(?=\s+(?:still\s+|currently\s+|now\s+|even\s+)?(?:do|does|doing|offer|offers|offering|provide|provides|providing|perform|performs|performing|run|runs|running|treat|treats|treating|accept|accepts|accepting|take|takes|taking|give|gives|giving)\b)", RegexOptions.CultureInvariant),
            SameNames = true,
            Reply = "I don't have information about specific clinics or hospitals, so I can't tell you about that one or recommend one.",
        },
        new()
        {
            Name = "named hospital or doctor",
            Kind = LimitRuleKind.AsksFor,
            Asks = new(@"\b(?:which|what|best|top|good|recommend\w*|name of|names of|list of|where|who)\b(?:\s+\S+){0,5}?\s+(?:hospitals?|doctors?|docs?|neurologists?|rheumatologists?|specialists?|surgeons?|physicians?|hematologists?|haematologists?|transplant (?:cent(?:er|re)s?|teams?|units?))\b(?:\s+\S+){0,3}?\s+(?:in|near|around|at)\s+(?!(?:a|an|the|my|your|this|that|clinical|trials?|stud(?:y|ies))\b)\w+|\b(?:name of|names of)\b(?:\s+\S+){0,4}?\s+(?:hospitals?|doctors?|neurologists?|rheumatologists?|specialists?|surgeons?|physicians?)\b", Cue),
            Unless = new(@"\b(?:clinics?|kind of|type of|sort of|trials?|stud(?:y|ies)|ask|talk|tell|questions?)\b", Cue),
            SameNames = true,
            Reply = "I don't have information about specific hospitals, clinics or doctors, so I can't name or recommend one.",
        },
        new()
        {
            Name = "clinic seeking",
            Kind = LimitRuleKind.SeeksClinic,
            Asks = new(@"^(?=.*\b(?:clinics?|clinik\w*|clinc\w*|hospitals?|cent(?:er|re)s?|facilit(?:y|ies)|places?|providers?)\b)(?=.*\b(?:best|top|good|great|recommend\w*|reputable|trusted|legit|cheap\w*|afford\w*|price\w*|costs?|where|which|find|near|nearby|abroad|overseas|travel\w*|go to|mexico|panama|costa rica|colombia|india|china|germany|thailand|cayman|bahamas|russia|ukraine|turkey|dubai|cyprus|israel)\b)|\bwhere (?:can|do|could|should) i (?:get|go|find|buy|have|receive)\b.*\b(?:stem cells?|treatments?|therapy|transplants?|hsct|injections?|infusions?)\b|\bstem cell clinics? (?:in|near)\b", Cue),
            Unless = new(@"\b(?:trials?|stud(?:y|ies)|research|warning signs?|spot|tell if|unproven|scam)\b", Cue),
        },
        new()
        {
            Name = "contact details",
            Kind = LimitRuleKind.AsksFor,
            Asks = new(@"\b(?:phone|telephone|fax) (?:number|no)\b|\b(?:e-?mail|postal|street|web) ?address(?:es)?\b|\bcontact (?:details|info\w*|number|person)\b|\bwebsite of\b|\bhow (?:do|can) i (?:call|phone|reach|contact)\b", Cue),
            Has = new(@"\+?\d[\d\s().-]{7,}\d|\b[\w.+-]+@[\w-]+\.[\w.]+\b", Cue),
            Reply = "I don't have contact details for clinics, trial teams or doctors. ClinicalTrials.gov lists a contact for each registered trial.",
        },
        new()
        {
            Name = "history and people",
            Kind = LimitRuleKind.AsksFor,
            Asks = new(@"\bwho (?:discovered|invented|found|pioneered|was the first|first)\b|\b(?:when|what year) (?:was|were|did)\b.{0,60}\b(?:discovered|invented|first (?:used|done|performed|tried))\b|\bhistory of\b|\bname of the first\b|\bfirst (?:patient|person|people) (?:ever )?(?:to|treated|cured|given)\b|\bnobel prize\b", Cue),
            Has = new(@"\b(?:discovered|invented|first (?:used|performed|described|done)) (?:in|by) \w+", Cue),
            Reply = "I don't have information about the history of stem cell research or the people behind it.",
        },
        new()
        {
            Name = "insurer by name",
            Kind = LimitRuleKind.AsksFor,
            Asks = new(@"\b(?:medicare|medicaid|aetna|cigna|united ?health(?:care)?|blue cross|blue shield|bcbs|humana|kaiser(?: permanente)?|anthem|tricare|nhs|bupa|axa|allianz|obamacare|molina|centene|ambetter|oscar health)\b", Cue),
            SameNames = true,
            Reply = "I don't have information about what a particular insurer or health service covers; your insurer or health service can tell you what your plan includes.",
        },
        new()
        {
            Name = "price",
            Kind = LimitRuleKind.AsksFor,
            Asks = new(@"\bhow much (?:money|is it|is that|is this|would it be|will it be|do they charge|to pay)\b|\b(?:price|prices|pricing|priced|cost|costs|costing|fees?|expensive|afford|affordable|dollars?|euros?|usd)\b", Cue),
            Unless = new(@"\b(?:insurance|insurer|insured|covered|coverage|cover)\b", Cue),
            Has = new(@"[$€£]\s?\d|\b\d[\d,.]*\s?(?:dollars|euros|pounds|usd|eur|gbp)\b|\b(?:thousands|hundreds|tens of thousands|hundreds of thousands) of (?:dollars|euros|pounds)\b", Cue),
            Reply = "I don't have prices or cost figures for stem cell treatment, so I can't tell you what it would cost.",
        },
        new()
        {
            Name = "percentage",
            Kind = LimitRuleKind.AsksFor,
            Asks = new(@"\bsucc?ess rates?\b|\bpercent(?:age)?s?\b|\bodds\b|\bchances? (?:of|that|it)\b|\bhow likely\b|\bwhat %|\bstatistics?\b|\bstats\b", Cue),
            Unless = new(@"\b100 ?(?:%|percent)", Cue),
            Has = new(@"\d\s?%|\b\d+\s?percent\b|\b\d+ (?:in|out of) \d+\b", Cue),
            Reply = "I don't have success rates or percentages that I could give you reliably.",
        },
        new()
        {
            Name = "number of patients",
            Kind = LimitRuleKind.AsksFor,
            Asks = new(@"\bhow many (?:[\w-]+ ){0,2}(?:patients|people|persons|participants|subjects|americans|adults|children|kids)\b|\bnumber of (?:patients|people|participants|cases)\b|\bhow many (?:have|had|got|received) (?:it|this|stem cells|hsct|a transplant)\b", Cue),
            // A trial's size ("a trial with 110 people") does not say how many have been treated.
            Has = new(@"\b(?:\d[\d,.]*|dozens|hundreds|thousands|millions)\s+(?:of\s+)?(?:patients|people|participants|persons|adults|children)\s+(?:have|had|were|are)\s+(?:been\s+)?(?:treated|transplanted|given|received)\b|\b(?:\d[\d,.]*|thousands|millions)\s+(?:of\s+)?(?:patients|people)\s+(?:worldwide|around the world|in total|so far|to date)\b", Cue),
            Reply = "I don't have figures for how many patients have been treated or studied.",
        },
    ];

    /// <summary>True for a section that warns about unproven stem cell clinics (its heading names clinics and a warning).</summary>
    public static bool IsClinicWarning(string section) => ClinicWarning.IsMatch(section) && Clinic.IsMatch(section);

    private static readonly Regex Clinic = new(@"\bclinics?\b", Cue);

    private static readonly Regex ClinicWarning = new(@"\b(?:unproven|warn\w*|safe|spot|tell|legit|scams?|trust)\b", Cue);
}
