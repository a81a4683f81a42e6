using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace QaBot.Moderation;

public static class ModerationServiceExtensions
{
    /// <summary>
    /// Registers the moderators' commands (<see cref="IModeratorCommands"/>), which the Discord and Teams adapters offer
    /// to moderators, and the notifier that posts knowledge problems to the moderators' channels the adapters register
    /// (<see cref="IModeratorChannel"/>; it does nothing when there are none). Options from <c>QaBot:Moderation</c>,
    /// checked at start-up. Needs <c>AddKnowledgeBase()</c> and <c>AddAnswering()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddModeration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ModerationOptions>()
            .BindConfiguration(ModerationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IModeratorCommands, ModeratorCommands>();
        builder.Services.AddHostedService<KnowledgeProblemNotifier>();
        return builder;
    }
}
