using Participation.Budgeting.Rules;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// The ballot rule (approval, knapsack or cumulative with their limits), the outcome rule (greedy, mes, mes-complete)
/// and the tie-break order. Allowed until voting opens; from then on refused.
/// </summary>
public static class SetBallotRules
{
    public sealed record Request(
        string? VoteType, int? MinProjects, int? MaxProjects, long? PointsPerVoter, long? MaxPointsPerProject,
        string? OutcomeRule, IReadOnlyList<string>? TieBreakOrder);

    public static readonly string[] OutcomeRules = ["greedy", "mes", "mes-complete"];

    public static async Task<Outcome<ShowBudget.Response>> HandleAsync(
        string id, Request request, PlatformUser user, BudgetServices services, CancellationToken cancellationToken)
    {
        var saved = await services.Store.ChangeAsync(id, user, snapshot =>
        {
            var budget = snapshot.Budget;
            if (BudgetAccess.RefuseBallotChange(user, budget) is { } refused)
            {
                return refused;
            }

            if (Validate(request, snapshot) is { Count: > 0 } refusals)
            {
                return Outcome<BudgetChange>.Refused(refusals);
            }

            var voteType = request.VoteType!.Trim().ToLowerInvariant();
            var settings = new BallotSettings(voteType, request.MinProjects ?? 1, request.MaxProjects,
                voteType == BallotSettings.Cumulative ? request.PointsPerVoter : null,
                voteType == BallotSettings.Cumulative ? request.MaxPointsPerProject ?? request.PointsPerVoter : null,
                request.OutcomeRule!.Trim().ToLowerInvariant());
            return new BudgetChange(budget with { Rules = settings, TieBreakOrder = request.TieBreakOrder?.ToList() }, "budget.rules-set", budget.AuditSummary());
        }, cancellationToken);
        return saved.Map(snapshot => ShowBudget.Describe(snapshot, services.Clock.GetUtcNow()));
    }

    private static List<Refusal> Validate(Request request, BudgetSnapshot snapshot)
    {
        List<Refusal> refusals = [];
        var voteType = request.VoteType?.Trim().ToLowerInvariant();
        if (voteType is not (BallotSettings.Approval or BallotSettings.Knapsack or BallotSettings.Cumulative))
        {
            refusals.Add(BudgetRefusals.InvalidVoteType);
        }

        if (request.MinProjects is < 0 || (request.MaxProjects is { } max && (max < 1 || max < (request.MinProjects ?? 1))))
        {
            refusals.Add(BudgetRefusals.InvalidProjectLimits);
        }

        if (voteType == BallotSettings.Cumulative && (request.PointsPerVoter is not > 0 || request.MaxPointsPerProject is <= 0))
        {
            refusals.Add(BudgetRefusals.InvalidPoints);
        }

        if (request.OutcomeRule is null || !OutcomeRules.Contains(request.OutcomeRule.Trim().ToLowerInvariant()) || !BudgetRules.TryFind(request.OutcomeRule, out _))
        {
            refusals.Add(BudgetRefusals.InvalidOutcomeRule);
        }

        if (request.TieBreakOrder is { } order)
        {
            var ids = snapshot.Projects.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            if (order.Count != ids.Count || !ids.SetEquals(order))
            {
                refusals.Add(BudgetRefusals.InvalidTieBreakOrder);
            }
        }

        return refusals;
    }
}
