using CsCheck;

namespace Participation.Budgeting.Tests.Rules;

/// <summary>
/// Small random elections with small whole costs, so ties and exact spending are common: the cases where a rule
/// built on rounding would go wrong.
/// </summary>
public static class RandomElections
{
    public static readonly Gen<Election> Approval =
        from projects in Gen.Int[1, 6]
        from costs in Gen.Int[0, 12].Array[projects]
        from ballots in Gen.Int[0, (1 << projects) - 1].Array[1, 14]
        from budget in Gen.Int[1, 40]
        select Election.Create(
            budget,
            VoteType.Approval,
            costs.Select((cost, i) => new Project($"p{i}", cost, $"Project {i}")),
            ballots.Select(mask => Ballot.Approval(Enumerable.Range(0, projects).Where(i => (mask >> i & 1) == 1).Select(i => $"p{i}"))));

    public static readonly Gen<Election> Cumulative =
        from projects in Gen.Int[1, 5]
        from costs in Gen.Int[1, 12].Array[projects]
        from points in Gen.Int[0, 3].Array[projects].Array[1, 10]
        from budget in Gen.Int[1, 40]
        select Election.Create(
            budget,
            VoteType.Cumulative,
            costs.Select((cost, i) => new Project($"p{i}", cost, $"Project {i}")),
            points.Select(ballot => Ballot.Cumulative(ballot
                .Select((value, i) => new KeyValuePair<string, long>($"p{i}", value))
                .Where(entry => entry.Value > 0))));

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
    public static readonly Gen<Election> LargeBudgetApproval =
        from projects in Gen.Int[1, 5]
        from costs in Gen.Int[0, 3_000].Array[projects]
        from ballots in Gen.Int[0, (1 << projects) - 1].Array[1, 4]
        from budget in Gen.Int[1, 4_000]
        select Election.Create(
            budget,
            VoteType.Approval,
            costs.Select((cost, i) => new Project($"p{i}", cost, $"Project {i}")),
            ballots.Select(mask => Ballot.Approval(Enumerable.Range(0, projects).Where(i => (mask >> i & 1) == 1).Select(i => $"p{i}"))));

    public static readonly Gen<Election> LargeBudgetCumulative =
        from projects in Gen.Int[1, 4]
        from costs in Gen.Int[1, 3_000].Array[projects]
        from points in Gen.Int[0, 3].Array[projects].Array[1, 4]
        from budget in Gen.Int[1, 4_000]
        select Election.Create(
            budget,
            VoteType.Cumulative,
            costs.Select((cost, i) => new Project($"p{i}", cost, $"Project {i}")),
            points.Select(ballot => Ballot.Cumulative(ballot
                .Select((value, i) => new KeyValuePair<string, long>($"p{i}", value))
                .Where(entry => entry.Value > 0))));
}
