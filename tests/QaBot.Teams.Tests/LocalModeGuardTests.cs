using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace QaBot.Teams.Tests;

/// <summary>Local mode refuses to start when the server listens on an address other machines can reach.</summary>
public sealed class LocalModeGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.8.9.10:5080", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("https://LOCALHOST:5001", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://unix:/tmp/qabot.sock", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://192.168.1.20:8080", false)]
    [InlineData("http://[::ffff:127.0.0.1]:8080", false)]
    [InlineData("http://qabot.example.org:80", false)]
    public void IsLoopbackListenAddress_Address_OnlyThisMachineCounts(string address, bool loopback) =>
        Assert.Equal(loopback, LocalModeGuard.IsLoopbackListenAddress(address));

    [Fact]
    public async Task Started_LocalModeOnANetworkAddress_RefusesToStartWithAClearMessage()
    {
        var guard = Guard(new TeamsOptions { LocalMode = true }, "http://127.0.0.1:8081", "http://0.0.0.0:8080");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => guard.StartedAsync(CancellationToken.None));

        Assert.Contains("QaBot:Teams:LocalMode", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://0.0.0.0:8080", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("8081", error.Message, StringComparison.Ordinal);
        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Started_LocalModeOnLoopbackOnly_Starts()
    {
        var guard = Guard(new TeamsOptions { LocalMode = true }, "http://127.0.0.1:5080", "http://[::1]:5080");

        await guard.StartedAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Started_AuthenticatedOnANetworkAddress_Starts()
    {
        var guard = Guard(new TeamsOptions { MicrosoftAppId = Guid.NewGuid().ToString() }, "http://0.0.0.0:8080");

        await guard.StartedAsync(CancellationToken.None);
    }

    private static LocalModeGuard Guard(TeamsOptions options, params string[] addresses)
    {
        var feature = new Mock<IServerAddressesFeature>();
        feature.SetupGet(f => f.Addresses).Returns(addresses.ToList());
        var features = new FeatureCollection();
        features.Set(feature.Object);
        var server = new Mock<IServer>();
        server.SetupGet(s => s.Features).Returns(features);
        var services = new ServiceCollection().AddSingleton(server.Object).BuildServiceProvider();
        return new LocalModeGuard(Options.Create(options), services, NullLogger<LocalModeGuard>.Instance);
    }
}
