namespace QaBot.Discord.Moderation;

/// <summary>Whether, and why, someone may use the moderators' <c>/kb</c> command.</summary>
internal enum ModeratorAccess
{
    /// <summary>Refused: a direct message, where there are no server roles or permissions.</summary>
    DirectMessage,

    /// <summary>Refused: neither a moderator role nor the Manage Server permission.</summary>
    NotModerator,

    /// <summary>Allowed: the member has one of <c>QaBot:Discord:ModeratorRoleIds</c>.</summary>
    ModeratorRole,

    /// <summary>Allowed: the member has Manage Server (or Administrator) in the channel.</summary>
    ManageServer,
}
