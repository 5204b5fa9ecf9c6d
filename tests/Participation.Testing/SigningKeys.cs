using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Participation.Testing;

public static class SigningKeys
{
    /// <summary>
    /// A JSON Web Key Set holding the public half of <paramref name="key"/> as <c>key-1</c>, endorsed for
    /// <paramref name="channels"/>, as the Bot Connector publishes its keys.
    /// </summary>
    public static JsonObject KeySet(RSA key, params string[] channels)
    {
        var publicKey = key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = "key-1",
                ["n"] = Base64Url.EncodeToString(publicKey.Modulus),
                ["e"] = Base64Url.EncodeToString(publicKey.Exponent),
                ["endorsements"] = new JsonArray([.. channels.Select(channel => JsonValue.Create(channel))]),
            }),
        };
    }
}
