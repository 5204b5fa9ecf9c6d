using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// How many residents may vote, from the municipality's register. Voting codes are issued up to this number and no
/// further; it is set before voting opens and never below the codes already issued. Audited with the budget like every change.
/// </summary>
public static class SetEligibleVoters
{
    public const int Max = 2_000_000;

    public sealed record Request(int? EligibleVoters);

    public static async Task<Outcome<ShowBudget.Response>> HandleAsync(
        string id, Request request, PlatformUser user, BudgetServices services, CancellationToken cancellationToken)
    {
        if (request.EligibleVoters is not (> 0 and <= Max))
        {
            return BudgetRefusals.InvalidEligibleVoters;
        }

        var saved = await services.Store.ChangeAsync(id, user, snapshot =>
        {
            var budget = snapshot.Budget;
            if (BudgetAccess.RefuseBallotChange(user, budget) is { } refused)
            {
                return refused;
            }

            return request.EligibleVoters < budget.CodesIssued
                ? (Outcome<BudgetChange>)BudgetRefusals.BelowIssued(budget.CodesIssued)
                : new BudgetChange(budget with { EligibleVoters = request.EligibleVoters }, "budget.eligible-voters-set", budget.AuditSummary());
        }, cancellationToken);
        return saved.Map(snapshot => ShowBudget.Describe(snapshot, services.Clock.GetUtcNow()));
    }
}
