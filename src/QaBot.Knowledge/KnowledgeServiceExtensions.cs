using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaBot.Knowledge.Embeddings;
using QaBot.Knowledge.Search;
using QaBot.Knowledge.Watching;

namespace QaBot.Knowledge;

public static class KnowledgeServiceExtensions
{
    /// <summary>
    /// Registers the knowledge base: options from <c>QaBot:Knowledge</c> (validated at start-up; relative paths are
    /// resolved against the content root) and the <see cref="IKnowledgeBase"/> singleton.
    /// </summary>
    public static IHostApplicationBuilder AddKnowledgeBase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KnowledgeOptions>()
            .BindConfiguration(KnowledgeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.PostConfigure<KnowledgeOptions>(options =>
        {
            options.Paths = options.EffectivePaths.Select(p => Path.GetFullPath(p, contentRoot)).ToList();
        });
        builder.Services.AddOptions<EmbeddingOptions>()
            .BindConfiguration(EmbeddingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.PostConfigure<EmbeddingOptions>(options =>
        {
            if (!string.IsNullOrWhiteSpace(options.CachePath))
            {
                options.CachePath = Path.GetFullPath(options.CachePath, contentRoot);
            }
        });
        builder.Services.AddRetrievalOptions();
        builder.Services.TryAddSingleton<ITextEncoderSource>(new NoTextEncoder());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<KnowledgeMetrics>();
        builder.Services.TryAddSingleton<KnowledgeBase>();
        builder.Services.TryAddSingleton<IKnowledgeBase>(sp => sp.GetRequiredService<KnowledgeBase>());
        return builder;
    }

    /// <summary>
    /// Registers <see cref="RetrievalOptions"/>, bound from <c>QaBot:Retrieval</c> (the obsolete
    /// <c>QaBot:Embeddings:LexicalWeight</c> is still read when the new key is not set) and checked at start-up.
    /// The benchmark and calibration commands use this too, so they measure what production runs.
    /// </summary>
    public static IServiceCollection AddRetrievalOptions(this IServiceCollection services)
    {
        services.AddOptions<RetrievalOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<RetrievalOptions>, RetrievalOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetrievalOptions>, RetrievalOptionsSetup>());
        return services;
    }

    /// <summary>
    /// Reloads the knowledge while the host runs when moderators edit it (file events, and polling when
    /// <c>QaBot:Knowledge:PollInterval</c> is set; off with <c>QaBot:Knowledge:Watch=false</c>). Call after
    /// <see cref="AddKnowledgeBase"/>; for long-running hosts only (one-shot commands load the knowledge once).
    /// </summary>
    public static IHostApplicationBuilder AddKnowledgeWatcher(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<KnowledgeWatcher>();
        return builder;
    }
}
