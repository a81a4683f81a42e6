using System.Net;
using System.Net.Sockets;

namespace QaBot.Host.Cli;

/// <summary>
/// Checks the addresses the host is told to listen on before it starts, so that a busy port gets one line naming
/// <c>--urls</c> instead of Kestrel's stack trace.
/// </summary>
internal static class ListenAddresses
{
    /// <summary>The first of <paramref name="urls"/> (separated by <c>;</c>) whose port another program holds, or null.</summary>
    public static string? FirstInUse(string? urls)
    {
        if (string.IsNullOrWhiteSpace(urls))
        {
            return null;
        }

        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Endpoint(url) is { } endpoint && InUse(endpoint))
            {
                return url;
            }
        }

        return null;
    }

    /// <summary>The message printed for a busy address.</summary>
    public static string InUseMessage(string url) =>
        $"qabot: {url} is already in use (is QaBot already running?); stop that program or listen elsewhere, e.g. --urls http://127.0.0.1:5081";

    private static IPEndPoint? Endpoint(string url)
    {
        // Kestrel's wildcards: http://*:5080 and http://+:5080 listen on every address.
        var normalised = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri) || uri.Port <= 0)
        {
            return null;
        }

        IPAddress? address = uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed : null;
        return address is null ? null : new IPEndPoint(address, uri.Port);
    }

    private static bool InUse(IPEndPoint endpoint)
    {
        try
        {
            var listener = new TcpListener(endpoint);
            listener.Start();
            listener.Stop();
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            return false; // not ours to judge (no such address here, no permission): Kestrel reports it
        }
    }
}
