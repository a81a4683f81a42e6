using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using QaBot.Answering.Conversations;
using QaBot.Answering.Feedback;
using QaBot.Answering.RateLimiting;
using QaBot.Answering.Safety;

namespace QaBot.Answering;

public static class AnsweringServiceExtensions
{
    /// <summary>Registers safety triage, the answer service, the default feedback sink and the shared rate limits and the conversation store, with validated options.</summary>
    public static IHostApplicationBuilder AddAnswering(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnsweringOptions>()
            .BindConfiguration(AnsweringOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<SafetyOptions>()
            .BindConfiguration(SafetyOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton<AnsweringMetrics>();
        builder.Services.TryAddSingleton<ISafetyTriage, SafetyTriage>();
        builder.Services.TryAddSingleton<IAnswerService, AnswerService>();
        builder.Services.TryAddSingleton<IFeedbackSink, LoggingFeedbackSink>();
        builder.Services.AddQuestionRateLimits();
        builder.Services.AddConversations();
        return builder;
    }
}
