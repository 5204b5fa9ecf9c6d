using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.App.Routing;
using Participation.Budgeting.Lifecycle;

namespace Participation.App.Council;

/// <summary>
/// The buurtbudgetten on the council dashboard: turnout per neighbourhood (ballots / eligible) and, once counted, the
/// funded projects. Aggregates only — counts per budget and per project, never a ballot or a voter.
/// </summary>
/// <remarks>
/// Eligible is the number of voting codes issued for a code budget (one letter per eligible household or resident).
/// A residents' budget has no count of who may vote here — no population register is connected — so its turnout is
/// left empty rather than guessed, and its ballots are shown on their own.
/// </remarks>
public sealed class BudgetFigures(BudgetStore store, BallotBox box, RoutingDirectory routing, TimeProvider clock)
{
    public sealed record Turnout(
        string BudgetId, string Title, string Neighbourhood, string NeighbourhoodName, string Phase, string Eligibility,
        int Ballots, int? Eligible, double? Share);

    public sealed record FundedProject(string Id, string Title, long Cost, long Votes);

    public sealed record Outcome(
        string BudgetId, string Title, string Phase, string Rule, long Budget, long Cost, long Leftover, IReadOnlyList<FundedProject> Funded);

    public sealed record Result(IReadOnlyList<Turnout> Turnout, IReadOnlyList<Outcome> Outcomes);

    public async Task<Result> ComputeAsync(CancellationToken cancellationToken)
    {
        var names = (await routing.CurrentAsync(cancellationToken)).Neighbourhoods.ToDictionary(n => n.Code, n => n.Name);
        var turnout = new List<Turnout>();
        var outcomes = new List<Outcome>();
        foreach (var listed in await store.ListAsync(cancellationToken))
        {
            if (listed.Phase < BudgetPhase.Voting || await store.FindAsync(listed.Id, cancellationToken) is not { } snapshot)
            {
                continue;
            }

            var budget = snapshot.Budget;
            int ballots;
            if (budget.Phase >= BudgetPhase.Counting)
            {
                // The count stored for this version of the budget (what the public results page shows): the dashboard
                // neither reads every ballot nor runs the rule again on each view.
                var result = (await BudgetResults.ReadAsync(snapshot, store, box, clock, cancellationToken))!;
                ballots = (int)result.Ballots;
                outcomes.Add(new Outcome(budget.Id, budget.Title, budget.Phase.ToWireName(), result.Rule, budget.Amount, result.Cost, result.Leftover,
                    result.Projects.Where(p => p.Funded).Select(p => new FundedProject(p.Id, p.Title, p.Cost, p.Votes)).ToList()));
            }
            else
            {
                ballots = (int)await box.CountBallotsAsync(budget.Id, cancellationToken);
            }

            // Budgets from before the issued codes were counted on the budget row count their code rows.
            int? eligible = budget.Eligibility != Budget.ByCode ? null
                : budget.CodesIssued > 0 ? budget.CodesIssued : await box.CountCodesAsync(budget.Id, cancellationToken);
            var name = budget.Neighbourhood == Budget.CityWide ? "Hele stad / city-wide" : names.GetValueOrDefault(budget.Neighbourhood, budget.Neighbourhood);
            turnout.Add(new Turnout(budget.Id, budget.Title, budget.Neighbourhood, name, budget.Phase.ToWireName(), budget.Eligibility,
                ballots, eligible, eligible is > 0 ? (double)ballots / eligible.Value : null));
        }

        return new Result(turnout.OrderBy(t => t.NeighbourhoodName, StringComparer.Ordinal).ThenBy(t => t.BudgetId, StringComparer.Ordinal).ToList(), outcomes);
    }
}
