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
}
