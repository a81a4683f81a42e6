using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.Options;
using QaBot.Discord.Model;

namespace QaBot.Discord.Moderation;

/// <summary>
/// Decides who may use <c>/kb</c>: members of a server with a configured moderator role
/// (<see cref="DiscordOptions.ModeratorRoleIds"/>) or with the Manage Server permission, read from the interaction's
/// <c>member.permissions</c> (which Discord computes for the channel, overwrites included; Administrator implies it).
/// The command's <c>default_member_permissions</c> only decides what Discord's client shows and can be changed by any
/// server admin, and a request may come from anywhere that can sign it or reach the gateway, so the check is made
/// here, on every use.
/// </summary>
internal sealed class ModeratorCheck(IOptions<DiscordOptions> options)
{
    public static readonly BigInteger Administrator = BigInteger.One << 3;
    public static readonly BigInteger ManageGuild = BigInteger.One << 5;

    /// <summary>Whether the interaction's user may use <c>/kb</c>, and why.</summary>
    public ModeratorAccess Check(DiscordInteraction interaction)
    {
        if (interaction.GuildId is null || interaction.Member is not { } member)
        {
            return ModeratorAccess.DirectMessage;
        }

        var roles = options.Value.ModeratorRoleIds;
        if (roles.Count > 0 && member.Roles.Any(roles.Contains))
        {
            return ModeratorAccess.ModeratorRole;
        }

        if (BigInteger.TryParse(member.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var permissions)
            && ((permissions & ManageGuild) == ManageGuild || (permissions & Administrator) == Administrator))
        {
            return ModeratorAccess.ManageServer;
        }

        return ModeratorAccess.NotModerator;
    }

    public static bool IsAllowed(ModeratorAccess access) => access is ModeratorAccess.ModeratorRole or ModeratorAccess.ManageServer;
}
