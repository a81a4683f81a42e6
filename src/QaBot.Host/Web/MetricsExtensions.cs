using OpenTelemetry.Metrics;

namespace QaBot.Host.Web;

/// <summary>OpenTelemetry metrics, exported for Prometheus at <see cref="MetricsOptions.Path"/>.</summary>
public static class MetricsExtensions
{
    /// <summary>
    /// The meters exported: every meter named <c>QaBot.*</c> (each area and platform adapter creates its own, whichever
    /// are in use), and ASP.NET Core's and the runtime's built-in ones.
    /// </summary>
    public static readonly IReadOnlyList<string> Meters =
    [
        "QaBot.*",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Runtime",
    ];

    /// <summary>Collects the meters when <c>QaBot:Web:Metrics:Enabled</c> is on (the default).</summary>
    public static IHostApplicationBuilder AddQaBotMetrics(this IHostApplicationBuilder builder)
    {
        if (!Settings(builder.Configuration).Enabled)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter([.. Meters])
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    /// <summary>
    /// Maps the scraping endpoint when metrics are on. Call it after every other endpoint is mapped: a path another
    /// endpoint already has (a platform adapter's) stops the start with a message naming the setting.
    /// </summary>
    public static WebApplication MapQaBotMetrics(this WebApplication app)
    {
        var settings = Settings(app.Configuration);
        if (settings.Enabled)
        {
            var taken = ((IEndpointRouteBuilder)app).DataSources
                .SelectMany(source => source.Endpoints)
                .OfType<RouteEndpoint>()
                .Select(endpoint => "/" + endpoint.RoutePattern.RawText?.Trim('/'))
                .FirstOrDefault(path => string.Equals(path, "/" + settings.Path.Trim('/'), StringComparison.OrdinalIgnoreCase));
            if (taken is not null)
            {
                throw new InvalidOperationException($"{WebOptions.SectionName}:Metrics:Path {settings.Path} is already an endpoint of QaBot ({taken}); choose another path, e.g. /metrics.");
            }

            app.MapPrometheusScrapingEndpoint(settings.Path);
        }

        return app;
    }

    private static MetricsOptions Settings(IConfiguration configuration) =>
        configuration.GetSection(WebOptions.SectionName + ":Metrics").Get<MetricsOptions>() ?? new MetricsOptions();
}
