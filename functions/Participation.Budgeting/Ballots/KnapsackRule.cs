using Participation.Budgeting.Explanations;

namespace Participation.Budgeting.Ballots;

/// <summary>
/// Choose projects whose costs together stay within <see cref="Budget"/>, as if the resident spent the budget;
/// optionally between <see cref="MinProjects"/> and <see cref="MaxProjects"/> of them.
/// </summary>
public sealed record KnapsackRule(long Budget, int MinProjects = 1, int? MaxProjects = null, string Currency = "EUR") : BallotRule
{
    public override string Name => "knapsack";

    protected override BallotError? CheckRule(Ballot ballot, IReadOnlyDictionary<string, Project> projects)
    {
        if ((NoPoints(ballot) ?? CheckCount(ballot.Projects.Count, MinProjects, MaxProjects)) is { } error)
        {
            return error;
        }
        var total = ballot.Projects.Sum(id => projects[id].Cost);
        return total <= Budget
            ? null
            : Error("over_budget",
                $"The chosen projects cost {Money.English(total, Currency)} together, more than the budget of {Money.English(Budget, Currency)}.",
                $"De gekozen plannen kosten samen {Money.Dutch(total, Currency)}, meer dan het budget van {Money.Dutch(Budget, Currency)}.");
    }
}
