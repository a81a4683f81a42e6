using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace QaBot.Teams;

/// <summary>Instruments of the Teams endpoint (meter <c>QaBot.Teams</c>): requests whose authentication failed, by reason.</summary>
public sealed class TeamsMetrics : IDisposable
{
    public const string MeterName = "QaBot.Teams";

    private readonly Meter meter;
    private readonly Counter<long> authenticationFailures;

    public TeamsMetrics(IMeterFactory? meterFactory = null)
    {
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        authenticationFailures = meter.CreateCounter<long>("qabot.teams.authentication.failures", unit: "{request}",
            description: "Teams requests that could not be authenticated, by reason (rejected: 401; unavailable: 503).");
    }

    /// <summary><paramref name="reason"/> is one of <c>unauthorized</c>, <c>invalid_token</c>, <c>not_loopback</c>,
    /// <c>timeout</c>, <c>unavailable</c>.</summary>
    public void RecordAuthenticationFailure(string reason) =>
        authenticationFailures.Add(1, new TagList { { "reason", reason } });

    public void Dispose() => meter.Dispose();
}
