using System.Numerics;

namespace Participation.Budgeting.Rules;

/// <summary>
/// What one run of equal shares does whatever its money is: voters kept by budget class, projects priced by walking
/// their supporters from the poorest up, each decision added to the <see cref="RunTrace"/>. <see cref="EqualSharesRun"/>
/// counts in exact numerators, <see cref="IntervalEqualSharesRun"/> in certified intervals; <typeparamref name="TMath"/>
/// is the arithmetic, a struct so that each run's walk is compiled for its own money.
/// </summary>
internal abstract class EqualSharesWalk<TMoney, TMath>
    where TMath : struct, IMoneyMath<TMoney>
{
    protected readonly BallotProfile profile;
    protected readonly int projects;
    protected readonly bool unitWeights;
    protected readonly int[] classOf;
    protected readonly bool[] active;
    protected readonly TMoney[] lastRemainder;
    protected readonly long[] lastWeight;
    protected readonly BudgetClasses<TMoney> classes = new();
    protected List<int> live = [];
    protected int round;
    protected RunTrace trace;

    protected EqualSharesWalk(BallotProfile profile, int traceKind, TMoney share)
    {
        this.profile = profile;
        projects = profile.ProjectCount;
        unitWeights = profile.UnitWeights;
        classOf = new int[profile.GroupCount];
        active = new bool[projects];
        lastRemainder = new TMoney[projects];
        lastWeight = new long[projects];
        trace = new RunTrace(traceKind);
        var everyone = classes.New(share, round);
        classes.Members[everyone] = profile.VoterCount;
        live.Add(everyone);
    }

    public List<int> Selected { get; } = [];

    public long TotalCost { get; protected set; }

    /// <summary>Every decision this run took; see <see cref="RunTrace"/>.</summary>
    public RunTrace Trace => trace;

    /// <summary>
    /// Funds the supported projects that cost nothing and returns the other supported ones, in tie order, each made
    /// active and given its price before anyone spends (<paramref name="priceBeforeSpending"/>).
    /// </summary>
    protected List<int> Candidates(Action<int> priceBeforeSpending)
    {
        var candidates = new List<int>();
        foreach (var p in Enumerable.Range(0, projects).OrderBy(p => profile.TieRank[p]))
        {
            if (profile.Cost[p] == 0 && profile.TotalWeight[p] > 0)
            {
                Selected.Add(p);
            }
            else if (profile.Cost[p] > 0 && profile.TotalWeight[p] > 0)
            {
                active[p] = true;
                candidates.Add(p);
                priceBeforeSpending(p);
            }
        }

        return candidates;
    }

    /// <summary>
    /// Prices project <paramref name="p"/> unless <paramref name="pricedAbove"/> (an older price already above the best
    /// cannot win, as prices only rise); a project its supporters can no longer pay leaves the race. True when priced.
    /// </summary>
    protected bool TryEvaluate(int p, bool pricedAbove, out TMoney remainder, out long weight)
    {
        (remainder, weight) = (default!, 0);
        trace.Add(pricedAbove);
        if (pricedAbove)
        {
            return false;
        }

        var affordable = TryPrice(p, out remainder, out weight);
        trace.Add(affordable);
        if (!affordable)
        {
            active[p] = false;
            return false;
        }

        lastRemainder[p] = remainder;
        lastWeight[p] = weight;
        return true;
    }

    /// <summary>What the project costs in this run's money.</summary>
    protected abstract TMoney CostOf(int project);

    /// <summary>The project's supporters as (class, weight, count), poorest per vote first (ballots with weights only).</summary>
    protected abstract ReadOnlySpan<(int Class, long Weight, long Count)> SupportersPoorestFirst(int project);

    /// <summary>
    /// The price per vote at which the supporters can pay the cost, each paying at most what they have left, as the
    /// <paramref name="remainder"/> the richer supporters share over <paramref name="weight"/> votes. False when their
    /// money together falls short.
    /// </summary>
    private bool TryPrice(int project, out TMoney remainder, out long weight)
    {
        var target = CostOf(project);
        var paidByPoor = TMath.Zero;
        var poor = new PoorSet();
        weight = profile.TotalWeight[project];
        trace.Add(project);
        if (!unitWeights)
        {
            foreach (var (c, w, m) in SupportersPoorestFirst(project))
            {
                // Can they and everyone richer share what the poorer left unpaid? If not, they pay all they have.
                remainder = TMath.Subtract(target, paidByPoor);
                if (TMath.AtMost(TMath.Times(remainder, w), TMath.Times(classes.Money[c], weight)))
                {
                    trace.Add(poor.Hash);
                    return true;
                }
                poor.Add(c, w);
                paidByPoor = TMath.Add(paidByPoor, TMath.Times(classes.Money[c], m));
                weight -= m * w;
            }

            remainder = default!;
            return false;
        }

        // Supporters per budget class, then the classes from poorest up; the histogram is cleared on the way out.
        for (var k = profile.ProjectStart[project]; k < profile.ProjectStart[project + 1]; k++)
        {
            classes.Scratch[classOf[profile.ProjectGroup[k]]] += profile.Multiplicity[profile.ProjectGroup[k]];
        }

        try
        {
            foreach (var c in live)
            {
                var m = classes.Scratch[c];
                if (m == 0)
                {
                    continue;
                }
                if (c != classes.Zero)
                {
                    // As above, with every vote of weight one.
                    remainder = TMath.Subtract(target, paidByPoor);
                    if (TMath.AtMost(remainder, TMath.Times(classes.Money[c], weight)))
                    {
                        trace.Add(poor.Hash);
                        return true;
                    }
                    poor.Add(c, 1);
                    paidByPoor = TMath.Add(paidByPoor, TMath.Times(classes.Money[c], m));
                }
                weight -= m;
            }
        }
        finally
        {
            for (var k = profile.ProjectStart[project]; k < profile.ProjectStart[project + 1]; k++)
            {
                classes.Scratch[classOf[profile.ProjectGroup[k]]] = 0;
            }
        }

        remainder = default!;
        return false;
    }

    /// <summary>The project's supporting voter groups with the weight of their vote, their size and their class now.</summary>
    protected Supporters SupportersOf(int project) => new(profile, classOf, project);

    /// <summary>A struct enumeration, so that paying a project with many supporters costs no allocation or interface call.</summary>
    protected ref struct Supporters(BallotProfile profile, int[] classOf, int project)
    {
        private int k = profile.ProjectStart[project] - 1;

        public readonly Supporters GetEnumerator() => this;

        public bool MoveNext() => ++k < profile.ProjectStart[project + 1];

        public readonly (int Group, long Weight, long Count, int From) Current
        {
            get
            {
                var g = profile.ProjectGroup[k];
                return (g, profile.ProjectWeight[k], profile.Multiplicity[g], classOf[g]);
            }
        }
    }

    protected void Move(int group, int from, int to, long m)
    {
        classOf[group] = to;
        classes.Move(from, to, m);
    }

    /// <summary>Frees the slots of classes a payment emptied (the class of voters with nothing left stays).</summary>
    protected void ReleaseEmptied(IEnumerable<int> touched)
    {
        foreach (var c in touched.Distinct())
        {
            if (classes.Members[c] == 0 && c != classes.Zero)
            {
                classes.Release(c);
            }
        }
    }

    /// <summary>Records a funded project.</summary>
    protected void Fund(int project)
    {
        Selected.Add(project);
        TotalCost += profile.Cost[project];
    }
}

/// <summary>The arithmetic a run's money needs; a comparison either is certain or throws <see cref="UncertainComparison"/>.</summary>
internal interface IMoneyMath<TMoney>
{
    static abstract TMoney Zero { get; }

    static abstract TMoney Add(TMoney a, TMoney b);

    static abstract TMoney Subtract(TMoney a, TMoney b);

    static abstract TMoney Times(TMoney a, long factor);

    static abstract bool AtMost(TMoney a, TMoney b);
}

/// <summary>Whole numerators over a run's common denominator: every comparison is an integer comparison.</summary>
internal readonly struct ExactMoney : IMoneyMath<BigInteger>
{
    public static BigInteger Zero => BigInteger.Zero;

    public static BigInteger Add(BigInteger a, BigInteger b) => a + b;

    public static BigInteger Subtract(BigInteger a, BigInteger b) => a - b;

    public static BigInteger Times(BigInteger a, long factor) => a * factor;

    public static bool AtMost(BigInteger a, BigInteger b) => a <= b;
}

/// <summary>Certified intervals (<see cref="Interval"/>).</summary>
internal readonly struct IntervalMoney : IMoneyMath<Interval>
{
    public static Interval Zero => Interval.Exact(0);

    public static Interval Add(Interval a, Interval b) => a + b;

    public static Interval Subtract(Interval a, Interval b) => a - b;

    public static Interval Times(Interval a, long factor) => a * factor;

    public static bool AtMost(Interval a, Interval b) => Interval.AtMost(a, b);
}
