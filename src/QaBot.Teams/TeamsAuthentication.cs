using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace QaBot.Teams;

/// <summary>
/// Wraps the SDK's <see cref="BotFrameworkAuthentication"/> (built from configuration) so that every way a token can be
/// wrong ends as <see cref="UnauthorizedAccessException"/> (401) rather than an unhandled exception (500), authentication
/// is bounded by <see cref="TeamsOptions.AuthenticationTimeout"/>, and local mode only ever talks to loopback addresses.
/// </summary>
internal sealed partial class TeamsAuthentication : BotFrameworkAuthentication
{
    private readonly BotFrameworkAuthentication inner;
    private readonly TeamsOptions options;
    private readonly TeamsMetrics metrics;
    private readonly ILogger<TeamsAuthentication> logger;

    public TeamsAuthentication(BotFrameworkAuthentication inner, IOptions<TeamsOptions> options, TeamsMetrics metrics, ILogger<TeamsAuthentication> logger)
    {
        this.inner = inner;
        this.options = options.Value;
        this.metrics = metrics;
        this.logger = logger;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        if (!options.Authenticated)
        {
            return await AuthenticateLocalAsync(activity, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken)
                .WaitAsync(options.AuthenticationTimeout, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException)
        {
            LogRejected(logger, "unauthorized");
            metrics.RecordAuthenticationFailure("unauthorized");
            throw;
        }
        catch (Exception ex) when (ex is SecurityTokenException or ArgumentException)
        {
            // Malformed, wrongly signed, expired or otherwise invalid tokens surface as IdentityModel exceptions.
            LogRejected(logger, ex.GetType().Name);
            metrics.RecordAuthenticationFailure("invalid_token");
            throw new UnauthorizedAccessException("The request's token is not valid.", ex);
        }
        catch (TimeoutException ex)
        {
            LogUnavailable(logger, "timeout");
            metrics.RecordAuthenticationFailure("timeout");
            throw new TeamsAuthenticationUnavailableException("Authentication took too long.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // e.g. the OpenID metadata could not be fetched: the request may be fine, we cannot tell.
            LogUnavailable(logger, ex.GetType().Name);
            metrics.RecordAuthenticationFailure("unavailable");
            throw new TeamsAuthenticationUnavailableException("Authentication is unavailable.", ex);
        }
    }

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        throw new NotSupportedException("QaBot serves no skill or channel-service endpoints.");

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        throw new UnauthorizedAccessException("Streaming connections are not served.");

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity)
    {
        var factory = inner.CreateConnectorFactory(claimsIdentity);
        return options.Authenticated ? factory : new LoopbackConnectorFactory(factory);
    }

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() =>
        throw new NotSupportedException("QaBot does not call other bots.");

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    /// <summary>
    /// Local (Emulator) mode: no app id, so nothing can be authenticated. The request is accepted only when its service
    /// URL is loopback, its Authorization header is ignored (so no token or metadata is ever fetched for it), and the
    /// connector factory refuses any other address as a second line of defence.
    /// </summary>
    private async Task<AuthenticateRequestResult> AuthenticateLocalAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!LoopbackAddress.IsLoopbackServiceUrl(activity.ServiceUrl))
        {
            LogRejected(logger, "local mode: service URL is not loopback");
            metrics.RecordAuthenticationFailure("not_loopback");
            throw new UnauthorizedAccessException("Local mode replies only to loopback service URLs.");
        }

        var result = await inner.AuthenticateRequestAsync(activity, authHeader: string.Empty, cancellationToken).ConfigureAwait(false);
        result.ConnectorFactory = new LoopbackConnectorFactory(result.ConnectorFactory);
        return result;
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Teams request rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Teams request could not be authenticated: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
