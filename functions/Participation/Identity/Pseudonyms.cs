using System.Security.Cryptography;
using System.Text;

namespace Participation.App.Identity;

/// <summary>
/// Keyed hashes for resident identifiers that must be compared but never stored: one signature per resident, one ballot
/// per voter. The pepper is a secret from configuration (Key Vault in Azure), so a leaked table cannot be reversed by
/// hashing every e-mail address. A purpose separates the uses: the same person gets unrelated pseudonyms in two budgets.
/// </summary>
public sealed class Pseudonyms(IOptions<IdentityOptions> options)
{
    private readonly byte[] pepper = Encoding.UTF8.GetBytes(options.Value.Pepper);

    public string For(string purpose, string identifier)
    {
        var input = Encoding.UTF8.GetBytes(purpose + "\n" + Normalise(identifier));
        return Convert.ToHexStringLower(HMACSHA256.HashData(pepper, input));
    }

    private static string Normalise(string identifier) => identifier.Trim().ToLowerInvariant();
}
