using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QaBot.Answering.RateLimiting;
using QaBot.Answering.Safety;

namespace QaBot.Answering.Turns;

public static class QuestionTurnServiceExtensions
{
    /// <summary>
    /// Registers the <see cref="IQuestionTurn"/> every adapter uses, with safety triage and the shared rate limits. Safe to
    /// call from every entry point's registration; needs an <see cref="IAnswerService"/> and an <c>IKnowledgeBase</c>.
    /// </summary>
    public static IServiceCollection AddQuestionTurn(this IServiceCollection services)
    {
        services.AddQuestionRateLimits();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISafetyTriage, SafetyTriage>();
        services.TryAddSingleton<IQuestionTurn, QuestionTurn>();
        return services;
    }
}
