using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace QaBot.Answering.RateLimiting;

public static class RateLimitServiceExtensions
{
    /// <summary>
    /// Registers the shared <see cref="IQuestionRateLimiter"/> with its validated options (section
    /// <c>QaBot:RateLimits</c>). Safe to call from every entry point's registration: only the first call registers.
    /// </summary>
    public static IServiceCollection AddQuestionRateLimits(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IQuestionRateLimiter)))
        {
            return services;
        }

        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AnsweringMetrics>();
        services.AddSingleton<IQuestionRateLimiter, QuestionRateLimiter>(); // with the ITokenBucketStore when one is registered
        return services;
    }
}
