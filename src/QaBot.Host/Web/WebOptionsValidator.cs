using System.Net;
using Microsoft.Extensions.Options;

namespace QaBot.Host.Web;

/// <summary>Checks what data annotations cannot: the trusted proxies and the metrics path; every problem together.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    private static readonly string[] Taken = ["/", "/api/ask", "/api/feedback", "/chat.js", "/chat.css", "/healthz", "/readyz", "/api/messages", "/api/discord/interactions"];

    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var errors = new List<string>();
        CheckForwarded(options, errors);
        var metrics = options.Metrics;
        if (metrics is not null && metrics.Enabled)
        {
            var path = metrics.Path;
            if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('/') || path.Length > 100 || path.Any(c => char.IsWhiteSpace(c) || c is '?' or '#' or '{' or '}'))
            {
                errors.Add($"{WebOptions.SectionName}:Metrics:Path must be a plain path starting with '/', e.g. /metrics.");
            }
            else if (Taken.Contains(path.TrimEnd('/').Length == 0 ? "/" : path.TrimEnd('/'), StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{WebOptions.SectionName}:Metrics:Path must not be one of QaBot's own endpoints ({string.Join(", ", Taken)}).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Forwarded headers are believed only from named proxies or networks, each a valid address or CIDR.</summary>
    private static void CheckForwarded(WebOptions options, List<string> errors)
    {
        var proxies = options.KnownProxies ?? [];
        var networks = options.KnownNetworks ?? [];
        foreach (var proxy in proxies)
        {
            if (!IPAddress.TryParse(proxy?.Trim(), out _))
            {
                errors.Add($"{WebOptions.SectionName}:KnownProxies: '{proxy}' is not an IP address (e.g. 10.0.0.5).");
            }
        }

        foreach (var network in networks)
        {
            if (!IPNetwork.TryParse(network?.Trim(), out var parsed))
            {
                errors.Add($"{WebOptions.SectionName}:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 10.244.0.0/16).");
            }
            else if (parsed.PrefixLength == 0)
            {
                errors.Add($"{WebOptions.SectionName}:KnownNetworks: '{network}' would believe X-Forwarded-For from every client; name your proxies' network.");
            }
        }

        if (options.ForwardedHeaders && proxies.Count == 0 && networks.Count == 0)
        {
            errors.Add($"{WebOptions.SectionName}:ForwardedHeaders is on but no proxy is trusted: set {WebOptions.SectionName}:KnownProxies (addresses) or "
                + $"{WebOptions.SectionName}:KnownNetworks (CIDR) to your reverse proxy's, or anyone could choose their own rate-limit identity.");
        }
    }
}
