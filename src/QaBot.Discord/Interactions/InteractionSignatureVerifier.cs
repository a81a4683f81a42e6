using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace QaBot.Discord.Interactions;

/// <summary>
/// Checks Discord's Ed25519 signature of an interaction request: <c>X-Signature-Ed25519</c> over
/// <c>X-Signature-Timestamp</c> followed by the raw body, with the application's public key.
/// </summary>
internal sealed class InteractionSignatureVerifier
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly PublicKey? publicKey;

    public InteractionSignatureVerifier(IOptions<DiscordOptions> options)
    {
        var hex = options.Value.PublicKey;
        if (hex is { Length: 64 } && hex.All(char.IsAsciiHexDigit))
        {
            publicKey = PublicKey.Import(Algorithm, Convert.FromHexString(hex), KeyBlobFormat.RawPublicKey);
        }
    }

    public bool Verify(string? timestamp, string? signatureHex, ReadOnlySpan<byte> body)
    {
        if (publicKey is null || string.IsNullOrEmpty(timestamp) || signatureHex is not { Length: 128 } || !signatureHex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        var signature = Convert.FromHexString(signatureHex);
        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, signed);
        body.CopyTo(signed.AsSpan(written));
        return Algorithm.Verify(publicKey, signed, signature);
    }
}
