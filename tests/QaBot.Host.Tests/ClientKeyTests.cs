using System.Net;
using QaBot.Host.Web;

namespace QaBot.Host.Tests;

public sealed class ClientKeyTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Of_Address_IsTheIPv4AddressOrTheIPv6Network(string address, string expected)
    {
        Assert.Equal(expected, ClientKey.Of(IPAddress.Parse(address)));
    }

    [Fact]
    public void Of_TwoAddressesOfOneIPv6Network_ShareALimitWhileAnotherNetworkDoesNot()
    {
        var a = ClientKey.Of(IPAddress.Parse("2001:db8:0:1::10"));
        var b = ClientKey.Of(IPAddress.Parse("2001:db8:0:1:ffff::20"));
        var other = ClientKey.Of(IPAddress.Parse("2001:db8:0:2::10"));

        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
        Assert.Null(ClientKey.Of(null));
    }
}
