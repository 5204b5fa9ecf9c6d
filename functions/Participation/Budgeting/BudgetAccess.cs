using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Identity;

namespace Participation.Budgeting;

/// <summary>
/// Who manages which budget: admins every budget, officials and team leads the budgets of their own neighbourhoods;
/// a city-wide budget is the admins'. The endpoint policy lets all three in; the scope is checked per budget.
/// </summary>
public static class BudgetAccess
{
    public static bool CanManage(PlatformUser user, string neighbourhood) =>
        user.IsIn(Roles.Admin) ||
        (neighbourhood != Budget.CityWide && (user.IsIn(Roles.Official) || user.IsIn(Roles.TeamLead)) && user.Neighbourhoods.Contains(neighbourhood));

    /// <summary>Why this user may not change what is on the ballot (projects, rules) now; null when they may.</summary>
    public static ProblemHttpResult? RefuseBallotChange(PlatformUser user, Budget budget) =>
        !CanManage(user, budget.Neighbourhood) ? OutOfScope(budget.Neighbourhood)
        : budget.RulesFrozen ? RulesFrozen(budget)
        : null;

    public static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"There is no budget '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Budget not found");

    public static ProblemHttpResult OutOfScope(string neighbourhood) =>
        TypedResults.Problem($"You do not manage budgets of '{neighbourhood}'.", statusCode: StatusCodes.Status403Forbidden, title: "Not your neighbourhood");

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);

    public static ProblemHttpResult RulesFrozen(Budget budget) => Conflict("Rules are frozen",
        $"Voting opened for budget '{budget.Id}' (phase: {budget.Phase.ToWireName()}); its projects, ballot rule, outcome rule and tie-break order can no longer change.");

    public static ProblemHttpResult Busy() => Conflict("Changed meanwhile", "Someone else changed this budget at the same moment; read it again and retry.");

    /// <summary>A refusal with a stable <c>code</c> for clients and the reason in Dutch (<c>dutch</c>) beside the English detail.</summary>
    public static ProblemHttpResult Refuse(int status, string code, string title, string english, string dutch) =>
        TypedResults.Problem(english, statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["code"] = code, ["dutch"] = dutch });

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
