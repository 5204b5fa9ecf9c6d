namespace Participation.Budgeting.Rules;

/// <summary>
/// A closed interval of doubles that is guaranteed to contain an exact value: every operation rounds its bounds
/// outward by one step. A comparison is answered only when the intervals do not overlap, so an answer is the one
/// exact arithmetic gives; otherwise it throws <see cref="UncertainComparison"/> and the caller recounts exactly.
/// </summary>
internal readonly record struct Interval(double Lo, double Hi)
{
    public static Interval Exact(double value) => new(value, value);

    public static Interval Of(long numerator, long denominator)
    {
        var value = (double)numerator / denominator;
        return new(Math.BitDecrement(value), Math.BitIncrement(value));
    }

    public bool IsZero => Lo == 0 && Hi == 0;

    public static Interval operator +(Interval a, Interval b) =>
        new(Math.BitDecrement(a.Lo + b.Lo), Math.BitIncrement(a.Hi + b.Hi));

    public static Interval operator -(Interval a, Interval b) =>
        new(Math.BitDecrement(a.Lo - b.Hi), Math.BitIncrement(a.Hi - b.Lo));

    /// <summary>Times a positive whole number.</summary>
    public static Interval operator *(Interval a, long factor) =>
        new(Math.BitDecrement(a.Lo * factor), Math.BitIncrement(a.Hi * factor));

    /// <summary>Divided by a positive whole number.</summary>
    public static Interval operator /(Interval a, double divisor) =>
        new(Math.BitDecrement(a.Lo / divisor), Math.BitIncrement(a.Hi / divisor));

    /// <summary>True if certainly a ≤ b, false if certainly a > b.</summary>
    public static bool AtMost(Interval a, Interval b) =>
        a.Hi <= b.Lo ? true : a.Lo > b.Hi ? false : throw new UncertainComparison();

    /// <summary>-1 if certainly a &lt; b, 1 if certainly a &gt; b; exact ties cannot be told apart from near ties.</summary>
    public static int Compare(Interval a, Interval b) =>
        a.Hi < b.Lo ? -1 : a.Lo > b.Hi ? 1 : throw new UncertainComparison();
}

internal sealed class UncertainComparison : Exception
{
    public UncertainComparison()
        : base("Floating point cannot decide this comparison; count exactly.")
    {
    }
}
