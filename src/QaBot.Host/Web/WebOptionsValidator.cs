using Microsoft.Extensions.Options;

namespace QaBot.Host.Web;

/// <summary>Checks what data annotations cannot: the metrics path.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    private static readonly string[] Taken = ["/", "/api/ask", "/api/feedback", "/chat.js", "/chat.css", "/healthz", "/readyz", "/api/messages", "/api/discord/interactions"];

    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var metrics = options.Metrics;
        if (metrics is null || !metrics.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var path = metrics.Path;
        if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('/') || path.Length > 100 || path.Any(c => char.IsWhiteSpace(c) || c is '?' or '#' or '{' or '}'))
        {
            return ValidateOptionsResult.Fail($"{WebOptions.SectionName}:Metrics:Path must be a plain path starting with '/', e.g. /metrics.");
        }

        return Taken.Contains(path.TrimEnd('/').Length == 0 ? "/" : path.TrimEnd('/'), StringComparer.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Fail($"{WebOptions.SectionName}:Metrics:Path must not be one of QaBot's own endpoints ({string.Join(", ", Taken)}).")
            : ValidateOptionsResult.Success;
    }
}
