namespace Participation.Budgeting.Rules;

/// <summary>
/// Utilitarian greedy filling: projects by votes, most first, each taken if it still fits. It is the whole of
/// <see cref="Greedy"/> and the second step of <see cref="EqualSharesComplete"/>. Like pabutools, projects
/// without votes come last but are still funded if they fit, so the outcome is exhaustive.
/// </summary>
internal static class Completion
{
    public static Allocation Fill(string rule, BallotProfile profile, Allocation start, SelectionStep step)
    {
        var budget = profile.Election.Budget;
        var selected = start.Selected.ToList();
        var chosen = selected.ToHashSet(StringComparer.Ordinal);
        var rounds = start.Rounds.ToList();
        var spent = start.TotalCost;
        foreach (var p in profile.ByVotes())
        {
            var id = profile.Id(p);
            if (chosen.Contains(id) || profile.Cost[p] > budget - spent)
            {
                continue;
            }
            rounds.Add(new SelectionRound(
                rounds.Count + 1, id, step, profile.Cost[p], profile.TotalWeight[p], profile.Supporters[p], budget - spent));
            selected.Add(id);
            chosen.Add(id);
            spent += profile.Cost[p];
        }
        return start with { Rule = rule, Selected = selected, TotalCost = spent, Leftover = budget - spent, Rounds = rounds };
    }
}
