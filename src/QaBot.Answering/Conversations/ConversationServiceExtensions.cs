using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace QaBot.Answering.Conversations;

public static class ConversationServiceExtensions
{
    /// <summary>
    /// Registers <see cref="IConversationStore"/> with its validated options (section <c>QaBot:Conversations</c>): the
    /// in-memory store (<c>AddSharedState()</c> of QaBot.State.Redis replaces it when <c>QaBot:State:Store</c> is <c>Redis</c>).
    /// Only the first call registers.
    /// </summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<ConversationOptions>)))
        {
            return services;
        }

        services.AddOptions<ConversationOptions>()
            .BindConfiguration(ConversationOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationStore, InMemoryConversationStore>();
        return services;
    }
}
