using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QaBot.Teams;

/// <summary>
/// Local (Emulator) mode authenticates nobody, so it must only be reachable from this machine: once the server listens,
/// the host refuses to start when any of its addresses is not loopback (e.g. <c>http://0.0.0.0:8080</c>, <c>http://[::]:8080</c>,
/// <c>http://*:80</c>), and <see cref="MessagesEndpoint"/> refuses callers that are not on the machine (403).
/// </summary>
internal sealed partial class LocalModeGuard(IOptions<TeamsOptions> options, IServiceProvider services, ILogger<LocalModeGuard> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.LocalMode || settings.Authenticated)
        {
            return Task.CompletedTask;
        }

        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = addresses.Where(a => !IsLoopbackListenAddress(a)).ToList();
        if (exposed.Count == 0)
        {
            return Task.CompletedTask;
        }

        var message =
            $"{TeamsOptions.SectionName}:LocalMode is on, but the host listens on {string.Join(", ", exposed)}, which other machines can reach. " +
            "Local mode authenticates nobody: listen on a loopback address only (e.g. Urls=http://127.0.0.1:5080), " +
            "or configure MicrosoftAppId and MicrosoftAppPassword instead of local mode.";
        LogRefused(logger, message);
        throw new InvalidOperationException(message);
    }

    /// <summary>True for a listen address that only this machine can reach: localhost, 127.0.0.0/8, ::1, or a Unix socket or named pipe.</summary>
    internal static bool IsLoopbackListenAddress(string address)
    {
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? address : address[(schemeEnd + 3)..];
        if (rest.StartsWith("unix:", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("pipe:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var end = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = end < 0 ? rest : rest[..end];
        string host;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            host = close < 0 ? authority : authority[1..close];
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
        }

        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
               || (IPAddress.TryParse(host, out var ip) && !ip.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(ip));
    }

    /// <summary>True when a caller's address is on this machine (a loopback address, or none: a Unix socket or an in-process caller).</summary>
    internal static bool IsLocalCaller(IPAddress? remote) =>
        remote is null || IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5052, Level = LogLevel.Critical, Message = "Microsoft Teams local mode refused to start: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
