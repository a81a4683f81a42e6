using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest;

namespace QaBot.Teams.Tests.Infrastructure;

/// <summary>
/// The production credentials factory for everything inbound (is this our app id? is auth disabled?), with the outbound
/// token replaced by a fixed one: acquiring a real token would call Microsoft Entra ID.
/// </summary>
public sealed class OfflineCredentialsFactory(ServiceClientCredentialsFactory inner) : ServiceClientCredentialsFactory
{
    public const string OutgoingToken = "outgoing-test-token";

    public override Task<bool> IsValidAppIdAsync(string appId, CancellationToken cancellationToken) => inner.IsValidAppIdAsync(appId, cancellationToken);

    public override Task<bool> IsAuthenticationDisabledAsync(CancellationToken cancellationToken) => inner.IsAuthenticationDisabledAsync(cancellationToken);

    public override Task<ServiceClientCredentials> CreateCredentialsAsync(string appId, string audience, string loginEndpoint, bool validateAuthority, CancellationToken cancellationToken) =>
        Task.FromResult<ServiceClientCredentials>(new TokenCredentials(OutgoingToken));
}
