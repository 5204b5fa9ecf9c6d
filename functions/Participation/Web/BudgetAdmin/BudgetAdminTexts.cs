using Participation.Budgeting;
using Participation.App.Budgeting;

namespace Participation.App.Web.BudgetAdmin;

/// <summary>How the back-office budget pages name vote types, outcome rules and eligibility in Dutch and English.</summary>
public static class BudgetAdminTexts
{
    public static string VoteType(WebLanguage l, string voteType) => voteType switch
    {
        BallotSettings.Approval => l.T("Plannen aankruisen", "Approve projects"),
        BallotSettings.Knapsack => l.T("Plannen kiezen binnen het budget", "Choose projects within the budget"),
        BallotSettings.Cumulative => l.T("Punten verdelen", "Distribute points"),
        _ => voteType,
    };

    public static string OutcomeRule(WebLanguage l, string rule) => rule switch
    {
        "greedy" => l.T("Meeste stemmen eerst, zolang het geld reikt", "Most votes first, while the money lasts"),
        "mes" => l.T("Gelijke aandelen (Method of Equal Shares)", "Equal shares (Method of Equal Shares)"),
        "mes-complete" => l.T("Gelijke aandelen, aangevuld tot het geld op is", "Equal shares, completed until the money runs out"),
        _ => rule,
    };

    public static string Eligibility(WebLanguage l, string eligibility) => eligibility == Budget.ByResident
        ? l.T("Ingelogde inwoners", "Signed-in residents")
        : l.T("Met een stemcode per brief", "With a voting code by letter");
}
