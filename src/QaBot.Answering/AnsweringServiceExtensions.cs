using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using QaBot.Answering.Conversations;
using QaBot.Answering.Feedback;
using QaBot.Answering.RateLimiting;
using QaBot.Answering.Safety;
using QaBot.Answering.Turns;

namespace QaBot.Answering;

public static class AnsweringServiceExtensions
{
    /// <summary>Registers the question turn, safety triage, the answer service, the default feedback sink, the shared rate limits and the conversation store, with validated options.</summary>
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
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.PostConfigure<SafetyOptions>(options =>
        {
            if (!string.IsNullOrWhiteSpace(options.ExemplarsFile))
            {
                options.ExemplarsFile = Path.GetFullPath(options.ExemplarsFile, contentRoot);
            }
        });
        builder.Services.TryAddSingleton<AnsweringMetrics>();
        builder.Services.TryAddSingleton<SafetyExemplars>();
        builder.Services.AddHostedService<SafetyExemplarWatcher>();
        builder.Services.TryAddSingleton<ISafetyTriage, SafetyTriage>();
        builder.Services.TryAddSingleton<IAnswerService, AnswerService>();
        builder.Services.TryAddSingleton<IFeedbackSink, LoggingFeedbackSink>();
        builder.Services.AddQuestionTurn();
        builder.Services.AddConversations();
        return builder;
    }
}
