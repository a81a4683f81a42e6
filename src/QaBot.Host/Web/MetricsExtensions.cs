using OpenTelemetry.Metrics;
using QaBot.Answering;

namespace QaBot.Host.Web;

/// <summary>OpenTelemetry metrics, exported for Prometheus at <see cref="MetricsOptions.Path"/>.</summary>
public static class MetricsExtensions
{
    /// <summary>The meters exported: QaBot's own, whichever of them are in use, and ASP.NET Core's and the runtime's built-in ones.</summary>
    public static readonly IReadOnlyList<string> Meters =
    [
        AnsweringMetrics.MeterName,
        "QaBot.Knowledge",
        "QaBot.Analytics",
        "QaBot.Discord",
        "QaBot.Teams",
        WebMetrics.MeterName,
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

    /// <summary>Maps the scraping endpoint when metrics are on.</summary>
    public static WebApplication MapQaBotMetrics(this WebApplication app)
    {
        var settings = Settings(app.Configuration);
        if (settings.Enabled)
        {
            app.MapPrometheusScrapingEndpoint(settings.Path);
        }

        return app;
    }

    private static MetricsOptions Settings(IConfiguration configuration) =>
        configuration.GetSection(WebOptions.SectionName + ":Metrics").Get<MetricsOptions>() ?? new MetricsOptions();
}
