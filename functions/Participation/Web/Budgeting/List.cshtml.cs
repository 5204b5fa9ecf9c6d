using Participation.Budgeting;
using Participation.App.Budgeting;

namespace Participation.App.Web.Budgeting;

/// <summary>'Buurtbudget': every budget with its phase, leading to its projects, the vote or the results.</summary>
public sealed class ListModel(BudgetStore store) : PageModel
{
    public IReadOnlyList<ShowBudget.Listing> Budgets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Budgets = await ShowBudget.ListAsync(store, cancellationToken);
}
