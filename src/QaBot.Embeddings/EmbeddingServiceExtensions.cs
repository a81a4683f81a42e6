using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using QaBot.Knowledge.Embeddings;

namespace QaBot.Embeddings;

public static class EmbeddingServiceExtensions
{
    /// <summary>Uses the local Arctic Embed XS model for hybrid search (unless <c>QaBot:Embeddings:Enabled</c> is false).</summary>
    public static IHostApplicationBuilder AddEmbeddings(this IHostApplicationBuilder builder)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton<ITextEncoderSource, ArcticEncoderSource>());
        return builder;
    }
}
