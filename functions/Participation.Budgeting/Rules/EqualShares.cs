using System.Numerics;

namespace Participation.Budgeting.Rules;

/// <summary>
/// The Method of Equal Shares with cost satisfaction and the add1 completion, as pabulib's
/// <c>equalshares/add1</c>: every voter gets budget / voters; a project is funded when its supporters can pay for it,
/// cheapest price per unit of satisfaction first. Then every share is raised by one currency unit and the method is
/// run again, for as long as the outcome stays within the real budget; it stops at the first outcome that no
/// longer fits (keeping the one before) or that leaves no candidate project affordable from the leftover.
/// </summary>
public sealed class EqualShares : IBudgetRule
{
    // Above this, whole numbers stop being exact in a double and the fast count is not attempted.
    private const long ExactInDouble = 1L << 52;

    public string Name => "equalshares/add1";

    public Allocation Select(Election election, CancellationToken cancellationToken)
    {
        var profile = election.Profile;
        var (selected, increments, exactRun) = Run(profile, cancellationToken);
        return ToAllocation(Name, profile, selected, increments, exactRun);
    }

    /// <summary>
    /// The add1 loop: the projects of the final run, how many increments it took, and that run if it was exact.
    /// Increments with the same <see cref="RunTrace"/> have the same outcome at every increment between them, so the
    /// loop gallops over such a stretch (1, 2, 4, … increments ahead, then halving back) and only looks closely where
    /// a decision changes: exactly the outcome of raising the shares one unit at a time, in a few runs per change.
    /// Where decisions change at nearly every increment, the next few increments are counted side by side, one per core.
    /// </summary>
    internal static (IReadOnlyList<int> Selected, long Increments, EqualSharesRun? ExactRun) Run(
        BallotProfile profile, CancellationToken cancellationToken)
    {
        var budget = profile.Election.Budget;
        if (profile.VoterCount == 0)
        {
            return ([], 0, ExactRun(profile, 0, cancellationToken));
        }

        var counted = new Dictionary<long, CountResult>();
        CountResult Probe(long at) => counted.TryGetValue(at, out var known) ? known : counted[at] = Count(profile, at, cancellationToken);

        CountResult? previous = null;
        long increments = 0;
        var current = Count(profile, increments, cancellationToken);
        while (true)
        {
            if (current.TotalCost > budget)
            {
                // The first run spends at most what the voters were given, the real budget, so there is a previous.
                return previous is { } kept
                    ? (kept.Selected, increments - 1, kept.Exact)
                    : (current.Selected, increments, current.Exact);
            }
            if (IsExhaustive(profile, current.Selected, current.TotalCost))
            {
                return (current.Selected, increments, current.Exact);
            }

            Prefetch(profile, counted, increments, cancellationToken);

            // Find the last increment with the same trace: everything up to it is this outcome again, neither over
            // the budget nor exhaustive, so the loop goes on right after it.
            var sameUntil = increments;
            var sameResult = current;
            CountResult? changed = null;
            long changedAt = 0;
            for (long step = 1; changed is null; step *= 2)
            {
                var probe = Probe(sameUntil + step);
                if (probe.Trace == current.Trace)
                {
                    (sameUntil, sameResult) = (sameUntil + step, probe);
                }
                else
                {
                    (changed, changedAt) = (probe, sameUntil + step);
                }
            }
            while (changedAt - sameUntil > 1)
            {
                var middle = sameUntil + (changedAt - sameUntil) / 2;
                var probe = Probe(middle);
                if (probe.Trace == current.Trace)
                {
                    (sameUntil, sameResult) = (middle, probe);
                }
                else
                {
                    (changed, changedAt) = (probe, middle);
                }
            }
            previous = sameResult;
            (current, increments) = (changed, changedAt);
            foreach (var done in counted.Keys.Where(at => at <= increments).ToList())
            {
                counted.Remove(done);
            }
        }
    }

    /// <summary>Counts the next increments not yet counted, one per core; the gallop then finds most of its probes done.</summary>
    private static void Prefetch(BallotProfile profile, Dictionary<long, CountResult> counted, long after, CancellationToken cancellationToken)
    {
        var cores = Environment.ProcessorCount;
        if (cores == 1)
        {
            return;
        }
        var missing = new List<long>();
        for (var at = after + 1; missing.Count < cores && at <= after + 2 * cores; at++)
        {
            if (!counted.ContainsKey(at))
            {
                missing.Add(at);
            }
        }
        var results = new CountResult[missing.Count];
        Parallel.For(0, missing.Count, new ParallelOptions { CancellationToken = cancellationToken },
            i => results[i] = Count(profile, missing[i], cancellationToken));
        for (var i = 0; i < missing.Count; i++)
        {
            counted[missing[i]] = results[i];
        }
    }

    internal static EqualSharesRun ExactRun(BallotProfile profile, long increments, CancellationToken cancellationToken)
    {
        var voters = Math.Max(1, profile.VoterCount);
        var run = new EqualSharesRun(profile, profile.Election.Budget + (BigInteger)increments * profile.VoterCount, voters);
        run.Execute(cancellationToken);
        return run;
    }

    internal static Allocation ToAllocation(
        string rule, BallotProfile profile, IReadOnlyList<int> selected, long increments, EqualSharesRun? exactRun)
    {
        var budget = profile.Election.Budget;
        var rounds = new List<SelectionRound>();
        long spent = 0;
        foreach (var p in selected)
        {
            rounds.Add(new SelectionRound(
                rounds.Count + 1,
                profile.Id(p),
                profile.Cost[p] == 0 ? SelectionStep.FreeOfCost : SelectionStep.EqualShares,
                profile.Cost[p],
                profile.TotalWeight[p],
                profile.Supporters[p],
                budget - spent));
            spent += profile.Cost[p];
        }
        return new Allocation(
            rule,
            rounds.Select(round => round.ProjectId).ToArray(),
            spent,
            budget - spent,
            profile.Votes(),
            rounds,
            new EqualSharesDetails(profile, increments, selected, exactRun));
    }

    /// <summary>One run: what it funded, what that costs, its trace, and the run itself when it had to be exact.</summary>
    private sealed record CountResult(IReadOnlyList<int> Selected, long TotalCost, RunTrace Trace, EqualSharesRun? Exact);

    private static CountResult Count(BallotProfile profile, long increments, CancellationToken cancellationToken)
    {
        var share = profile.Election.Budget + (BigInteger)increments * profile.VoterCount;
        if (share < ExactInDouble && profile.VoterCount < ExactInDouble && profile.Cost.All(cost => cost < ExactInDouble))
        {
            try
            {
                var fast = new IntervalEqualSharesRun(profile, (long)share, profile.VoterCount);
                fast.Execute(cancellationToken);
                return new CountResult(fast.Selected, fast.TotalCost, fast.Trace, null);
            }
            catch (UncertainComparison)
            {
                // A tie or a near tie: only exact arithmetic may decide it.
            }
        }
        var exact = ExactRun(profile, increments, cancellationToken);
        return new CountResult(exact.Selected, exact.TotalCost, exact.Trace, exact);
    }

    private static bool IsExhaustive(BallotProfile profile, IReadOnlyList<int> selected, long totalCost)
    {
        var leftover = profile.Election.Budget - totalCost;
        var chosen = selected.ToHashSet();
        for (var p = 0; p < profile.ProjectCount; p++)
        {
            if (profile.Cost[p] > 0 && profile.TotalWeight[p] > 0 && !chosen.Contains(p) && profile.Cost[p] <= leftover)
            {
                return false;
            }
        }
        return true;
    }
}
