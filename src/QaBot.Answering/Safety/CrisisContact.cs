using System.ComponentModel.DataAnnotations;

namespace QaBot.Answering.Safety;

/// <summary>A place to get help now, listed under emergency and self-harm replies.</summary>
public sealed class CrisisContact
{
    /// <summary>Who to contact, e.g. "988 Suicide &amp; Crisis Lifeline".</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>How to reach them, as shown, e.g. "call or text 988".</summary>
    [Required]
    public string Contact { get; set; } = "";

    /// <summary>A dialable number for <c>tel:</c> links, e.g. "988" or "112" (digits, optionally a leading +); null when there is none.</summary>
    public string? Phone { get; set; }

    /// <summary>Where the contact works, e.g. "US" or "EU"; null when it applies everywhere.</summary>
    public string? Region { get; set; }

    /// <summary>Emergency services or a crisis line. Default: crisis.</summary>
    public ContactKind Kind { get; set; } = ContactKind.Crisis;
}
