using System.ComponentModel.DataAnnotations;

namespace QaBot.Host.Web;

/// <summary>Limits of the HTTP API. Section <c>QaBot:Web</c>.</summary>
public sealed class WebOptions
{
    public const string SectionName = "QaBot:Web";

    /// <summary>Largest accepted body of <c>POST /api/ask</c> and <c>POST /api/feedback</c>, in bytes; larger requests get 413. Default 16 KiB.</summary>
    [Range(1024, 1_048_576)]
    public int MaxAskBodyBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Question turns of <c>POST /api/ask</c> running at once; beyond them a question gets 503 "busy" with
    /// <c>Retry-After</c> at once (urgent messages always go on to their reply), so that overload never starves
    /// <c>/healthz</c>. Default 16. 0: no bound.
    /// </summary>
    [Range(0, 10_000)]
    public int MaxConcurrentAsks { get; set; } = 16;

    /// <summary>Serve the chat page at <c>/</c> (with <c>/chat.js</c> and <c>/chat.css</c>). Default true.</summary>
    public bool ChatPage { get; set; } = true;

    /// <summary>
    /// Take the client's address from <c>X-Forwarded-For</c> (the last address, the one the proxy added), for the per-client
    /// rate limit, but only on connections from <see cref="KnownProxies"/> or <see cref="KnownNetworks"/> (one of them must
    /// be set); from any other peer the header is ignored. Default false.
    /// </summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>Addresses of the reverse proxies whose <c>X-Forwarded-For</c> is believed, e.g. <c>10.0.0.5</c>. Default none.</summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>
    /// Networks (CIDR) of the reverse proxies whose <c>X-Forwarded-For</c> is believed, e.g. a cluster's ingress pods
    /// <c>10.244.0.0/16</c>. Never a network clients are in (<c>0.0.0.0/0</c> is refused). Default none.
    /// </summary>
    public IList<string> KnownNetworks { get; set; } = [];

    /// <summary>The Prometheus metrics endpoint.</summary>
    public MetricsOptions Metrics { get; set; } = new();
}
