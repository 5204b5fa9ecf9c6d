using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.Budgeting.Lifecycle;

namespace Participation.App.Web.Budgeting;

/// <summary>A budget as residents read it before voting: the projects, the phase and the rules in plain language (ShowBudget).</summary>
public sealed class ShowModel(BudgetStore store, TimeProvider clock) : PageModel
{
    public ShowBudget.Response Budget { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if ((await ShowBudget.HandleAsync(id, store, clock, cancellationToken)).Value is not { } budget)
        {
            return NotFound();
        }

        Budget = budget;
        return Page();
    }

    public bool ResultsPublished => BudgetPhases.TryParse(Budget.Phase, out var phase) && BudgetLifecycle.ResultsPublished(phase);
}
