using Participation.Budgeting;

namespace Participation.App.Budgeting;

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
    public static Refusal? RefuseBallotChange(PlatformUser user, Budget budget) =>
        !CanManage(user, budget.Neighbourhood) ? BudgetRefusals.OutOfScope(budget.Neighbourhood)
        : budget.RulesFrozen ? BudgetRefusals.RulesFrozen(budget)
        : null;
}
