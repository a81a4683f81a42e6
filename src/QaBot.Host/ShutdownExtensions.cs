using System.Globalization;
using Microsoft.Extensions.Options;

namespace QaBot.Host;

public static class ShutdownExtensions
{
    /// <summary>
    /// The host's shutdown timeout (<see cref="HostOptions.ShutdownTimeout"/>) from <c>QaBot:Shutdown:Timeout</c>. Kestrel
    /// lets requests in progress finish within it; adapters that drain work check that their drain fits in it.
    /// </summary>
    public static IHostApplicationBuilder AddShutdown(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ShutdownOptions>()
            .BindConfiguration(ShutdownOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ShutdownOptions>, ShutdownOptionsValidator>();

        // Read directly, not through IOptions<ShutdownOptions>: the host reads its options while it is built, before the
        // start-up checks run; an unusable value keeps the default here and is reported by the checks.
        builder.Services.AddOptions<HostOptions>().Configure<IConfiguration>((host, configuration) =>
        {
            var text = configuration[ShutdownOptions.SectionName + ":Timeout"];
            host.ShutdownTimeout = TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var timeout) && timeout > TimeSpan.Zero
                ? timeout
                : new ShutdownOptions().Timeout;
        });
        return builder;
    }
}
