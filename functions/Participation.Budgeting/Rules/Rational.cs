using System.Numerics;

namespace Participation.Budgeting.Rules;

/// <summary>
/// An exact fraction, always reduced and with a positive denominator. Voters' shares under equal shares are
/// budget / voters and shrink by prices that are themselves fractions, so no binary floating point is used
/// where an outcome depends on a comparison.
/// </summary>
public readonly struct Rational : IComparable<Rational>, IEquatable<Rational>
{
    private readonly BigInteger denominator;

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero)
        {
            numerator /= gcd;
            denominator /= gcd;
        }
        Numerator = numerator;
        this.denominator = denominator;
    }

    public BigInteger Numerator { get; }

    // default(Rational) is zero, so an unset denominator reads as one.
    public BigInteger Denominator => denominator.IsZero ? BigInteger.One : denominator;

    public static Rational Zero => default;

    public int Sign => Numerator.Sign;

    public static implicit operator Rational(long value) => new(value, BigInteger.One);

    public static Rational operator +(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator *(Rational a, Rational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;
    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    public static Rational Min(Rational a, Rational b) => a <= b ? a : b;

    public int CompareTo(Rational other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Rational other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary>The largest whole number not above this value.</summary>
    public BigInteger Floor() => BigInteger.Divide(Numerator - (Numerator.Sign < 0 ? Denominator - 1 : 0), Denominator);

    /// <summary>The smallest whole number not below this value.</summary>
    public BigInteger Ceiling() => -new Rational(-Numerator, Denominator).Floor();

    /// <summary>For display only: rounded to cents, half away from zero.</summary>
    public decimal ToDecimal(int decimals = 2)
    {
        var scale = BigInteger.Pow(10, decimals);
        var scaled = Numerator * scale * 2 + (Numerator.Sign < 0 ? -Denominator : Denominator);
        return (decimal)BigInteger.Divide(scaled, Denominator * 2) / (decimal)scale;
    }

    public override string ToString() => Denominator.IsOne ? Numerator.ToString() : $"{Numerator}/{Denominator}";
}
