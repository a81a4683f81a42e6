namespace QaBot.Host.Web;

/// <summary>The Prometheus scraping endpoint. Section <c>QaBot:Web:Metrics</c>.</summary>
public sealed class MetricsOptions
{
    /// <summary>Serve the metrics in Prometheus' text format. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where they are served. Default <c>/metrics</c>.</summary>
    public string Path { get; set; } = "/metrics";
}
