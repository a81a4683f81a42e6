namespace QaBot.Teams;

/// <summary>A request could not be authenticated in time, or the OpenID metadata could not be read: answered with 503.</summary>
internal sealed class TeamsAuthenticationUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
