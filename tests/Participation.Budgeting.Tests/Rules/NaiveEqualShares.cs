using Participation.Budgeting.Rules;

namespace Participation.Budgeting.Tests.Rules;

/// <summary>
/// A slow, obviously-correct Method of Equal Shares with add1, voter by voter in exact fractions, written from the
/// definition and not from the fast code: it exists to check the fast implementation on random elections.
/// </summary>
public static class NaiveEqualShares
{
    public static (IReadOnlyList<string> Selected, int Increments) Select(Election election)
    {
        var voters = election.Ballots.SelectMany(group => Enumerable.Repeat(group.Ballot, (int)group.Count)).ToArray();
        var order = election.TieBreakOrder.ToList();
        IReadOnlyList<string>? previous = null;
        if (voters.Length == 0)
        {
            return ([], 0);
        }
        for (var k = 0; ; k++)
        {
            var share = new Rational(election.Budget + (long)k * voters.Length, voters.Length);
            var outcome = Run(election, voters, share, order);
            var cost = outcome.Sum(id => election.Project(id).Cost);
            if (cost > election.Budget)
            {
                return (previous ?? [], k - 1);
            }
            var left = election.Budget - cost;
            var exhaustive = election.Projects.All(p =>
                p.Cost == 0 || outcome.Contains(p.Id) || p.Cost > left || voters.All(v => Utility(election, v, p) == 0));
            if (exhaustive)
            {
                return (outcome, k);
            }
            previous = outcome;
        }
    }

    public static long Utility(Election election, Ballot ballot, Project project)
    {
        var position = ballot.Projects.ToList().IndexOf(project.Id);
        if (position < 0)
        {
            return 0;
        }
        return election.VoteType switch
        {
            VoteType.Cumulative => ballot.Points![position],
            VoteType.Ordinal => election.Projects.Count - position,
            _ => Math.Max(project.Cost, 1),
        };
    }

    private static List<string> Run(Election election, Ballot[] voters, Rational share, List<string> order)
    {
        var budget = Enumerable.Repeat(share, voters.Length).ToArray();
        var selected = new List<string>();
        var open = new List<Project>();
        foreach (var project in election.Projects.OrderBy(p => order.IndexOf(p.Id)))
        {
            var wanted = voters.Any(v => Utility(election, v, project) > 0);
            if (wanted && project.Cost == 0)
            {
                selected.Add(project.Id);
            }
            else if (wanted)
            {
                open.Add(project);
            }
        }
        while (true)
        {
            Project? best = null;
            Rational bestRho = default;
            foreach (var project in open)
            {
                var supporters = Enumerable.Range(0, voters.Length)
                    .Where(i => Utility(election, voters[i], project) > 0)
                    .OrderBy(i => budget[i] / Utility(election, voters[i], project))
                    .ToList();
                var total = supporters.Aggregate(Rational.Zero, (sum, i) => sum + budget[i]);
                if (total < project.Cost)
                {
                    continue;
                }
                Rational paid = 0;
                Rational remainingUtility = supporters.Sum(i => Utility(election, voters[i], project));
                foreach (var i in supporters)
                {
                    var u = Utility(election, voters[i], project);
                    var rho = (project.Cost - paid) / remainingUtility;
                    if (rho * u <= budget[i])
                    {
                        if (best is null || rho < bestRho)
                        {
                            best = project;
                            bestRho = rho;
                        }
                        break;
                    }
                    paid += budget[i];
                    remainingUtility -= u;
                }
            }
            if (best is null)
            {
                return selected;
            }
            for (var i = 0; i < voters.Length; i++)
            {
                var u = Utility(election, voters[i], best);
                if (u > 0)
                {
                    budget[i] -= Rational.Min(budget[i], bestRho * u);
                }
            }
            selected.Add(best.Id);
            open.Remove(best);
        }
    }
}
