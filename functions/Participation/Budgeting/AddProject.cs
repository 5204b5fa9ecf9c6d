using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Identity;
using Participation.Initiatives;
using Participation.Initiatives.Lifecycle;

namespace Participation.Budgeting;

/// <summary>
/// <c>POST /api/budgets/{id}/projects</c>: an official puts a project on the ballot paper — an accepted initiative
/// (by tracking code; its title and description are the defaults) or their own — until voting opens.
/// </summary>
public static class AddProject
{
    public sealed record Request(string? Title, string? Description, long? Cost, string? Neighbourhood, string? FeasibilityNote, string? Initiative);

    public sealed record Response(string BudgetId, string ProjectId);

    public static async Task<Results<Created<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string id, Request request, HttpContext http, BudgetStore store, InitiativeStore initiatives, CancellationToken cancellationToken)
    {
        var user = PlatformUser.From(http.User)!;
        InitiativeCase? initiative = null;
        if (!string.IsNullOrWhiteSpace(request.Initiative))
        {
            initiative = await initiatives.FindAsync(request.Initiative.Trim().ToUpperInvariant(), cancellationToken);
            if (initiative is not { Status: InitiativeStatus.Accepted })
            {
                return BudgetAccess.Invalid("initiative", "Only an accepted initiative can become a project; this one is unknown or not accepted.");
            }
        }

        var title = (request.Title ?? initiative?.Title)?.Trim();
        var description = (request.Description ?? initiative?.Description)?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(title) || title.Length > 200)
        {
            errors["title"] = ["Give a title of at most 200 characters."];
        }

        if (description.Length > 4000)
        {
            errors["description"] = ["Keep the description under 4,000 characters."];
        }

        if (request.Cost is not > 0)
        {
            errors["cost"] = ["The cost is a positive number of whole euros."];
        }

        if (request.FeasibilityNote is { Length: > 2000 })
        {
            errors["feasibilityNote"] = ["Keep the feasibility note under 2,000 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

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

            if (request.Cost > budget.Amount)
            {
                return BudgetAccess.Invalid("cost", $"The project costs more than the whole budget ({budget.Amount}).");
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
            if (await store.SaveAsync(changed, user, "budget.project-added", $"project={project.Id}; cost={project.Cost}; initiative={project.InitiativeCode}",
                    cancellationToken, [BudgetStore.AddProject(budget.Id, project)]))
            {
                return TypedResults.Created($"/api/budgets/{budget.Id}", new Response(budget.Id, project.Id));
            }
        }

        return BudgetAccess.Busy();
    }
}
