using Participation.Budgeting.Rules;

namespace Participation.Budgeting.Tests.Rules;

public sealed class RuleTableTests
{
    public static TheoryData<RuleCases.Case> Cases() => [.. RuleCases.All()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Greedy_funds_the_hand_checked_projects(RuleCases.Case @case) =>
        Assert.Equal(@case.Greedy, new Greedy().Select(@case.Election, CancellationToken.None).Selected);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Equal_shares_funds_the_hand_checked_projects(RuleCases.Case @case)
    {
        var allocation = new EqualShares().Select(@case.Election, CancellationToken.None);

        Assert.Equal(@case.EqualShares, allocation.Selected);
        Assert.Equal(@case.Increments, allocation.EqualShares!.Increments);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Equal_shares_with_completion_funds_the_hand_checked_projects(RuleCases.Case @case) =>
        Assert.Equal(@case.EqualSharesComplete, new EqualSharesComplete().Select(@case.Election, CancellationToken.None).Selected);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_naive_reference_agrees_with_the_hand_checked_projects(RuleCases.Case @case)
    {
        var (selected, increments) = NaiveEqualShares.Select(@case.Election);

        Assert.Equal(@case.EqualShares, selected);
        Assert.Equal(@case.Increments, increments);
    }

    [Fact]
    public void A_poorer_supporter_pays_everything_it_has_left()
    {
        var @case = RuleCases.All().Single(c => c.Name == "add1 until the budget is spent");

        var payment = new EqualShares().Select(@case.Election, CancellationToken.None).EqualShares!.PaymentFor("b")!;

        Assert.Equal(new Rational(30, 1), payment.PricePerVote);
        Assert.Equal(new Rational(30, 1), payment.HighestPayment);
        Assert.Equal(1, payment.SupportersPayingAll);
        Assert.Equal(new Rational(40, 1), payment.SupportersMoneyBefore);
    }

    [Fact]
    public void A_declared_tie_break_order_overrides_the_ids()
    {
        var election = Election.Create(5, VoteType.Approval, [new Project("a", 3, "a"), new Project("b", 3, "b")],
            [Ballot.Approval(["a"]), Ballot.Approval(["b"])], tieBreakOrder: ["b", "a"]);

        Assert.Equal(["b"], new Greedy().Select(election, CancellationToken.None).Selected);
    }
}
