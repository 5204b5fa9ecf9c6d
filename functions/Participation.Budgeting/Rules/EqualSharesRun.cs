using System.Numerics;
using System.Runtime.InteropServices;

namespace Participation.Budgeting.Rules;

/// <summary>
/// One run of the Method of Equal Shares with a given share per voter, in exact arithmetic.
/// Voters are tracked by budget class, not one by one: everyone in a class has the same money left, so a project's
/// price is found by walking the classes from poorest to richest. Money is kept as whole numerators over one
/// common denominator, which makes every comparison an integer comparison.
/// </summary>
internal sealed class EqualSharesRun : EqualSharesWalk<BigInteger, ExactMoney>
{
    private readonly BigInteger[] staleNumerator;
    private readonly BigInteger[] staleDenominator;
    private readonly double[] staleEstimate;
    private BigInteger denominator;

    public EqualSharesRun(BallotProfile profile, BigInteger shareNumerator, BigInteger shareDenominator)
        : base(profile, traceKind: 1, shareNumerator)
    {
        Share = new Rational(shareNumerator, shareDenominator);
        denominator = shareDenominator;
        staleNumerator = new BigInteger[projects];
        staleDenominator = new BigInteger[projects];
        staleEstimate = new double[projects];
    }

    public Rational Share { get; }

    public List<Payment> Payments { get; } = [];

    public void Execute(CancellationToken cancellationToken)
    {
        var candidates = Candidates(p =>
        {
            staleNumerator[p] = profile.Cost[p];
            staleDenominator[p] = (BigInteger)profile.TotalWeight[p] * profile.SatisfactionScale[p];
            staleEstimate[p] = Estimate(staleNumerator[p], staleDenominator[p]);
        });

        var tied = new List<int>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            candidates.RemoveAll(p => !active[p]);
            // Cheapest-looking first, so the exact skip below prunes most projects; the order itself decides nothing.
            candidates.Sort((a, b) => staleEstimate[a].CompareTo(staleEstimate[b]));
            tied.Clear();
            BigInteger bestNumerator = default, bestDenominator = default;
            foreach (var p in candidates)
            {
                // A project's price only rises as voters spend, so an old price above the best cannot win.
                var pricedAbove = tied.Count > 0 && staleNumerator[p] * bestDenominator > bestNumerator * staleDenominator[p];
                if (!TryEvaluate(p, pricedAbove, out var remainder, out var weight))
                {
                    continue;
                }
                staleNumerator[p] = remainder;
                staleDenominator[p] = denominator * weight * profile.SatisfactionScale[p];
                staleEstimate[p] = Estimate(staleNumerator[p], staleDenominator[p]);
                var comparison = tied.Count == 0
                    ? -1
                    : (staleNumerator[p] * bestDenominator).CompareTo(bestNumerator * staleDenominator[p]);
                trace.Add(comparison);
                if (comparison < 0)
                {
                    tied.Clear();
                    bestNumerator = staleNumerator[p];
                    bestDenominator = staleDenominator[p];
                }
                if (comparison <= 0)
                {
                    tied.Add(p);
                }
            }
            if (tied.Count == 0)
            {
                return;
            }
            var chosen = tied.MinBy(p => profile.TieRank[p]);
            trace.Add(chosen);
            Pay(chosen, lastRemainder[chosen], lastWeight[chosen]);
            active[chosen] = false;
        }
    }

    /// <summary>Money one voter of the group has left, as a fraction.</summary>
    public Rational LeftoverOf(int group) => new(classes.Money[classOf[group]], denominator);

    /// <summary>Money the project's supporters have left together.</summary>
    public Rational SupportersLeftover(int project)
    {
        var sum = BigInteger.Zero;
        for (var k = profile.ProjectStart[project]; k < profile.ProjectStart[project + 1]; k++)
        {
            var g = profile.ProjectGroup[k];
            sum += classes.Money[classOf[g]] * profile.Multiplicity[g];
        }
        return new Rational(sum, denominator);
    }

    protected override BigInteger CostOf(int project) => profile.Cost[project] * denominator;

    protected override ReadOnlySpan<(int Class, long Weight, long Count)> SupportersPoorestFirst(int project)
    {
        var merged = new Dictionary<(int, long), long>();
        for (var k = profile.ProjectStart[project]; k < profile.ProjectStart[project + 1]; k++)
        {
            var key = (classOf[profile.ProjectGroup[k]], profile.ProjectWeight[k]);
            merged[key] = merged.GetValueOrDefault(key) + profile.Multiplicity[profile.ProjectGroup[k]];
        }
        var entries = merged.Select(entry => (entry.Key.Item1, entry.Key.Item2, entry.Value)).ToList();
        entries.Sort((a, b) => (classes.Money[a.Item1] * b.Item2).CompareTo(classes.Money[b.Item1] * a.Item2));
        return CollectionsMarshal.AsSpan(entries);
    }

    private void Pay(int project, BigInteger remainder, long weight)
    {
        round++;
        var previousDenominator = denominator;
        var moneyBefore = BigInteger.Zero;
        long payingAll = 0;
        long highestRichWeight = 0;
        var target = new Dictionary<(int, long), (int To, bool Poor)>();
        var poorInRound = new HashSet<int>();
        var touched = new List<int>();
        var oldLive = live;
        foreach (var (g, w, m, from) in SupportersOf(project))
        {
            moneyBefore += classes.Money[from] * m;
            if (!TryTarget(target, poorInRound, from, w, out var move))
            {
                // What is left after paying price * w, over the new denominator (old one times weight).
                var left = classes.Money[from] * weight - remainder * w;
                trace.Add(left.Sign);
                move = left.Sign > 0 ? (classes.New(left, round), false) : (classes.ZeroClass(BigInteger.Zero, round), left.Sign < 0);
                SetTarget(target, poorInRound, from, w, move);
                touched.Add(from);
            }
            if (move.Poor)
            {
                payingAll += m;
            }
            else
            {
                highestRichWeight = Math.Max(highestRichWeight, w);
            }
            if (move.To != from)
            {
                Move(g, from, move.To, m);
            }
        }

        foreach (var c in oldLive)
        {
            if (classes.CreatedInRound[c] != round && c != classes.Zero)
            {
                classes.Money[c] *= weight;
            }
        }
        denominator *= weight;
        live = unitWeights
            ? classes.MergeLive(oldLive, round, static (kept, shifted) => kept <= shifted)
            : oldLive.Concat(target.Values.Select(move => move.To)).Distinct().Where(c => classes.Members[c] > 0).ToList();
        ReleaseEmptied(touched);
        Fund(project);
        Payments.Add(new Payment(project, remainder, previousDenominator * weight, payingAll, highestRichWeight, moneyBefore, previousDenominator));
    }

    // Approval ballots all weigh 1, so where a class goes is one array slot; other ballots need the weight too.
    private bool TryTarget(Dictionary<(int, long), (int To, bool Poor)> target, HashSet<int> poor, int from, long w, out (int To, bool Poor) move)
    {
        if (unitWeights)
        {
            move = classes.MovesInRound[from] == round ? (classes.MovesTo[from], poor.Contains(from)) : default;
            return classes.MovesInRound[from] == round;
        }
        return target.TryGetValue((from, w), out move);
    }

    private void SetTarget(Dictionary<(int, long), (int To, bool Poor)> target, HashSet<int> poor, int from, long w, (int To, bool Poor) move)
    {
        if (unitWeights)
        {
            classes.MovesInRound[from] = round;
            classes.MovesTo[from] = move.To;
            if (move.Poor)
            {
                poor.Add(from);
            }
            return;
        }
        target.Add((from, w), move);
    }

    private static double Estimate(BigInteger numerator, BigInteger denominator)
    {
        var shift = (int)Math.Max(0, Math.Max(numerator.GetBitLength(), denominator.GetBitLength()) - 1000);
        return (double)(numerator >> shift) / (double)(denominator >> shift);
    }

    /// <summary>
    /// A funded project's bill: rich supporters paid remainder / denominator per vote; <see cref="PayingAll"/>
    /// supporters paid everything they had; together they had <see cref="MoneyBefore"/> / <see cref="Scale"/>.
    /// </summary>
    internal sealed record Payment(
        int Project,
        BigInteger Remainder,
        BigInteger Denominator,
        long PayingAll,
        long HighestRichWeight,
        BigInteger MoneyBefore,
        BigInteger Scale);
}
