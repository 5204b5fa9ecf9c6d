using Participation.Budgeting.Explanations;
using Participation.Budgeting.Rules;
using Participation.Budgeting.Tests.Pabulib;
using Participation.Budgeting.Tests.Rules;

namespace Participation.Budgeting.Tests.Explanations;

public sealed class OutcomeExplanationsTests
{
    [Fact]
    public void Money_reads_as_residents_write_it()
    {
        Assert.Equal("€1,840", Money.English(1840, "EUR"));
        Assert.Equal("€ 1.840", Money.Dutch(1840, "EUR"));
        Assert.Equal("€167.44", Money.English(167.44m, "EUR"));
        Assert.Equal("€ 167,44", Money.Dutch(167.44m, "EUR"));
        Assert.Equal("PLN 1,070,000", Money.English(1_070_000, "PLN"));
        Assert.Equal("€ 0", Money.Dutch(0, "EUR"));
    }

    [Fact]
    public void An_unfunded_project_says_what_its_supporters_had_left()
    {
        // Proportional case: after a, the seven supporters of b have 20/7 each, 20 together; b costs 50.
        var election = RuleCases.All().Single(c => c.Name == "proportional, unlike greedy").Election;
        var allocation = new EqualShares().Select(election, CancellationToken.None);

        var b = OutcomeExplanations.Explain(election, allocation, "b");

        Assert.False(b.Funded);
        Assert.Equal("Not funded: its 7 supporters had €20 left together; it costs €50.", b.English);
        Assert.Equal("Niet gefinancierd: de 7 stemmers die dit plan steunden hadden samen nog € 20 over; het kost € 50.", b.Dutch);
    }

    [Fact]
    public void A_project_funded_by_equal_shares_says_who_paid()
    {
        var election = RuleCases.All().Single(c => c.Name == "add1 until the budget is spent").Election;
        var allocation = new EqualShares().Select(election, CancellationToken.None);

        var b = OutcomeExplanations.Explain(election, allocation, "b");

        Assert.True(b.Funded);
        Assert.Equal("Funded: its 2 supporters shared its cost of €40; nobody paid more than €30. 1 of them paid everything they had left.", b.English);
        Assert.Equal("Gefinancierd: de 2 stemmers die dit plan steunden deelden de kosten van € 40; niemand betaalde meer dan € 30. Eén van hen betaalde alles wat hij of zij nog had.", b.Dutch);
    }

    [Fact]
    public void Completion_and_greedy_say_where_the_money_came_from()
    {
        var election = RuleCases.All().Single(c => c.Name == "skips what does not fit").Election;

        var completed = OutcomeExplanations.Explain(election, new EqualSharesComplete().Select(election, CancellationToken.None), "c");
        Assert.Equal("Funded in the completion step: with 1 vote it was next in line and fit in the €4 that equal shares left over.", completed.English);

        var greedy = new Greedy().Select(election, CancellationToken.None);
        Assert.Equal("Not funded: when its turn came with 2 votes, only €4 was left; it costs €5.", OutcomeExplanations.Explain(election, greedy, "b").English);
        Assert.Equal("Niet gefinancierd: toen het met 2 stemmen aan de beurt was, was er nog maar € 4 over; het kost € 5.", OutcomeExplanations.Explain(election, greedy, "b").Dutch);
        Assert.Equal("Funded: with 3 votes it was next in line and fit in the €10 still available.", OutcomeExplanations.Explain(election, greedy, "a").English);
    }

    [Fact]
    public void Every_project_of_a_real_election_is_explained_in_both_languages()
    {
        var election = PabulibData.Read("Netherlands_Assen_2024").ToElection();
        var allocation = new EqualShares().Select(election, CancellationToken.None);

        var explanations = OutcomeExplanations.Explain(election, allocation);

        Assert.Equal(election.Projects.Select(p => p.Id), explanations.Select(e => e.ProjectId));
        Assert.All(explanations, e => Assert.Equal(allocation.IsSelected(e.ProjectId), e.Funded));
        Assert.All(explanations, e => Assert.StartsWith(e.Funded ? "Gefinancierd" : "Niet gefinancierd", e.Dutch));
    }
}
