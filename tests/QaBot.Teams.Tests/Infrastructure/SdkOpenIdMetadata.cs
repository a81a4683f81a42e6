using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace QaBot.Teams.Tests.Infrastructure;

/// <summary>
/// The SDK fetches OpenID metadata through IdentityModel's <c>HttpDocumentRetriever</c>, which refuses plain http, and
/// gives no way to pass another retriever. So that the SDK can read the loopback (http) metadata of the fake connector,
/// the test puts a configuration manager allowing http into the SDK's own per-URL cache
/// (<c>JwtTokenExtractor._openIdMetadataCache</c>) for that one URL. Everything else (key lookup, signature, lifetime,
/// issuer, audience, endorsements, service URL claim) is the SDK's real validation.
/// </summary>
/// <remarks>
/// Why reflection and not a supported seam (checked against Bot Builder 4.23.1's source): serving the metadata over
/// https with a test certificate would need the SDK to fetch it with an HttpClient the test can configure, but
/// <c>ParameterizedBotFrameworkAuthentication</c> (what <c>ConfigurationBotFrameworkAuthentication</c> builds) validates
/// with its own <c>private static readonly HttpClient _authHttpClient = new HttpClient()</c>, ignoring the
/// <c>IHttpClientFactory</c> we pass, and <c>JwtTokenExtractor</c> creates its <c>HttpDocumentRetriever</c> (https
/// required) itself. Trusting a test certificate machine-wide would need root. If the SDK removes the field, this throws
/// with its name, so the tests fail loudly rather than pass without validation.
/// </remarks>
public static class SdkOpenIdMetadata
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static void AllowHttp(string metadataUrl)
    {
        var field = typeof(JwtTokenExtractor).GetField("_openIdMetadataCache", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("The Bot Framework SDK no longer has JwtTokenExtractor._openIdMetadataCache.");
        var cache = (ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>>)field.GetValue(null)!;
        cache[metadataUrl] = new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataUrl,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(Http) { RequireHttps = false });
    }
}
