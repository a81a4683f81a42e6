using System.Net;
using Microsoft.Extensions.Options;
using QaBot.Teams.Tests.Infrastructure;

namespace QaBot.Teams.Tests;

/// <summary>Teams is inert unless configured, and a bad registration stops the host at start-up with a clear message.</summary>
public sealed class TeamsHostConfigurationTests
{
    [Fact]
    public async Task NotConfigured_MessagesEndpointIsNotServedAndTheHostStillWorks()
    {
        await using var factory = new TeamsFactory(new Dictionary<string, string?>());
        using var client = factory.CreateClient();

        using var messages = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent("{\"type\":\"message\"}"));
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, messages.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains(factory.Logs, l => l.Contains("[5050] Microsoft Teams is not configured", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MicrosoftAppId=not-a-guid;MicrosoftAppPassword=x", "MicrosoftAppId must be the bot's app (client) id")]
    [InlineData("MicrosoftAppId=4b1c7a53-3a8e-4f3d-9c2b-6f1d2e3a4b5c", "MicrosoftAppPassword (the app's client secret) is required")]
    [InlineData("MicrosoftAppId=4b1c7a53-3a8e-4f3d-9c2b-6f1d2e3a4b5c;MicrosoftAppPassword=x;QaBot:Teams:LocalMode=true", "LocalMode cannot be combined")]
    [InlineData("MicrosoftAppPassword=x", "MicrosoftAppId is not")]
    [InlineData("MicrosoftAppId=4b1c7a53-3a8e-4f3d-9c2b-6f1d2e3a4b5c;MicrosoftAppPassword=x;MicrosoftAppType=SingleTenant", "MicrosoftAppTenantId is required")]
    [InlineData("MicrosoftAppType=Weird;QaBot:Teams:LocalMode=true", "MicrosoftAppType must be one of")]
    [InlineData("QaBot:Teams:LocalMode=true;QaBot:Teams:RequestTimeout=00:05:00", "RequestTimeout")]
    [InlineData("QaBot:Teams:LocalMode=true;QaBot:Teams:AuthenticationTimeout=00:00:20;QaBot:Teams:RequestTimeout=00:00:10", "AuthenticationTimeout must be shorter")]
    [InlineData("QaBot:Teams:LocalMode=true;QaBot:Teams:ModeratorAadObjectIds:0=alice@example.org", "ModeratorAadObjectIds must hold Microsoft Entra object ids")]
    [InlineData("QaBot:Teams:LocalMode=true;QaBot:Teams:ModeratorChannel:ConversationId=19:m@thread.tacv2", "ModeratorChannel needs both ServiceUrl and ConversationId")]
    [InlineData("MicrosoftAppId=4b1c7a53-3a8e-4f3d-9c2b-6f1d2e3a4b5c;MicrosoftAppPassword=x;QaBot:Teams:ModeratorChannel:ServiceUrl=http://smba.example.org/;QaBot:Teams:ModeratorChannel:ConversationId=19:m@thread.tacv2", "ModeratorChannel:ServiceUrl must be an https URL")]
    [InlineData("QaBot:Teams:LocalMode=true;QaBot:Teams:ModeratorChannel:ServiceUrl=https://smba.trafficmanager.net/emea/;QaBot:Teams:ModeratorChannel:ConversationId=19:m@thread.tacv2", "must be a loopback URL in local mode")]
    [InlineData("QaBot:Teams:ModeratorChannel:ServiceUrl=https://smba.trafficmanager.net/emea/;QaBot:Teams:ModeratorChannel:ConversationId=19:m@thread.tacv2", "ModeratorChannel is set but Teams is off")]
    public void InvalidSettings_StopTheHostWithAClearMessage(string settings, string expected)
    {
        var values = settings.Split(';').Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]);

        // What `qabot serve` runs; the command line prints this exception's message and exits.
        var error = Record.Exception(() => QaBot.Host.QaBotHost.BuildWebApp([], values));

        Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(expected, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidLocalModeSettings_BuildTheHost()
    {
        await using var app = QaBot.Host.QaBotHost.BuildWebApp([], new Dictionary<string, string?> { ["QaBot:Teams:LocalMode"] = "true" });

        Assert.NotNull(app);
    }

    private static string Flatten(Exception error) => error is OptionsValidationException validation
        ? string.Join(" | ", validation.Failures)
        : error.Message;
}
