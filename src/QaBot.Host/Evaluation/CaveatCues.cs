using System.Text.RegularExpressions;

namespace QaBot.Host.Evaluation;

/// <summary>
/// Whether a reply keeps the caveat of its passage: some sentence of the answer text holds a cue that limits a hopeful
/// claim (however, but, not approved, experimental, clinical trial, risk, not a cure, more research, ...).
/// </summary>
public static partial class CaveatCues
{
    [GeneratedRegex(
        @"\b(however|but|although|though|not (yet )?(fda[- ])?approved|unapproved|unproven|not (been )?proven|not in any proven way|not reliably|no (good |reliable |strong )?evidence|experimental|investigational|clinical trials?|risks?|risky|serious|side effects?|complications?|not a cure|no cure|cannot cure|can't cure|more research|further research|more studies|still being studied|being studied|research(ers)? (is|are) still|early|small (studies|trials)|(fairly|quite|very|relatively) small|(larger|bigger|more|further|longer)( \w+){0,4} (trials|studies|research|follow-up) (is|are) (still )?needed|not right for|(helps?|works?|benefits?) less|limited|uncertain|no guarantee|not guaranteed|may not|might not|does not work for everyone|not for everyone|caution|dangerous|harm)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CueRegex();

    /// <summary>True when the text holds at least one caveat cue.</summary>
    public static bool HasCaveat(string text) => CueRegex().IsMatch(text ?? "");
}
