using Microsoft.Extensions.Configuration;

namespace QaBot.Analytics.Privacy;

/// <summary>Where configuration found the hash key, when that is a settings file (which it must not be).</summary>
internal sealed record HashKeySource(string? FoundInFile)
{
    private const string Key = AnalyticsOptions.SectionName + ":" + nameof(AnalyticsOptions.HashKey);

    /// <summary>The appsettings*.json file that sets the hash key, if any (user secrets and the environment are fine).</summary>
    public static HashKeySource Of(IConfiguration configuration)
    {
        if (configuration is IConfigurationRoot root)
        {
            foreach (var provider in root.Providers.OfType<FileConfigurationProvider>())
            {
                var file = Path.GetFileName(provider.Source.Path ?? "");
                if (file.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
                    && provider.TryGet(Key, out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    return new HashKeySource(file);
                }
            }
        }

        return new HashKeySource((string?)null);
    }
}
