using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaBot.Analytics.Privacy;
using QaBot.Analytics.Recording;
using QaBot.Analytics.Reports;
using QaBot.Analytics.Storage;
using QaBot.Answering;
using QaBot.Answering.Feedback;

namespace QaBot.Analytics;

public static class AnalyticsServiceExtensions
{
    /// <summary>
    /// Registers the analytics: <see cref="AddAnalyticsStore"/>, the retention clean-up, and, when
    /// <c>QaBot:Analytics:Enabled</c> is true (the default), the recording: decorators of <see cref="IAnswerService"/> and
    /// <see cref="IFeedbackSink"/> that queue a record of every answer and feedback click, and the background writer.
    /// Call after <c>AddAnswering()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        builder.AddAnalyticsStore();
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(AnalyticsQueue)))
        {
            return builder; // already added
        }

        services.AddSingleton<AnalyticsQueue>();
        services.AddHostedService<AnalyticsRetentionService>();
        if (!builder.Configuration.GetSection(AnalyticsOptions.SectionName).GetValue(nameof(AnalyticsOptions.Enabled), defaultValue: true))
        {
            return builder;
        }

        services.TryAddSingleton<RecordFactory>();
        Decorate<IAnswerService>(services, (sp, inner) => new AnalyticsAnswerService(inner, sp.GetRequiredService<AnalyticsQueue>(), sp.GetRequiredService<TimeProvider>()));
        Decorate<IFeedbackSink>(services, (sp, inner) => new AnalyticsFeedbackSink(inner, sp.GetRequiredService<AnalyticsQueue>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<AnalyticsWriter>();
        return builder;
    }

    /// <summary>
    /// Registers what reads and deletes analytics, for command-line tools: validated options (section
    /// <c>QaBot:Analytics</c>, the database path resolved against the content root), <see cref="IAnalyticsStore"/>,
    /// <see cref="IAnalyticsReports"/> and <see cref="IAnalyticsPrivacy"/>. Nothing is recorded and nothing runs in the background.
    /// </summary>
    public static IHostApplicationBuilder AddAnalyticsStore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(IAnalyticsStore)))
        {
            return builder;
        }

        services.AddOptions<AnalyticsOptions>()
            .BindConfiguration(AnalyticsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(HashKeySource.Of(builder.Configuration));
        services.AddSingleton<IValidateOptions<AnalyticsOptions>, AnalyticsOptionsValidator>();
        var contentRoot = builder.Environment.ContentRootPath;
        services.PostConfigure<AnalyticsOptions>(options =>
        {
            if (!string.IsNullOrWhiteSpace(options.DatabasePath))
            {
                options.DatabasePath = Path.GetFullPath(options.DatabasePath, contentRoot);
            }
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AnalyticsMetrics>();
        services.TryAddSingleton<HashKeyProvider>();

        // The one store today; a server database would be chosen here from AnalyticsOptions.Provider.
        services.AddSingleton<IAnalyticsStore, SqliteAnalyticsStore>();
        services.TryAddSingleton<IAnalyticsReports, AnalyticsReports>();
        services.TryAddSingleton<IAnalyticsPrivacy, AnalyticsPrivacy>();
        return builder;
    }

    /// <summary>Wraps the registered <typeparamref name="TService"/> (the last registration) with a decorator.</summary>
    private static void Decorate<TService>(IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(TService) && !services[i].IsKeyedService)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            throw new InvalidOperationException($"AddAnalytics() records what {typeof(TService).Name} does: call AddAnswering() before AddAnalytics().");
        }

        var inner = services[index];
        services[index] = ServiceDescriptor.Describe(typeof(TService), sp => decorate(sp, (TService)Create(sp, inner)), inner.Lifetime);
    }

    private static object Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
