using Participation.Budgeting.Ballots;

namespace Participation.Budgeting.Tests.Ballots;

public sealed class BallotRuleTests
{
    private static readonly Project[] Projects =
    [
        new("a", 40_000, "Speeltuin"), new("b", 25_000, "Bankjes"), new("c", 50_000, "Fietspad"),
    ];

    [Fact]
    public void An_approval_ballot_within_its_limits_is_valid() =>
        Assert.Null(new ApprovalRule(1, 2).Check(Ballot.Approval(["a", "b"]), Projects));

    [Theory]
    [InlineData(2, 3, new[] { "a" }, "approval.min_projects")]
    [InlineData(1, 2, new[] { "a", "b", "c" }, "approval.max_projects")]
    [InlineData(1, null, new[] { "x" }, "approval.unknown_project")]
    public void An_approval_ballot_outside_its_limits_names_the_broken_rule(int min, int? max, string[] chosen, string code)
    {
        var error = new ApprovalRule(min, max).Check(Ballot.Approval(chosen), Projects);

        Assert.NotNull(error);
        Assert.Equal("approval", error.Rule);
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.English));
        Assert.False(string.IsNullOrWhiteSpace(error.Dutch));
    }

    [Fact]
    public void A_knapsack_ballot_may_not_cost_more_than_the_budget()
    {
        var rule = new KnapsackRule(70_000);

        Assert.Null(rule.Check(Ballot.Approval(["a", "b"]), Projects));
        var error = rule.Check(Ballot.Approval(["a", "c"]), Projects);
        Assert.Equal("knapsack.over_budget", error?.Code);
        Assert.Equal("The chosen projects cost €90,000 together, more than the budget of €70,000.", error?.English);
        Assert.Equal("De gekozen plannen kosten samen € 90.000, meer dan het budget van € 70.000.", error?.Dutch);
    }

    [Fact]
    public void A_knapsack_ballot_keeps_its_count_limits() =>
        Assert.Equal("knapsack.max_projects", new KnapsackRule(1_000_000, 1, 1).Check(Ballot.Approval(["a", "b"]), Projects)?.Code);

    [Theory]
    [InlineData(new long[] { 5, 5 }, null)]
    [InlineData(new long[] { 6, 5 }, "cumulative.max_points")]
    [InlineData(new long[] { 8, 1 }, "cumulative.max_points_per_project")]
    [InlineData(new long[] { 0, 3 }, "cumulative.min_points")]
    public void A_cumulative_ballot_spreads_its_points_within_the_limits(long[] points, string? code)
    {
        var ballot = Ballot.Cumulative([new("a", points[0]), new("b", points[1])]);

        Assert.Equal(code, new CumulativeRule(PointsPerVoter: 10, MaxPointsPerProject: 7).Check(ballot, Projects)?.Code);
    }

    [Fact]
    public void Points_and_plain_choices_are_not_interchangeable()
    {
        Assert.Equal("cumulative.points_required", new CumulativeRule(10, 5).Check(Ballot.Approval(["a"]), Projects)?.Code);
        Assert.Equal("approval.no_points", new ApprovalRule().Check(Ballot.Cumulative([new("a", 1)]), Projects)?.Code);
    }
}
