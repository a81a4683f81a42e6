using System.Net;

namespace QaBot.Teams;

/// <summary>Decides whether a service URL stays on this machine (local mode replies only to such URLs).</summary>
internal static class LoopbackAddress
{
    /// <summary>
    /// True for an absolute http(s) URL without user info whose host is <c>localhost</c> or a loopback IP address
    /// (127.0.0.0/8, ::1). Everything else is refused, including <c>0.0.0.0</c>, IPv4-mapped addresses and host names
    /// that merely resolve to a loopback address.
    /// </summary>
    public static bool IsLoopbackServiceUrl(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo.Length > 0)
        {
            return false;
        }

        return uri.HostNameType switch
        {
            UriHostNameType.IPv4 or UriHostNameType.IPv6 => IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address)
                && !address.IsIPv4MappedToIPv6
                && IPAddress.IsLoopback(address),
            UriHostNameType.Dns => uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }
}
