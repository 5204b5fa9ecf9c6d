namespace Participation.Budgeting.Rules;

/// <summary>
/// A fingerprint of every decision one run of equal shares took: which project it priced, whether its supporters could
/// pay, which of them (as a set) pay all they have, which way each price comparison went, which project it funded.
/// Along one such path every amount of money is an affine function of the increment, and each decision is the sign of
/// such a function (a price is fixed by its set of poor supporters: they have less than it, the others at least it);
/// the set where an affine function keeps its sign is an interval. So two increments with the same trace have that
/// same trace, and the same outcome, at every increment between them: that is what lets the add1 completion skip
/// runs without changing its result. The order in which budget classes are kept is not a decision and is left out.
/// </summary>
internal struct RunTrace : IEquatable<RunTrace>
{
    private ulong low;
    private ulong high;

    public RunTrace(int kind)
    {
        low = 0x9E3779B97F4A7C15UL;
        high = 0xC2B2AE3D27D4EB4FUL;
        Add(kind);
    }

    /// <summary>Adds one decision (a sign, a branch, a project or class index) to the fingerprint.</summary>
    public void Add(long value)
    {
        // Two independent 64-bit mixes: a false "same trace" would need both to collide.
        low = Mix((low ^ (ulong)value) * 0xFF51AFD7ED558CCDUL);
        high = Mix((high + (ulong)value + 0x632BE59BD9B4E019UL) * 0xC4CEB9FE1A85EC53UL);
    }

    public void Add(bool value) => Add(value ? 1 : 2);

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 29;
        return x;
    }

    public readonly bool Equals(RunTrace other) => low == other.low && high == other.high;

    public override readonly bool Equals(object? obj) => obj is RunTrace other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(low, high);

    public static bool operator ==(RunTrace a, RunTrace b) => a.Equals(b);

    public static bool operator !=(RunTrace a, RunTrace b) => !a.Equals(b);
}

/// <summary>The supporters who pay all they have, as a set: the same set in any order gives the same hash.</summary>
internal struct PoorSet
{
    public long Hash { get; private set; }

    public void Add(int budgetClass, long weight)
    {
        var x = (ulong)budgetClass * 0x9E3779B97F4A7C15UL ^ (ulong)weight * 0xC2B2AE3D27D4EB4FUL;
        x ^= x >> 31;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 29;
        Hash = unchecked(Hash + (long)x);
    }
}
