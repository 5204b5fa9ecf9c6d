using System.Globalization;

namespace Participation.Budgeting.Explanations;

/// <summary>
/// Amounts as residents read them: "€1,840" and "€167.44" in English, "€ 1.840" and "€ 167,44" in Dutch.
/// Written out here rather than through culture data so the text is the same on every server.
/// </summary>
public static class Money
{
    public static string English(decimal amount, string currency) => Format(amount, currency, ",", ".", "€");

    public static string Dutch(decimal amount, string currency) => Format(amount, currency, ".", ",", "€ ");

    private static string Format(decimal amount, string currency, string thousands, string point, string euro)
    {
        var sign = amount < 0 ? "-" : "";
        amount = Math.Abs(amount);
        var whole = decimal.Truncate(amount);
        var digits = whole.ToString("0", CultureInfo.InvariantCulture);
        var grouped = string.Join(thousands, Enumerable.Range(0, (digits.Length + 2) / 3)
            .Select(i => digits[Math.Max(0, digits.Length - 3 * (i + 1))..(digits.Length - 3 * i)])
            .Reverse());
        var cents = amount - whole;
        var text = cents == 0 ? grouped : grouped + point + ((int)Math.Round(cents * 100)).ToString("00", CultureInfo.InvariantCulture);
        var symbol = currency.Equals("EUR", StringComparison.OrdinalIgnoreCase) ? euro : currency.ToUpperInvariant() + " ";
        return sign + symbol + text;
    }
}
