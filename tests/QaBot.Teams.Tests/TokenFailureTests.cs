using System.Net;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using Microsoft.Rest;
using QaBot.Teams.Tests.Infrastructure;

namespace QaBot.Teams.Tests;

/// <summary>
/// The bot cannot get its own token (identity service unreachable, a wrong or expired secret): a delivery failure, logged
/// in one line without a stack trace, and no second token request for an apology in the same turn.
/// </summary>
public sealed class TokenFailureTests : IAsyncLifetime
{
    private readonly FailingCredentialsFactory credentials = new();
    private readonly TeamsHost host;

    public TokenFailureTests()
    {
        host = new TeamsHost(new Dictionary<string, string?>(), services: s => s.AddSingleton<ServiceClientCredentialsFactory>(sp =>
            credentials.WithInbound(new ConfigurationServiceClientCredentialFactory(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()))));
    }

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Message_TokenCannotBeAcquired_OneLogLineWithoutStackTraceAndNoSecondTokenAttempt()
    {
        var activity = TeamsActivities.Personal(host.ServiceUrl, TeamsHost.AppId, "can stem cells help lupus?");

        using var response = await host.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, credentials.TokenAttempts); // no apology attempted: it would need a token too
        Assert.Empty(host.Connector.Requests);
        var failure = Assert.Single(host.Factory.Logs, l => l.StartsWith("QaBot.Teams.", StringComparison.Ordinal) && l.Contains("[5013]", StringComparison.Ordinal));
        Assert.Contains("could not get the bot's token: MsalServiceException invalid_client", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("AADSTS", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Factory.Logs, l => l.StartsWith("QaBot.Teams.", StringComparison.Ordinal) && l.Contains("   at ", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Factory.Logs, l => l.Contains("unexpected error", StringComparison.Ordinal));
    }

    /// <summary>Inbound checks as in production; every outbound token request fails as the SDK reports it.</summary>
    private sealed class FailingCredentialsFactory : ServiceClientCredentialsFactory
    {
        private ServiceClientCredentialsFactory inner = null!;
        private int attempts;

        public int TokenAttempts => Volatile.Read(ref attempts);

        public FailingCredentialsFactory WithInbound(ServiceClientCredentialsFactory factory)
        {
            inner = factory;
            return this;
        }

        public override Task<bool> IsValidAppIdAsync(string appId, CancellationToken cancellationToken) => inner.IsValidAppIdAsync(appId, cancellationToken);

        public override Task<bool> IsAuthenticationDisabledAsync(CancellationToken cancellationToken) => inner.IsAuthenticationDisabledAsync(cancellationToken);

        public override Task<ServiceClientCredentials> CreateCredentialsAsync(string appId, string audience, string loginEndpoint, bool validateAuthority, CancellationToken cancellationToken) =>
            Task.FromResult<ServiceClientCredentials>(new FailingCredentials(this));

        private sealed class FailingCredentials(FailingCredentialsFactory owner) : ServiceClientCredentials
        {
            public override Task ProcessHttpRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref owner.attempts);
                throw new AggregateException(
                    "Failed to acquire token for client credentials.",
                    new MsalServiceException("invalid_client", "AADSTS7000215: Invalid client secret provided."));
            }
        }
    }
}
