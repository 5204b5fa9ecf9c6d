using Participation.Budgeting.Rules;
using Participation.Budgeting.Lifecycle;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>An official or admin opens a budget for a neighbourhood (or <c>stad</c>) in the proposals phase.</summary>
public static class CreateBudget
{
    public sealed record Request(
        string? Id, string? Title, string? Neighbourhood, long? Amount, PhaseDates? Dates, string? Eligibility, string? Currency,
        int? EligibleVoters = null);

    public sealed record Response(string Id, string Phase);

    public static async Task<Outcome<Response>> HandleAsync(Request request, PlatformUser user, BudgetServices services, CancellationToken cancellationToken)
    {
        var dates = request.Dates ?? new PhaseDates(null, null, null, null, null, null);
        var eligibility = request.Eligibility?.Trim().ToLowerInvariant() ?? Budget.ByCode;
        List<Refusal> refusals = [];
        if (!BudgetIds.IsValid(request.Id))
        {
            refusals.Add(BudgetRefusals.InvalidId);
        }

        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200)
        {
            refusals.Add(BudgetRefusals.InvalidTitle);
        }

        if (string.IsNullOrWhiteSpace(request.Neighbourhood))
        {
            refusals.Add(BudgetRefusals.NeighbourhoodMissing);
        }

        if (request.Amount is not > 0)
        {
            refusals.Add(BudgetRefusals.InvalidAmount);
        }

        if (dates.FirstOutOfOrder() is { } outOfOrder)
        {
            refusals.Add(BudgetRefusals.DatesOutOfOrder(outOfOrder));
        }

        if (eligibility is not (Budget.ByCode or Budget.ByResident))
        {
            refusals.Add(BudgetRefusals.InvalidEligibility);
        }

        if (request.EligibleVoters is { } eligible && eligible is not (> 0 and <= SetEligibleVoters.Max))
        {
            refusals.Add(BudgetRefusals.InvalidEligibleVoters);
        }

        if (refusals.Count > 0)
        {
            return Outcome<Response>.Refused(refusals);
        }

        var neighbourhood = request.Neighbourhood!.Trim().ToLowerInvariant();
        if (!BudgetAccess.CanManage(user, neighbourhood))
        {
            return BudgetRefusals.OutOfScope(neighbourhood);
        }

        var budget = new Budget
        {
            Id = request.Id!, Title = request.Title!.Trim(), Neighbourhood = neighbourhood, Amount = request.Amount!.Value,
            Currency = string.IsNullOrWhiteSpace(request.Currency) ? "EUR" : request.Currency.Trim().ToUpperInvariant(),
            Dates = dates, Eligibility = eligibility, CreatedAt = services.Clock.GetUtcNow(),
            EligibleVoters = request.EligibleVoters,
            Rules = new BallotSettings(BallotSettings.Approval, 1, null, null, null, BudgetRules.All[0].Name),
        };
        return await services.Store.CreateAsync(budget, user, cancellationToken)
            ? new Response(budget.Id, budget.Phase.ToWireName())
            : BudgetRefusals.IdTaken(budget.Id);
    }
}
