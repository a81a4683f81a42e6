using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace QaBot.Teams;

/// <summary>Local mode's connector factory: refuses to create a client for any service URL that is not loopback.</summary>
internal sealed class LoopbackConnectorFactory(ConnectorFactory inner) : ConnectorFactory
{
    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        if (!LoopbackAddress.IsLoopbackServiceUrl(serviceUrl))
        {
            throw new UnauthorizedAccessException("Local mode replies only to loopback service URLs.");
        }

        return inner.CreateAsync(serviceUrl, audience, cancellationToken);
    }
}
