using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Lifecycle;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// An official puts a project on the ballot paper — an accepted initiative (by tracking code; its title and description
/// are the defaults) or their own — until voting opens.
/// </summary>
public static class AddProject
{
    public sealed record Request(string? Title, string? Description, long? Cost, string? Neighbourhood, string? FeasibilityNote, string? Initiative);

    public sealed record Response(string BudgetId, string ProjectId);

    public static async Task<Outcome<Response>> HandleAsync(
        string id, Request request, PlatformUser user, BudgetServices services, CancellationToken cancellationToken)
    {
        InitiativeCase? initiative = null;
        if (!string.IsNullOrWhiteSpace(request.Initiative))
        {
            initiative = await services.Initiatives.FindAsync(request.Initiative.Trim().ToUpperInvariant(), cancellationToken);
            if (initiative is not { Status: InitiativeStatus.Accepted })
            {
                return BudgetRefusals.InitiativeNotAccepted;
            }
        }

        var title = (request.Title ?? initiative?.Title)?.Trim();
        var description = (request.Description ?? initiative?.Description)?.Trim() ?? "";
        List<Refusal> refusals = [];
        if (string.IsNullOrEmpty(title) || title.Length > 200)
        {
            refusals.Add(BudgetRefusals.InvalidTitle);
        }

        if (description.Length > 4000)
        {
            refusals.Add(BudgetRefusals.DescriptionTooLong);
        }

        if (request.Cost is not > 0)
        {
            refusals.Add(BudgetRefusals.InvalidCost);
        }

        if (request.FeasibilityNote is { Length: > 2000 })
        {
            refusals.Add(BudgetRefusals.FeasibilityNoteTooLong);
        }

        if (refusals.Count > 0)
        {
            return Outcome<Response>.Refused(refusals);
        }

        var saved = await services.Store.ChangeAsync(id, user, snapshot =>
        {
            var budget = snapshot.Budget;
            if (BudgetAccess.RefuseBallotChange(user, budget) is { } refused)
            {
                return refused;
            }

            if (request.Cost > budget.Amount)
            {
                return BudgetRefusals.CostOverBudget(budget.Amount);
            }

            var project = new BudgetProject($"p{budget.ProjectCount + 1}", title!, description, request.Cost!.Value,
                request.Neighbourhood?.Trim().ToLowerInvariant() ?? initiative?.Neighbourhood ?? budget.Neighbourhood,
                request.FeasibilityNote?.Trim(), initiative?.TrackingCode);
            // A custom tie-break order gets the new project last, so the order always lists every project.
            var changed = budget with
            {
                ProjectCount = budget.ProjectCount + 1,
                TieBreakOrder = budget.TieBreakOrder is null ? null : [.. budget.TieBreakOrder, project.Id],
            };
            return new BudgetChange(changed, "budget.project-added", $"project={project.Id}; cost={project.Cost}; initiative={project.InitiativeCode}")
            {
                AddedProjects = [project],
            };
        }, cancellationToken);
        return saved.Map(snapshot => new Response(snapshot.Budget.Id, snapshot.Projects[^1].Id));
    }
}
