using CsCheck;

namespace Participation.Budgeting.Tests.Rules;

/// <summary>
/// Small random elections with small whole costs, so ties and exact spending are common: the cases where a rule
/// built on rounding would go wrong.
/// </summary>
public static class RandomElections
{
    public static readonly Gen<Election> Approval = ApprovalElections(maxProjects: 6, maxCost: 12, maxBallots: 14, maxBudget: 40);

    public static readonly Gen<Election> Cumulative = CumulativeElections(maxProjects: 5, maxCost: 12, maxBallots: 10, maxBudget: 40);

    /// <summary>Larger approval elections with repeated ballots: too big for the naive reference, fine for exact counting.</summary>
    public static readonly Gen<Election> Grouped =
        from projects in Gen.Int[2, 12]
        from costs in Gen.Int[1, 60].Array[projects]
        from ballots in Gen.Select(Gen.Int[0, (1 << projects) - 1], Gen.Int[1, 40]).Array[5, 60]
        from budget in Gen.Int[20, 300]
        select Election.Create(
            budget * 100,
            VoteType.Approval,
            costs.Select((cost, i) => new Project($"p{i:D2}", cost * 100, $"Project {i}")),
            ballots.Select(b => new BallotGroup(
                Ballot.Approval(Enumerable.Range(0, projects).Where(i => (b.Item1 >> i & 1) == 1).Select(i => $"p{i:D2}")),
                b.Item2)));

    /// <summary>
    /// Few voters, budgets and costs in the thousands: the add1 completion needs hundreds to thousands of increments,
    /// which is where skipping runs could go wrong. The naive reference still steps one unit at a time.
    /// </summary>
    public static readonly Gen<Election> LargeBudgetApproval = ApprovalElections(maxProjects: 5, maxCost: 3_000, maxBallots: 4, maxBudget: 4_000);

    public static readonly Gen<Election> LargeBudgetCumulative = CumulativeElections(maxProjects: 4, maxCost: 3_000, maxBallots: 4, maxBudget: 4_000);

    /// <summary>Approval elections of up to these sizes; a project may cost nothing.</summary>
    private static Gen<Election> ApprovalElections(int maxProjects, int maxCost, int maxBallots, int maxBudget) =>
        from projects in Gen.Int[1, maxProjects]
        from costs in Gen.Int[0, maxCost].Array[projects]
        from ballots in Gen.Int[0, (1 << projects) - 1].Array[1, maxBallots]
        from budget in Gen.Int[1, maxBudget]
        select Election.Create(
            budget,
            VoteType.Approval,
            costs.Select((cost, i) => new Project($"p{i}", cost, $"Project {i}")),
            ballots.Select(mask => Ballot.Approval(Enumerable.Range(0, projects).Where(i => (mask >> i & 1) == 1).Select(i => $"p{i}"))));

    /// <summary>Cumulative elections of up to these sizes, 0–3 points per project.</summary>
    private static Gen<Election> CumulativeElections(int maxProjects, int maxCost, int maxBallots, int maxBudget) =>
        from projects in Gen.Int[1, maxProjects]
        from costs in Gen.Int[1, maxCost].Array[projects]
        from points in Gen.Int[0, 3].Array[projects].Array[1, maxBallots]
        from budget in Gen.Int[1, maxBudget]
        select Election.Create(
            budget,
            VoteType.Cumulative,
            costs.Select((cost, i) => new Project($"p{i}", cost, $"Project {i}")),
            points.Select(ballot => Ballot.Cumulative(ballot
                .Select((value, i) => new KeyValuePair<string, long>($"p{i}", value))
                .Where(entry => entry.Value > 0))));
}
