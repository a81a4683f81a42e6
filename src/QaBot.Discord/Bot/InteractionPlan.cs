using QaBot.Discord.Model;

namespace QaBot.Discord.Bot;

/// <summary>How to handle an interaction: the first response (due within 3 seconds) and the work after it.</summary>
internal sealed record InteractionPlan(InteractionResponse Response, Func<CancellationToken, Task>? FollowUp = null);
