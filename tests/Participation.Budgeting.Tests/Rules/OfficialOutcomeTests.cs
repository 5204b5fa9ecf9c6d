using Participation.Budgeting.Rules;
using Participation.Budgeting.Tests.Pabulib;

namespace Participation.Budgeting.Tests.Rules;

public sealed class OfficialOutcomeTests
{
    [Theory]
    [InlineData("Netherlands_Assen_2024")]
    [InlineData("Poland_Swiecie_2023")]
    public void Equal_shares_reproduces_the_official_winners(string name)
    {
        var file = PabulibData.Read(name);
        Assert.Equal("equalshares/add1", file.Rule);

        var allocation = BudgetRules.Run(file.Rule!, file.ToElection(), CancellationToken.None);

        Assert.Equal(file.Selected.Order(StringComparer.Ordinal), allocation.Selected.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Netherlands_Assen_2024")]
    [InlineData("Poland_Swiecie_2023")]
    public void The_exact_recount_of_the_official_winners_agrees_with_the_fast_count(string name)
    {
        var election = PabulibData.Read(name).ToElection();
        var allocation = new EqualShares().Select(election, CancellationToken.None);
        var details = allocation.EqualShares!;

        var exact = EqualShares.ExactRun(BallotProfile.Compile(election), details.Increments, CancellationToken.None);

        Assert.Equal(allocation.Selected, exact.Selected.Select(p => election.Projects[p].Id));
        Assert.Equal(allocation.Selected.Count, details.Payments.Count);
    }

    [Fact]
    public void Greedy_files_reproduce_their_official_winners_where_the_file_records_them()
    {
        var greedyFiles = PabulibData.Names.Select(PabulibData.Read).Where(file => file.Rule == "greedy").ToList();
        Assert.NotEmpty(greedyFiles);

        foreach (var file in greedyFiles.Where(file => file.HasSelected))
        {
            var allocation = BudgetRules.Run(file.Rule!, file.ToElection(), CancellationToken.None);
            Assert.Equal(file.Selected.Order(StringComparer.Ordinal), allocation.Selected.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Sloterdijk_funds_its_most_chosen_project_and_nothing_else_fits()
    {
        // 5,720 to spend: 44251 (40 votes, 5,000) leaves 720, less than either 2,000 project.
        var file = PabulibData.Read("Netherlands_Amsterdam_643");

        var allocation = new Greedy().Select(file.ToElection(), CancellationToken.None);

        Assert.Equal(["44251"], allocation.Selected);
        Assert.Equal(720, allocation.Leftover);
    }
}
