using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Participation.Municipality.Tracking;

/// <summary>
/// The code a resident uses to follow an initiative: 10 random Crockford base32 symbols (50 bits) and one check symbol,
/// written "K7QXM2PD9RB" (input may carry dashes or spaces, which are ignored). <see cref="Value"/> is that canonical form: upper-case digits and letters only,
/// so it is safe as an Azure Table partition or row key and in a URL.
/// </summary>
public sealed record TrackingCode
{
    public const int RandomSymbols = 10;
    public const int Length = RandomSymbols + 1;

    // Crockford's alphabet leaves out I, L and O (they read as 1 and 0) and U (so no code spells an accidental obscenity).
    internal const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private TrackingCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>Grouped for people: 4-4-3, the last group ending in the check symbol.</summary>
    public string Display => $"{Value[..4]}-{Value[4..8]}-{Value[8..]}";

    public override string ToString() => Display;

    /// <summary>A fresh code from the operating system's cryptographic generator: not sequential, not guessable from other codes.</summary>
    public static TrackingCode New()
    {
        Span<char> symbols = stackalloc char[Length];
        // Always with a digit (about 1 draw in 40 has none): the chatbot tells a code typed in lower case without dashes from
        // an ordinary word by its digits.
        do
        {
            for (var i = 0; i < RandomSymbols; i++)
            {
                symbols[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        }
        while (!symbols[..RandomSymbols].ContainsAnyInRange('0', '9'));

        symbols[RandomSymbols] = CheckSymbol(symbols[..RandomSymbols]);
        return new TrackingCode(new string(symbols));
    }

    /// <summary>Reads what a resident typed or a link carried; throws <see cref="FormatException"/> with the reason.</summary>
    public static TrackingCode Parse(string? input) =>
        TryParse(input, out var code, out var problem) ? code : throw new FormatException(problem.Message);

    /// <summary>
    /// Accepts any case, dashes and spaces anywhere, and Crockford's look-alikes (I and L read as 1, O as 0).
    /// </summary>
    public static bool TryParse(
        string? input,
        [NotNullWhen(true)] out TrackingCode? code,
        [NotNullWhen(false)] out TrackingCodeProblem? problem)
    {
        code = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            problem = new TrackingCodeProblem(TrackingCodeError.Empty, "Enter a tracking code, for example K7QXM2PD9RB.");
            return false;
        }

        var symbols = new List<char>(Length);
        foreach (var c in input)
        {
            if (c is '-' or ' ' or '\t' or '\u2010' or '\u2011' or '\u2013')
            {
                continue;
            }

            var symbol = char.ToUpperInvariant(c) switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                var upper => upper,
            };
            if (symbol == 'U')
            {
                problem = new TrackingCodeProblem(TrackingCodeError.InvalidCharacter, "Tracking codes never contain the letter U; please check the code.");
                return false;
            }

            if (Alphabet.IndexOf(symbol) < 0)
            {
                problem = new TrackingCodeProblem(
                    TrackingCodeError.InvalidCharacter,
                    $"'{c}' does not occur in tracking codes; they contain only digits and letters.");
                return false;
            }

            symbols.Add(symbol);
        }

        if (symbols.Count != Length)
        {
            problem = new TrackingCodeProblem(
                TrackingCodeError.WrongLength,
                $"A tracking code has {Length} characters (dashes not counted); this one has {symbols.Count}.");
            return false;
        }

        var value = new string([.. symbols]);
        if (CheckSymbol(value.AsSpan(0, RandomSymbols)) != value[RandomSymbols])
        {
            problem = new TrackingCodeProblem(
                TrackingCodeError.CheckSymbolMismatch,
                "This tracking code contains a typing error: its characters do not fit together. Please check it.");
            return false;
        }

        code = new TrackingCode(value);
        problem = null;
        return true;
    }

    // Luhn mod 32: catches every single mistyped symbol and most swaps of neighbours, so a typo is reported
    // as a typo instead of as "not found" (and never lands on someone else's initiative).
    private static char CheckSymbol(ReadOnlySpan<char> symbols)
    {
        var n = Alphabet.Length;
        var factor = 2;
        var sum = 0;
        for (var i = symbols.Length - 1; i >= 0; i--)
        {
            var addend = factor * Alphabet.IndexOf(symbols[i]);
            factor = factor == 2 ? 1 : 2;
            sum += (addend / n) + (addend % n);
        }

        return Alphabet[(n - (sum % n)) % n];
    }
}

public enum TrackingCodeError
{
    Empty,
    InvalidCharacter,
    WrongLength,
    CheckSymbolMismatch,
}

/// <summary>Why input is not a tracking code; <see cref="Message"/> can be shown to the resident as is.</summary>
public sealed record TrackingCodeProblem(TrackingCodeError Error, string Message);
