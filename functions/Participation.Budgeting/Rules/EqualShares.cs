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
        var profile = BallotProfile.Compile(election);
        var (selected, increments, exactRun) = Run(profile, cancellationToken);
        return ToAllocation(Name, profile, selected, increments, exactRun);
    }

    /// <summary>The add1 loop: the projects of the final run, how many increments it took, and that run if it was exact.</summary>
    internal static (IReadOnlyList<int> Selected, int Increments, EqualSharesRun? ExactRun) Run(
        BallotProfile profile, CancellationToken cancellationToken)
    {
        var budget = profile.Election.Budget;
        if (profile.VoterCount == 0)
        {
            return ([], 0, ExactRun(profile, 0, cancellationToken));
        }

        // Runs for different increments are independent, so a batch is counted side by side and read in order;
        // the runs past the stopping point are thrown away.
        var batch = Math.Max(1, Environment.ProcessorCount);
        (IReadOnlyList<int> Selected, EqualSharesRun? Exact)? previous = null;
        for (var first = 0; ; first += batch)
        {
            var counts = new (IReadOnlyList<int> Selected, long TotalCost, EqualSharesRun? Exact)[batch];
            if (batch == 1)
            {
                counts[0] = Count(profile, first, cancellationToken);
            }
            else
            {
                Parallel.For(0, batch, new ParallelOptions { CancellationToken = cancellationToken },
                    i => counts[i] = Count(profile, first + i, cancellationToken));
            }
            for (var i = 0; i < batch; i++)
            {
                var increments = first + i;
                var (selected, totalCost, exact) = counts[i];
                if (totalCost > budget)
                {
                    // The first run spends at most what the voters were given, the real budget, so there is a previous.
                    return previous is { } kept ? (kept.Selected, increments - 1, kept.Exact) : (selected, increments, exact);
                }
                if (IsExhaustive(profile, selected, totalCost))
                {
                    return (selected, increments, exact);
                }
                previous = (selected, exact);
            }
        }
    }

    internal static EqualSharesRun ExactRun(BallotProfile profile, int increments, CancellationToken cancellationToken)
    {
        var voters = Math.Max(1, profile.VoterCount);
        var run = new EqualSharesRun(profile, profile.Election.Budget + (BigInteger)increments * profile.VoterCount, voters);
        run.Execute(cancellationToken);
        return run;
    }

    internal static Allocation ToAllocation(
        string rule, BallotProfile profile, IReadOnlyList<int> selected, int increments, EqualSharesRun? exactRun)
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

    private static (IReadOnlyList<int> Selected, long TotalCost, EqualSharesRun? Exact) Count(
        BallotProfile profile, int increments, CancellationToken cancellationToken)
    {
        var share = profile.Election.Budget + (BigInteger)increments * profile.VoterCount;
        if (share < ExactInDouble && profile.VoterCount < ExactInDouble && profile.Cost.All(cost => cost < ExactInDouble))
        {
            try
            {
                var fast = new IntervalEqualSharesRun(profile, (long)share, profile.VoterCount);
                fast.Execute(cancellationToken);
                return (fast.Selected, fast.TotalCost, null);
            }
            catch (UncertainComparison)
            {
                // A tie or a near tie: only exact arithmetic may decide it.
            }
        }
        var exact = ExactRun(profile, increments, cancellationToken);
        return (exact.Selected, exact.TotalCost, exact);
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
