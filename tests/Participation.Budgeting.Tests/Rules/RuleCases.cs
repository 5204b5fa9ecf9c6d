namespace Participation.Budgeting.Tests.Rules;

/// <summary>
/// Small elections whose outcomes were worked out by hand (the reasoning is next to each), one table for all rules,
/// as pabutools' tests/rules/test_rule.py does.
/// </summary>
public static class RuleCases
{
    public sealed record Case(string Name, Election Election, string[] Greedy, string[] EqualShares, string[] EqualSharesComplete, int Increments)
    {
        public override string ToString() => Name;
    }

    private static Election Approval(long budget, (string Id, long Cost)[] projects, params string[][] ballots) =>
        Election.Create(budget, VoteType.Approval, projects.Select(p => new Project(p.Id, p.Cost, p.Id)), ballots.Select(Ballot.Approval));

    public static IEnumerable<Case> All()
    {
        // Votes a=3, b=2, c=1. Greedy: a (left 4), b costs 5 and is skipped, c fits exactly.
        // Equal shares, share 2.5: a's 3 supporters have 7.5 < 6? no: 7.5 >= 6, price 2 each, rho 2/6; b: 5 >= 5, price 2.5, rho 1/2;
        // c: 2.5 < 4. a first; then b's supporters have 0.5 each: 1 < 5. Outcome {a}, 4 left, c (4) fits: add1.
        // Share 3.5 (k=1): a price 2, then b: 1.5+1.5 = 3 < 5; c: 3.5 < 4. Share 4.5 (k=2): a; b: 2.5+2.5 = 5 >= 5 -> b; cost 11 > 10:
        // infeasible, so k=1's {a}. Completion then adds c (votes 1, cost 4 = leftover).
        yield return new("skips what does not fit", Approval(10, [("a", 6), ("b", 5), ("c", 4)], ["a", "b"], ["a", "b"], ["a"], ["c"]),
            ["a", "c"], ["a"], ["a", "c"], 1);

        // Ties go to the lower id: a and b both have one vote; greedy takes a, then b no longer fits.
        // Equal shares, share 2.5: neither 3 is affordable; nothing funded, add1. Share 3.5: a and b tie at rho 1, a then b,
        // cost 6 > 5: infeasible, so the empty outcome stands; completion adds a.
        yield return new("tie to the lower id", Approval(5, [("b", 3), ("a", 3)], ["a"], ["b"]),
            ["a"], [], ["a"], 0);

        // Share 25. a: supporters v1-v3 pay 20 each (rho 20/60 = 1/3); b: v3,v4 pay 20 each (rho 1/2). a first; then b's
        // supporters have 5 + 25 = 30 < 40. b becomes affordable after a once (s-20) + s >= 40, s = 30, k = 5: v3 pays all its 10,
        // v4 pays 30. Cost 100 = budget, nothing left to fund: stop.
        yield return new("add1 until the budget is spent", Approval(100, [("a", 60), ("b", 40)], ["a"], ["a"], ["a", "b"], ["b"]),
            ["a", "b"], ["a", "b"], ["a", "b"], 5);

        // Seven voters want a and b, three want c; share 10. a and b tie at rho (50/7)/50 = 1/7 < c's 10/30; a wins the tie.
        // The seven then have 20 together, too little for b; c is paid by its three. Cost 80, b (50) no longer fits: exhaustive.
        // Greedy spends everything on the majority's a and b.
        yield return new("proportional, unlike greedy", Approval(100, [("a", 50), ("b", 50), ("c", 30)],
                [.. Enumerable.Repeat<string[]>(["a", "b"], 7), ["c"], ["c"], ["c"]]),
            ["a", "b"], ["a", "c"], ["a", "c"], 0);

        // Share 25: nobody can afford 52 (2 x 25 = 50); nothing funded, 100 left, so add1. Share 26: a and b tie at rho 1/2,
        // a then b, cost 104 > 100: infeasible, so the empty outcome stands. Completion funds a (tie to lower id); b no longer fits.
        yield return new("first raise overshoots", Approval(100, [("a", 52), ("b", 52)], ["a"], ["a"], ["b"], ["b"]),
            ["a"], [], ["a"], 0);

        // Points: a=8, b=7, c=5. Greedy a (left 4), b (5) skipped, c (4).
        // Equal shares with points as utility, share 5: a: v2 (5/5) before v1 (5/3), price 6/8 per point, v2 pays 3.75: rho 3/4;
        // b: v1 alone, 7 points, 5/7 per point: rho 5/7; c: v2, 5 points, rho 4/5. b first (v1 spends all 5), then a's supporters
        // have 0 + 5 < 6, c at 4/5: v2 pays 4. Cost 9, a (6) no longer fits: exhaustive.
        yield return new("cumulative greedy", Election.Create(10, VoteType.Cumulative,
                [new Project("a", 6, "a"), new Project("b", 5, "b"), new Project("c", 4, "c")],
                [Ballot.Cumulative([new("a", 3), new("b", 7)]), Ballot.Cumulative([new("a", 5), new("c", 5)])]),
            ["a", "c"], ["b", "c"], ["b", "c"], 0);

        // Points as utility, share 10: a (12): v1 gives 2 points, v2 1: price 12/3 = 4 per point, v1 pays 8, v2 4 (rho 4);
        // b (8): v1 alone, 1 point: price 8 (rho 8). a first; v1 keeps 2 < 8. b becomes affordable when s - 8 >= 8: k = 6,
        // cost 20 = budget.
        yield return new("cumulative equal shares", Election.Create(20, VoteType.Cumulative,
                [new Project("a", 12, "a"), new Project("b", 8, "b")],
                [Ballot.Cumulative([new("a", 2), new("b", 1)]), Ballot.Cumulative([new("a", 1)])]),
            ["a", "b"], ["a", "b"], ["a", "b"], 6);

        // Borda with 3 projects: v1 ranks a,b,c (3,2,1), v2 ranks c,b (3,2): a=3, b=4, c=4. Greedy: b and c tie, b first, then c.
        // Equal shares, share 5: a: v1's 3 points, rho 5/3; b: 2+2 points, 5/4; c: v2 (5/3 per point) before v1 (5/1), 5/4 per
        // point, v2 pays 3.75: rho 5/4. b wins the tie (2.5 each); then c: v2 pays all its 2.5, v1 the other 2.5 (rho 5/2).
        yield return new("ordinal greedy by Borda", Election.Create(10, VoteType.Ordinal,
                [new Project("a", 5, "a"), new Project("b", 5, "b"), new Project("c", 5, "c")],
                [Ballot.Ranking(["a", "b", "c"]), Ballot.Ranking(["c", "b"])]),
            ["b", "c"], ["b", "c"], ["b", "c"], 0);
    }
}
