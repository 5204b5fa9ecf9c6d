using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.Budgeting.Lifecycle;

namespace Participation.App.Web.Budgeting;

/// <summary>
/// The published results: funded projects, what is left and, per project, why it was or was not funded.
/// </summary>
/// <remarks>
/// The API's results are the council's from counting on; residents see them here from the results phase on, because
/// entering that phase is the municipality publishing them. Only aggregates appear: votes per project, no ballots.
/// </remarks>
public sealed class ResultsModel(BudgetStore store, BallotBox box, TimeProvider clock) : PageModel
{
    public BudgetSnapshot Snapshot { get; private set; } = null!;
    public BudgetResults.Response? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } snapshot)
        {
            return NotFound();
        }

        Snapshot = snapshot;
        if (BudgetLifecycle.ResultsPublished(snapshot.Budget.Phase))
        {
            Results = await BudgetResults.ReadAsync(snapshot, store, box, clock, cancellationToken);
        }

        return Page();
    }
}
