namespace QaBot.Teams.Tests;

public sealed class LoopbackAddressTests
{
    [Theory]
    [InlineData("http://localhost:3978/", true)]
    [InlineData("http://LOCALHOST:3978", true)]
    [InlineData("https://127.0.0.1/", true)]
    [InlineData("http://127.10.0.1:80/", true)]
    [InlineData("http://[::1]:3978/", true)]
    [InlineData("http://0.0.0.0:3978/", false)]
    [InlineData("http://[::ffff:127.0.0.1]/", false)]
    [InlineData("http://localhost.:3978/", false)]
    [InlineData("http://localhost.example.com/", false)]
    [InlineData("http://127.0.0.1.nip.io/", false)]
    [InlineData("http://user@localhost/", false)]
    [InlineData("ftp://localhost/", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("https://smba.trafficmanager.net/amer/", false)]
    [InlineData("http://10.0.0.1/", false)]
    [InlineData("/relative", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsLoopbackServiceUrl_OnlyLoopbackHttpAddresses(string? url, bool expected)
    {
        Assert.Equal(expected, LoopbackAddress.IsLoopbackServiceUrl(url));
    }
}
