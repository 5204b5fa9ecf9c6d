namespace Participation.App.Web.Budgeting;

/// <summary>How the budget pages say phases and amounts in Dutch and English.</summary>
public static class BudgetTexts
{
    public static string Phase(WebLanguage l, string phase) => phase switch
    {
        "proposals" => l.T("Plannen indienen", "Proposals"),
        "review" => l.T("Plannen beoordelen", "Review"),
        "voting" => l.T("Stemmen", "Voting"),
        "counting" => l.T("Stemmen tellen", "Counting"),
        "results" => l.T("Uitslag bekend", "Results published"),
        "realisation" => l.T("Uitvoering", "Realisation"),
        _ => phase,
    };

    public static string Money(WebLanguage l, long amount, string currency) =>
        l.IsEnglish ? Participation.Budgeting.Explanations.Money.English(amount, currency) : Participation.Budgeting.Explanations.Money.Dutch(amount, currency);

    public static string Project(WebLanguage l, long count) => count == 1 ? l.T("plan", "project") : l.T("plannen", "projects");
}
