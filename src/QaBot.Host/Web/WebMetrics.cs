using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace QaBot.Host.Web;

/// <summary>Instruments of the HTTP API (meter <c>QaBot.Web</c>): requests turned away, by endpoint and status.</summary>
public sealed class WebMetrics : IDisposable
{
    public const string MeterName = "QaBot.Web";

    private readonly Meter meter;
    private readonly Counter<long> rejections;

    public WebMetrics(IMeterFactory? meterFactory = null)
    {
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        rejections = meter.CreateCounter<long>("qabot.web.rejections", unit: "{request}", description: "HTTP API requests answered with an error status, by endpoint and status.");
    }

    /// <summary>A request to <paramref name="endpoint"/> (a route template, never a raw path) answered with <paramref name="status"/>.</summary>
    public void RecordRejection(string endpoint, int status) =>
        rejections.Add(1, new TagList { { "endpoint", endpoint }, { "status", status.ToString(System.Globalization.CultureInfo.InvariantCulture) } });

    public void Dispose() => meter.Dispose();
}
