using Participation.Budgeting;
using Participation.Budgeting.Explanations;

namespace Participation.Web.Budgeting;

/// <summary>How the budget pages say phases, amounts and the ballot handlers' messages in Dutch and English.</summary>
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

    /// <summary>Residents may read a budget's results once the municipality publishes them: from the results phase on.</summary>
    public static bool ResultsPublished(Budget budget) => budget.Phase >= BudgetPhase.Results;

    /// <summary>
    /// CastBallot and CheckReceipt answer in English (the API's language); rule errors carry their Dutch text themselves
    /// (<c>dutch</c>), the messages below are the rest a resident can meet on the voting pages.
    /// </summary>
    public static string Say(WebLanguage l, string message) =>
        l.IsEnglish || !Dutch.TryGetValue(message, out var dutch) ? message : dutch;

    private static readonly Dictionary<string, string> Dutch = new()
    {
        ["Give the voting code from your letter (12 letters and digits, e.g. ABCD-EFGH-JK23)."] =
            "Vul de stemcode uit uw brief in (12 letters en cijfers, bijvoorbeeld ABCD-EFGH-JK23).",
        ["This voting code is not valid for this budget. Check the letter; codes of another budget do not work here."] =
            "Deze stemcode hoort niet bij dit buurtbudget. Controleer uw brief; codes van een ander budget werken hier niet.",
        ["You already voted in this budget with another voting code; each resident votes once. You can change that vote with its code."] =
            "U hebt in dit buurtbudget al gestemd met een andere stemcode; iedere inwoner stemt één keer. U kunt die stem wijzigen met die code.",
        ["A paper ballot was counted for this voting code; it cannot be changed online."] =
            "Met deze stemcode is op papier gestemd; die stem kan niet online worden gewijzigd.",
        ["This voting code was first used by a signed-in resident; sign in as them to change the vote."] =
            "Deze stemcode is eerst gebruikt door een ingelogde inwoner; alleen die inwoner kan de stem wijzigen na inloggen.",
        ["A ballot with this voting code sent after this one is stored already; the later choice counts."] =
            "Met deze stemcode is daarna nog een stem uitgebracht; die latere keuze telt.",
        ["This budget is for signed-in residents: sign in to vote."] = "Voor dit buurtbudget stemt u ingelogd: log eerst in.",
        ["Voting has closed"] = "Het stemmen is gesloten.",
        ["Voting has not opened"] = "Het stemmen is nog niet begonnen.",
        ["No ballot with this receipt in this budget."] = "Er is in dit buurtbudget geen stem met dit stembewijs.",
        ["Send the chosen project ids, e.g. {\"projects\": [\"p1\", \"p3\"]}."] = "Kies de plannen waarop u wilt stemmen.",
        ["Send the points per project, e.g. {\"points\": {\"p1\": 3, \"p2\": 2}}."] = "Geef punten aan de plannen die u goed vindt.",
    };

    public static string Project(WebLanguage l, long count) => count == 1 ? l.T("plan", "project") : l.T("plannen", "projects");
}
