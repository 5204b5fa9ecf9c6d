namespace Participation.Budgeting.Rules;

/// <summary>
/// The budget classes of one equal-shares run: voters who have the same money left share a class, so a round walks
/// classes, not voters. Slots of emptied classes are reused. <typeparamref name="TMoney"/> is what a class holds:
/// a numerator over the run's common denominator (<see cref="EqualSharesRun"/>) or a certified interval
/// (<see cref="IntervalEqualSharesRun"/>); the bookkeeping is the same for both.
/// </summary>
internal sealed class BudgetClasses<TMoney>
{
    private readonly Stack<int> free = new();
    private int count;

    public TMoney[] Money { get; private set; } = new TMoney[64];

    public long[] Members { get; private set; } = new long[64];

    public int[] CreatedInRound { get; private set; } = new int[64];

    /// <summary>Per class, for a round's own tallies; each round leaves it as it found it.</summary>
    public long[] Scratch { get; private set; } = new long[64];

    /// <summary>Where the class's members went in round <see cref="MovesInRound"/> (approval ballots only).</summary>
    public int[] MovesTo { get; private set; } = new int[64];

    public int[] MovesInRound { get; private set; } = new int[64];

    /// <summary>The class of voters with nothing left, or -1 while there is none.</summary>
    public int Zero { get; private set; } = -1;

    public int New(TMoney money, int round)
    {
        int c;
        if (free.Count > 0)
        {
            c = free.Pop();
        }
        else
        {
            c = count++;
            if (c == Money.Length)
            {
                Money = Grown(Money);
                Members = Grown(Members);
                CreatedInRound = Grown(CreatedInRound);
                Scratch = Grown(Scratch);
                MovesTo = Grown(MovesTo);
                MovesInRound = Grown(MovesInRound);
            }
        }
        Money[c] = money;
        Members[c] = 0;
        CreatedInRound[c] = round;
        return c;
    }

    public int ZeroClass(TMoney nothing, int round)
    {
        if (Zero < 0)
        {
            Zero = New(nothing, round);
        }
        return Zero;
    }

    public void Release(int c) => free.Push(c);

    public void Move(int from, int to, long m)
    {
        Members[from] -= m;
        Members[to] += m;
    }

    /// <summary>
    /// The live classes after a round of approval ballots, poorest first without sorting: the zero class, then the
    /// classes nobody left and the classes created this round, each list already in order, merged by
    /// <paramref name="keptFirst"/> (true when the kept class goes before the new one).
    /// </summary>
    public List<int> MergeLive(List<int> oldLive, int round, Func<TMoney, TMoney, bool> keptFirst)
    {
        var kept = new List<int>();
        var shifted = new List<int>();
        foreach (var c in oldLive)
        {
            if (c != Zero && Members[c] > 0 && CreatedInRound[c] != round)
            {
                kept.Add(c);
            }
            if (MovesInRound[c] == round && MovesTo[c] != Zero)
            {
                shifted.Add(MovesTo[c]);
            }
        }
        var merged = new List<int>(kept.Count + shifted.Count + 1);
        if (Zero >= 0 && Members[Zero] > 0)
        {
            merged.Add(Zero);
        }
        int i = 0, j = 0;
        while (i < kept.Count && j < shifted.Count)
        {
            merged.Add(keptFirst(Money[kept[i]], Money[shifted[j]]) ? kept[i++] : shifted[j++]);
        }
        merged.AddRange(kept.Skip(i));
        merged.AddRange(shifted.Skip(j));
        return merged;
    }

    private static T[] Grown<T>(T[] array)
    {
        var grown = array;
        Array.Resize(ref grown, array.Length * 2);
        return grown;
    }
}
