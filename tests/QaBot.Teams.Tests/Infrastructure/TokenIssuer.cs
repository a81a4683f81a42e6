using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;

namespace QaBot.Teams.Tests.Infrastructure;

/// <summary>Signs Bot Framework channel tokens (RS256) with a key published by the fake connector's JWKS.</summary>
public sealed class TokenIssuer : IDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string KeyId = "qabot-test-key";

    private readonly RSA key = RSA.Create(2048);
    private readonly RSA otherKey = RSA.Create(2048);

    /// <summary>The JWKS with the public key, endorsed for Teams and the Emulator as the Bot Framework's keys are.</summary>
    public JObject Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.ExportParameters(false)) { KeyId = KeyId });
        return new JObject
        {
            ["keys"] = new JArray(new JObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = KeyId,
                ["n"] = jwk.N,
                ["e"] = jwk.E,
                ["endorsements"] = new JArray("msteams", "emulator"),
            }),
        };
    }

    /// <summary>A channel token as Teams would send it, with ways to make it wrong.</summary>
    public string Create(string audience, string serviceUrl, DateTime? expires = null, bool otherKeySameKid = false)
    {
        var now = DateTime.UtcNow;
        var notAfter = expires ?? now.AddMinutes(30);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = ChannelIssuer,
            Audience = audience,
            IssuedAt = notAfter.AddHours(-1),
            NotBefore = notAfter.AddHours(-1),
            Expires = notAfter,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(
                new RsaSecurityKey(otherKeySameKid ? otherKey : key) { KeyId = KeyId },
                SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose()
    {
        key.Dispose();
        otherKey.Dispose();
    }
}
