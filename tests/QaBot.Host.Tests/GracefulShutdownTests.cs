using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace QaBot.Host.Tests;

/// <summary>Stopping the host (SIGTERM, a rolling update) lets the answers in progress finish.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Stop_WhileAnAnswerIsInProgress_TheResponseStillArrives()
    {
        var host = await RealHost.StartAsync(configure: HeldAnswers.Install);
        try
        {
            var held = HeldAnswers.Of(host);
            var asking = host.Client.PostAsJsonAsync(new Uri("api/ask", UriKind.Relative), new { question = "can stem cells help lupus" });
            await held.WaitEnteredAsync();

            var stopping = host.App.StopAsync();
            await Task.Delay(200); // the host is now stopping: Kestrel accepts nothing new and waits for the request
            var stoppedEarly = stopping.IsCompleted;
            held.Release();
            using var response = await asking.WaitAsync(TimeSpan.FromSeconds(30));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            await stopping.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.False(stoppedEarly);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("answered", body.GetProperty("kind").GetString());
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task ShutdownTimeout_FromConfiguration_IsTheHostsTimeout()
    {
        await using var host = await RealHost.StartAsync(new Dictionary<string, string?> { ["QaBot:Shutdown:Timeout"] = "00:00:07" });

        var options = host.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(7), options.ShutdownTimeout);
    }

    [Fact]
    public async Task Readyz_WhileStopping_Is503SoTheLoadBalancerStopsSendingQuestions()
    {
        await using var host = await RealHost.StartAsync(); // started, not run: stopping the application only signals it
        await host.WaitReadyAsync();

        host.App.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        using var response = await host.Client.GetAsync(new Uri("readyz", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("stopping", body.GetProperty("status").GetString());
    }
}
