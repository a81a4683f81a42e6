namespace QaBot.Moderation;

/// <summary>A named block of a moderator reply, e.g. "Problems" with one line per problem.</summary>
/// <param name="Name">The block's heading.</param>
/// <param name="Lines">Its lines, most important first: a platform that must shorten the block drops lines from the
/// end and says how many it left out.</param>
public sealed record ModeratorField(string Name, IReadOnlyList<string> Lines);
