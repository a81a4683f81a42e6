namespace QaBot.Teams;

/// <summary>Where a Teams message was written.</summary>
internal enum ConversationScope
{
    /// <summary>A 1:1 chat with the bot (also the Emulator, which sends no conversation type).</summary>
    Personal,

    /// <summary>A channel of a team.</summary>
    Channel,

    /// <summary>A group chat.</summary>
    GroupChat,
}
