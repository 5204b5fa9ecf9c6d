using System.Numerics;
using CsCheck;
using Participation.Budgeting.Rules;

namespace Participation.Budgeting.Tests.Rules;

public sealed class EqualSharesPropertyTests
{
    [Fact]
    public void Equal_shares_agrees_with_the_naive_reference_on_approval_ballots() =>
        RandomElections.Approval.Sample(election =>
        {
            var allocation = new EqualShares().Select(election, CancellationToken.None);
            var (selected, increments) = NaiveEqualShares.Select(election);
            Assert.Equal(selected, allocation.Selected);
            Assert.Equal(increments, allocation.EqualShares!.Increments);
        }, iter: 400);

    [Fact]
    public void Equal_shares_agrees_with_the_naive_reference_on_cumulative_ballots() =>
        RandomElections.Cumulative.Sample(election =>
        {
            var allocation = new EqualShares().Select(election, CancellationToken.None);
            var (selected, increments) = NaiveEqualShares.Select(election);
            Assert.Equal(selected, allocation.Selected);
            Assert.Equal(increments, allocation.EqualShares!.Increments);
        }, iter: 300);

    [Fact]
    public void Skipping_increments_gives_the_outcome_of_raising_shares_one_unit_at_a_time_on_large_budgets()
    {
        void Check(Election election)
        {
            var allocation = new EqualShares().Select(election, CancellationToken.None);
            var (selected, increments) = NaiveEqualShares.Select(election);
            Assert.Equal(selected, allocation.Selected);
            Assert.Equal(increments, allocation.EqualShares!.Increments);
        }

        RandomElections.LargeBudgetApproval.Sample(Check, iter: 80);
        RandomElections.LargeBudgetCumulative.Sample(Check, iter: 50);
    }

    [Fact]
    public void A_budget_of_a_trillion_needing_half_a_trillion_increments_is_counted_in_a_few_runs()
    {
        // The crafted file from issue 12: one voter wants a project costing nearly the whole budget, another a project
        // of 1. Only after budget / 2 - 1 increments can the first voter pay; one unit at a time that never ends.
        const long budget = 1_000_000_000_000;
        var election = Election.Create(budget, VoteType.Approval,
            [new Project("a", budget - 1, "a"), new Project("b", 1, "b")],
            [Ballot.Approval(["a"]), Ballot.Approval(["b"])]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var allocation = new EqualShares().Select(election, timeout.Token);

        Assert.Equal(["a", "b"], allocation.Selected);
        Assert.Equal(budget / 2 - 1, allocation.EqualShares!.Increments);
        Assert.Equal(new Rational(budget + (budget / 2 - 1) * 2, 2), allocation.EqualShares.VoterShare);
    }

    [Fact]
    public void The_fast_count_agrees_with_the_exact_count_wherever_it_answers() =>
        RandomElections.Grouped.Sample(election =>
        {
            var profile = BallotProfile.Compile(election);
            for (var increments = 0; increments < 4; increments++)
            {
                var exact = EqualShares.ExactRun(profile, increments, CancellationToken.None);
                var fast = new IntervalEqualSharesRun(
                    profile, election.Budget + increments * profile.VoterCount, profile.VoterCount);
                try
                {
                    fast.Execute(CancellationToken.None);
                }
                catch (UncertainComparison)
                {
                    continue;
                }
                Assert.Equal(exact.Selected, fast.Selected);
            }
        }, iter: 150);

    [Fact]
    public void No_voter_pays_more_than_their_share_and_every_funded_project_is_paid_in_full()
    {
        void Check(Election election)
        {
            var allocation = new EqualShares().Select(election, CancellationToken.None);
            var details = allocation.EqualShares!;
            Rational paidByAll = 0;
            for (var g = 0; g < election.Ballots.Count; g++)
            {
                var paid = details.PaidBy(g);
                Assert.True(paid.Sign >= 0);
                Assert.True(paid <= details.VoterShare, $"group {g} paid {paid} of a share of {details.VoterShare}");
                Assert.True(details.LeftoverOf(g).Sign >= 0);
                paidByAll += paid * election.Ballots[g].Count;
            }
            Assert.Equal(allocation.TotalCost, paidByAll);
            foreach (var payment in details.Payments)
            {
                Assert.True(payment.SupportersMoneyBefore >= election.Project(payment.ProjectId).Cost);
            }
        }

        RandomElections.Approval.Sample(Check, iter: 300);
        RandomElections.Cumulative.Sample(Check, iter: 200);
        RandomElections.Grouped.Sample(Check, iter: 60);
    }

    [Fact]
    public void No_rule_spends_more_than_the_budget() =>
        RandomElections.Approval.Sample(election =>
        {
            foreach (var rule in BudgetRules.All)
            {
                var allocation = rule.Select(election, CancellationToken.None);
                Assert.True(allocation.TotalCost <= election.Budget);
                Assert.Equal(allocation.Selected.Sum(id => election.Project(id).Cost), allocation.TotalCost);
                Assert.Equal(election.Budget - allocation.TotalCost, allocation.Leftover);
                Assert.Equal(allocation.Selected.Count, allocation.Selected.Distinct().Count());
            }
        }, iter: 300);

    [Fact]
    public void After_utilitarian_completion_no_unfunded_project_fits_the_leftover()
    {
        void Check(Election election)
        {
            foreach (var rule in new IBudgetRule[] { new EqualSharesComplete(), new Greedy() })
            {
                var allocation = rule.Select(election, CancellationToken.None);
                Assert.DoesNotContain(election.Projects, p => !allocation.IsSelected(p.Id) && p.Cost <= allocation.Leftover);
            }
        }

        RandomElections.Approval.Sample(Check, iter: 300);
        RandomElections.Cumulative.Sample(Check, iter: 200);
    }

    [Fact]
    public void A_cancelled_count_stops()
    {
        var election = RuleCases.All().First().Election;
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new EqualShares().Select(election, cancelled.Token));
    }

    [Fact]
    public void Exact_fractions_are_reduced_and_ordered()
    {
        Assert.Equal(new Rational(1, 2), new Rational(2, 4));
        Assert.Equal(new Rational(-1, 2), new Rational(1, -2));
        Assert.True(new Rational(1, 3) < new Rational(34, 100));
        Assert.Equal(new BigInteger(-2), new Rational(-3, 2).Floor());
        Assert.Equal(167.44m, new Rational(16744, 100).ToDecimal());
    }
}
