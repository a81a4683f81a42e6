using System.ComponentModel.DataAnnotations;

namespace QaBot.Host.Web;

/// <summary>Limits of the HTTP API. Section <c>QaBot:Web</c>.</summary>
public sealed class WebOptions
{
    public const string SectionName = "QaBot:Web";

    /// <summary>Largest accepted body of <c>POST /api/ask</c> and <c>POST /api/feedback</c>, in bytes; larger requests get 413. Default 16 KiB.</summary>
    [Range(1024, 1_048_576)]
    public int MaxAskBodyBytes { get; set; } = 16 * 1024;

    /// <summary>Serve the chat page at <c>/</c> (with <c>/chat.js</c> and <c>/chat.css</c>). Default true.</summary>
    public bool ChatPage { get; set; } = true;

    /// <summary>
    /// Take the client's address from <c>X-Forwarded-For</c> (the last address, the one the proxy added), for the per-client
    /// rate limit. Only behind a reverse proxy or load balancer that is the only way in. Default false.
    /// </summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>The Prometheus metrics endpoint.</summary>
    public MetricsOptions Metrics { get; set; } = new();
}
