using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Identity;

namespace Participation.Budgeting;

/// <summary>
/// <c>PUT /api/budgets/{id}/eligible-voters</c> with <c>{"eligibleVoters": n}</c>: how many residents may vote, from the
/// municipality's register. Voting codes are issued up to this number and no further; it is set before voting opens
/// and never below the codes already issued. Audited with the budget like every change.
/// </summary>
public static class SetEligibleVoters
{
    public const int Max = 2_000_000;

    public sealed record Request(int? EligibleVoters);

    public static async Task<Results<Ok<ShowBudget.Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string id, Request request, HttpContext http, BudgetStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.EligibleVoters is not (> 0 and <= Max))
        {
            return BudgetAccess.Invalid("eligibleVoters", $"The number of eligible voters is 1 to {Max:N0}.");
        }

        var user = PlatformUser.From(http.User)!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await store.FindAsync(id, cancellationToken) is not { } snapshot)
            {
                return BudgetAccess.NotFound(id);
            }

            var budget = snapshot.Budget;
            if (BudgetAccess.RefuseBallotChange(user, budget) is { } refused)
            {
                return refused;
            }

            if (request.EligibleVoters < budget.CodesIssued)
            {
                return BudgetAccess.Refuse(StatusCodes.Status422UnprocessableEntity, "voting_codes.below_issued", "Fewer than the codes issued",
                    $"{budget.CodesIssued:N0} voting codes are issued already; the number of eligible voters cannot be lower.",
                    $"Er zijn al {budget.CodesIssued:N0} stemcodes uitgegeven; het aantal stemgerechtigden kan niet lager zijn.");
            }

            var changed = budget with { EligibleVoters = request.EligibleVoters };
            if (await store.SaveAsync(changed, user, "budget.eligible-voters-set", budget.AuditSummary(), cancellationToken))
            {
                return TypedResults.Ok(ShowBudget.Describe(new BudgetSnapshot(changed, snapshot.Projects), clock.GetUtcNow()));
            }
        }

        return BudgetAccess.Busy();
    }
}
