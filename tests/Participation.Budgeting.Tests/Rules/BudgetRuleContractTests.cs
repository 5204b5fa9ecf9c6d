using Participation.Budgeting.Rules;
using Participation.Budgeting.Tests.Pabulib;

namespace Participation.Budgeting.Tests.Rules;

/// <summary>What every rule promises, run for each rule by name.</summary>
public sealed class BudgetRuleContractTests
{
    public static TheoryData<string> RuleNames() => [.. BudgetRules.Names];

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Every_rule_runs_by_name_and_keeps_its_promises(string name)
    {
        var rule = BudgetRules.Find(name);
        Assert.Same(rule.GetType(), BudgetRules.Find(rule.Name).GetType());

        foreach (var @case in RuleCases.All())
        {
            var election = @case.Election;
            var allocation = BudgetRules.Run(name, election, CancellationToken.None);

            Assert.Equal(rule.Name, allocation.Rule);
            Assert.True(allocation.TotalCost <= election.Budget);
            Assert.Equal(allocation.Selected, allocation.Rounds.Select(round => round.ProjectId));
            Assert.Equal(allocation.Rounds.Select((_, i) => i + 1), allocation.Rounds.Select(round => round.Number));
            Assert.All(election.Projects, project => Assert.True(allocation.Votes.ContainsKey(project.Id)));
            long spent = 0;
            foreach (var round in allocation.Rounds)
            {
                Assert.Equal(election.Budget - spent, round.BudgetLeftBefore);
                spent += round.Cost;
            }
        }
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Every_rule_counts_every_real_election_within_its_budget(string name)
    {
        foreach (var file in PabulibData.Names.Select(PabulibData.Read))
        {
            var election = file.ToElection();
            var allocation = BudgetRules.Run(name, election, CancellationToken.None);
            Assert.True(allocation.TotalCost <= election.Budget);
        }
    }

    [Fact]
    public void An_unknown_rule_name_is_refused()
    {
        Assert.False(BudgetRules.TryFind("phragmen", out _));
        Assert.Throws<KeyNotFoundException>(() => BudgetRules.Find("phragmen"));
    }
}
