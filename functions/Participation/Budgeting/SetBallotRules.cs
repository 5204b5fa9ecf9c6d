using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Budgeting.Rules;
using Participation.Identity;

namespace Participation.Budgeting;

/// <summary>
/// <c>PUT /api/budgets/{id}/rules</c>: the ballot rule (approval, knapsack or cumulative with their limits), the outcome
/// rule (greedy, mes, mes-complete) and the tie-break order. Allowed until voting opens; from then on 409.
/// </summary>
public static class SetBallotRules
{
    public sealed record Request(
        string? VoteType, int? MinProjects, int? MaxProjects, long? PointsPerVoter, long? MaxPointsPerProject,
        string? OutcomeRule, IReadOnlyList<string>? TieBreakOrder);

    public static readonly string[] OutcomeRules = ["greedy", "mes", "mes-complete"];

    public static async Task<Results<Ok<ShowBudget.Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string id, Request request, HttpContext http, BudgetStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
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

            var errors = Validate(request, snapshot);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }

            var voteType = request.VoteType!.Trim().ToLowerInvariant();
            var settings = new BallotSettings(voteType, request.MinProjects ?? 1, request.MaxProjects,
                voteType == BallotSettings.Cumulative ? request.PointsPerVoter : null,
                voteType == BallotSettings.Cumulative ? request.MaxPointsPerProject ?? request.PointsPerVoter : null,
                request.OutcomeRule!.Trim().ToLowerInvariant());
            var changed = budget with { Rules = settings, TieBreakOrder = request.TieBreakOrder?.ToList() };
            if (await store.SaveAsync(changed, user, "budget.rules-set", budget.AuditSummary(), cancellationToken))
            {
                return TypedResults.Ok(ShowBudget.Describe(new BudgetSnapshot(changed, snapshot.Projects), clock.GetUtcNow()));
            }
        }

        return BudgetAccess.Busy();
    }

    private static Dictionary<string, string[]> Validate(Request request, BudgetSnapshot snapshot)
    {
        var errors = new Dictionary<string, string[]>();
        var voteType = request.VoteType?.Trim().ToLowerInvariant();
        if (voteType is not (BallotSettings.Approval or BallotSettings.Knapsack or BallotSettings.Cumulative))
        {
            errors["voteType"] = ["Choose approval, knapsack or cumulative."];
        }

        if (request.MinProjects is < 0 || (request.MaxProjects is { } max && (max < 1 || max < (request.MinProjects ?? 1))))
        {
            errors["maxProjects"] = ["Give 0 ≤ minProjects ≤ maxProjects, and maxProjects ≥ 1."];
        }

        if (voteType == BallotSettings.Cumulative && (request.PointsPerVoter is not > 0 || request.MaxPointsPerProject is <= 0))
        {
            errors["pointsPerVoter"] = ["A cumulative ballot needs pointsPerVoter > 0 (and maxPointsPerProject > 0 if given)."];
        }

        if (request.OutcomeRule is null || !OutcomeRules.Contains(request.OutcomeRule.Trim().ToLowerInvariant()) || !BudgetRules.TryFind(request.OutcomeRule, out _))
        {
            errors["outcomeRule"] = [$"Choose {string.Join(", ", OutcomeRules)}."];
        }

        if (request.TieBreakOrder is { } order)
        {
            var ids = snapshot.Projects.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            if (order.Count != ids.Count || !ids.SetEquals(order))
            {
                errors["tieBreakOrder"] = ["The tie-break order lists every project id of this budget exactly once (or leave it out: project id order)."];
            }
        }

        return errors;
    }
}
