using Participation.Budgeting;
using Participation.App.Budgeting;

namespace Participation.App.Web.Budgeting;

/// <summary>
/// The ballot paper: a plain form (checkboxes, or number inputs for points) that posts to VotePost; it works without
/// JavaScript, wwwroot/js/ballot.js only keeps the running total current.
/// </summary>
public sealed class VoteModel(BudgetStore store, TimeProvider clock) : PageModel
{
    public BallotForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if ((await ShowBudget.HandleAsync(id, store, clock, cancellationToken)).Value is not { } budget)
        {
            return NotFound();
        }

        Form = new BallotForm { Budget = budget, SignedInResident = PlatformUser.From(User)?.IsIn(Roles.Resident) == true };
        return Page();
    }
}
