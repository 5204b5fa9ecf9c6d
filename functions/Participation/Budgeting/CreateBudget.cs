using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Budgeting.Rules;
using Participation.Identity;

namespace Participation.Budgeting;

/// <summary><c>POST /api/budgets</c>: an official or admin opens a budget for a neighbourhood (or <c>stad</c>) in the proposals phase.</summary>
public static class CreateBudget
{
    public sealed record Request(
        string? Id, string? Title, string? Neighbourhood, long? Amount, PhaseDates? Dates, string? Eligibility, string? Currency,
        int? EligibleVoters = null);

    public sealed record Response(string Id, string Phase);

    public static async Task<Results<Created<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, HttpContext http, BudgetStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!BudgetIds.IsValid(request.Id))
        {
            errors["id"] = ["Give an id of 3–40 lowercase letters, digits or dashes, starting with a letter (e.g. oosterpark-2026)."];
        }

        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200)
        {
            errors["title"] = ["Give a title of at most 200 characters."];
        }

        if (string.IsNullOrWhiteSpace(request.Neighbourhood))
        {
            errors["neighbourhood"] = [$"Name the neighbourhood, or '{Budget.CityWide}' for the whole city."];
        }

        if (request.Amount is not > 0)
        {
            errors["amount"] = ["The amount is a positive number of whole euros."];
        }

        var dates = request.Dates ?? new PhaseDates(null, null, null, null, null, null);
        if (dates.Problem() is { } datesProblem)
        {
            errors["dates"] = [datesProblem];
        }

        var eligibility = request.Eligibility?.Trim().ToLowerInvariant() ?? Budget.ByCode;
        if (eligibility is not (Budget.ByCode or Budget.ByResident))
        {
            errors["eligibility"] = [$"Choose '{Budget.ByCode}' (voting codes by letter) or '{Budget.ByResident}' (signed-in residents)."];
        }

        if (request.EligibleVoters is { } eligible && eligible is not (> 0 and <= SetEligibleVoters.Max))
        {
            errors["eligibleVoters"] = [$"The number of eligible voters is 1 to {SetEligibleVoters.Max:N0}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = PlatformUser.From(http.User)!;
        var neighbourhood = request.Neighbourhood!.Trim().ToLowerInvariant();
        if (!BudgetAccess.CanManage(user, neighbourhood))
        {
            return BudgetAccess.OutOfScope(neighbourhood);
        }

        var budget = new Budget
        {
            Id = request.Id!, Title = request.Title!.Trim(), Neighbourhood = neighbourhood, Amount = request.Amount!.Value,
            Currency = string.IsNullOrWhiteSpace(request.Currency) ? "EUR" : request.Currency.Trim().ToUpperInvariant(),
            Dates = dates, Eligibility = eligibility, CreatedAt = clock.GetUtcNow(),
            EligibleVoters = request.EligibleVoters,
            Rules = new BallotSettings(BallotSettings.Approval, 1, null, null, null, BudgetRules.All[0].Name),
        };
        if (!await store.CreateAsync(budget, user, cancellationToken))
        {
            return BudgetAccess.Conflict("Id taken", $"A budget '{budget.Id}' exists already.");
        }

        return TypedResults.Created($"/api/budgets/{budget.Id}", new Response(budget.Id, budget.Phase.ToWireName()));
    }
}
