using System.Net;
using System.Net.Sockets;

namespace QaBot.Host.Web;

/// <summary>
/// The rate-limit partition of an HTTP client: its IPv4 address, or the /64 network of an IPv6 address (one host
/// usually holds a whole /64, so per-address limits would be easy to dodge). Null when the address is unknown.
/// </summary>
internal static class ClientKey
{
    public static string? Of(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
