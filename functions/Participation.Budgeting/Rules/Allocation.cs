namespace Participation.Budgeting.Rules;

/// <summary>The outcome of a rule: what is funded, in the order it was chosen, and every round that chose it.</summary>
public sealed record Allocation(
    string Rule,
    IReadOnlyList<string> Selected,
    long TotalCost,
    long Leftover,
    IReadOnlyDictionary<string, long> Votes,
    IReadOnlyList<SelectionRound> Rounds,
    EqualSharesDetails? EqualShares = null)
{
    public bool IsSelected(string projectId) => Selected.Contains(projectId, StringComparer.Ordinal);

    public SelectionRound? RoundOf(string projectId) => Rounds.FirstOrDefault(round => round.ProjectId == projectId);
}
