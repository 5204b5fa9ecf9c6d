using System.Security.Cryptography;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// Stemcodes and receipt codes: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), printed as
/// XXXX-XXXX-XXXX. 31^12 ≈ 2^59 codes, drawn with a cryptographic generator: guessing one of even a million issued codes
/// takes ~2^39 tries, and attempts are rate limited.
/// </summary>
public static class VotingCodes
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 12;

    public static string New() => Format(RandomNumberGenerator.GetString(Alphabet, Length));

    /// <summary>A code whose first character names a ballot bucket, so a receipt leads straight to its partition.</summary>
    public static string NewWithLead(int lead) => Format(Alphabet[lead] + RandomNumberGenerator.GetString(Alphabet, Length - 1));

    /// <summary>Accepts lower case, spaces and dashes as residents type them; null when it cannot be a code.</summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var compact = new string(typed.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());
        return compact.Length == Length && compact.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? Format(compact) : null;
    }

    private static string Format(string compact) => $"{compact[..4]}-{compact[4..8]}-{compact[8..]}";
}
