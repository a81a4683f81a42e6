using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace QaBot.Discord;

/// <summary>
/// Instruments of the Discord client (meter <c>QaBot.Discord</c>): gateway reconnects by reason, REST rate-limit waits
/// and 429 answers. Tags are bounded sets (reasons, close codes, scopes), never ids, names or tokens.
/// </summary>
public sealed class DiscordMetrics : IDisposable
{
    public const string MeterName = "QaBot.Discord";

    private readonly Meter meter;
    private readonly Counter<long> reconnects;
    private readonly Histogram<double> rateLimitWaits;
    private readonly Counter<long> rateLimited;

    public DiscordMetrics(IMeterFactory? meterFactory = null)
    {
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        reconnects = meter.CreateCounter<long>("qabot.discord.gateway.reconnects", unit: "{reconnect}",
            description: "Gateway reconnects, by reason (requested, invalid_session, zombie, closed, connection_failed) and close code.");
        rateLimitWaits = meter.CreateHistogram<double>("qabot.discord.rest.rate_limit.wait", unit: "s",
            description: "Time REST requests waited for Discord's rate limits before being sent (count: waits, sum: seconds).");
        rateLimited = meter.CreateCounter<long>("qabot.discord.rest.rate_limited", unit: "{response}",
            description: "429 answers from Discord's REST API, by scope (route or global).");
    }

    /// <summary>A reconnect after a connection ended; <paramref name="closeCode"/> when Discord or the network closed it with one.</summary>
    public void RecordReconnect(string reason, int? closeCode)
    {
        var tags = new TagList { { "reason", reason } };
        if (closeCode is int code)
        {
            tags.Add("close_code", code.ToString(CultureInfo.InvariantCulture));
        }

        reconnects.Add(1, tags);
    }

    /// <summary>A REST request that waited <paramref name="waited"/> for a rate limit.</summary>
    public void RecordRateLimitWait(TimeSpan waited, bool global) =>
        rateLimitWaits.Record(waited.TotalSeconds, new TagList { { "scope", global ? "global" : "route" } });

    /// <summary>A 429 answer.</summary>
    public void RecordRateLimited(bool global) =>
        rateLimited.Add(1, new TagList { { "scope", global ? "global" : "route" } });

    public void Dispose() => meter.Dispose();
}
