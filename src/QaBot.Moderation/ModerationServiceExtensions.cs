using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace QaBot.Moderation;

public static class ModerationServiceExtensions
{
    /// <summary>
    /// Registers the moderators' commands (<see cref="IModeratorCommands"/>), which the Discord and Teams adapters offer
    /// to moderators. Needs <c>AddKnowledgeBase()</c> and <c>AddAnswering()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddModeration(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IModeratorCommands, ModeratorCommands>();
        return builder;
    }
}
