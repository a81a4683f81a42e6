using Microsoft.Extensions.Options;

namespace QaBot.Teams;

/// <summary>
/// The HTTP clients of every outgoing call the Bot Framework SDK makes for us (Bot Connector replies and updates, token
/// requests): one pooled handler, no redirects, and <see cref="TeamsOptions.OutgoingTimeout"/> on every client.
/// </summary>
internal sealed class TeamsHttpClientFactory : IHttpClientFactory, IDisposable
{
    private readonly SocketsHttpHandler handler;
    private readonly TimeSpan timeout;

    public TeamsHttpClientFactory(IOptions<TeamsOptions> options)
    {
        timeout = options.Value.OutgoingTimeout;
        handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
    }

    /// <summary>A new client on the shared handler; disposing it leaves the handler alone.</summary>
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false) { Timeout = timeout };

    public void Dispose() => handler.Dispose();
}
