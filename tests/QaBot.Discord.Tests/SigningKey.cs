using System.Text;
using NSec.Cryptography;

namespace QaBot.Discord.Tests;

/// <summary>An Ed25519 key pair standing in for the Discord application's, to sign interaction requests as Discord does.</summary>
internal sealed class SigningKey : IDisposable
{
    private readonly Key key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    public string PublicKeyHex => Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>The <c>X-Signature-Ed25519</c> value for a timestamp and body.</summary>
    public string Sign(string timestamp, string body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body)));

    public void Dispose() => key.Dispose();
}
