using System.Globalization;
using System.Text.Json;

namespace QaBot.Discord.Tests.Fakes;

/// <summary>A scripted answer of the fake Discord's REST API.</summary>
public sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public static FakeResponse RateLimited(double retryAfterSeconds, bool global = false) => new(
        429,
        JsonSerializer.Serialize(new { message = "You are being rate limited.", retry_after = retryAfterSeconds, global }),
        new Dictionary<string, string>
        {
            ["Retry-After"] = Math.Ceiling(retryAfterSeconds).ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Global"] = global ? "true" : "false",
            ["X-RateLimit-Scope"] = global ? "global" : "user",
        });

    public static FakeResponse Status500(int status = 502) => new(status, "{\"message\":\"Bad gateway\",\"code\":0}", new Dictionary<string, string>());

    public static FakeResponse Error(int status, int code) =>
        new(status, JsonSerializer.Serialize(new { message = "error", code }), new Dictionary<string, string>());
}
