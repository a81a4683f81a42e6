namespace QaBot.Discord.Model;

/// <summary>Message flags QaBot sets.</summary>
public static class MessageFlags
{
    /// <summary>Only the user who interacted sees the message.</summary>
    public const int Ephemeral = 1 << 6;
}
