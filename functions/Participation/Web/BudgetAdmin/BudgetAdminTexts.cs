using Participation.Budgeting;

namespace Participation.Web.BudgetAdmin;

/// <summary>
/// The budget use cases answer in English (the API's language). The back-office budget pages say their refusals in
/// Dutch, keyed by what is stable about them: the field a validation error is about, or the problem's title.
/// </summary>
public static class BudgetAdminTexts
{
    public static string Field(WebLanguage l, string field, string english) => l.IsEnglish ? english : field switch
    {
        "id" => "Geef een code van 3 tot 40 kleine letters, cijfers of streepjes, te beginnen met een letter (bijvoorbeeld oosterpark-2027).",
        "title" => "Geef een titel van hoogstens 200 tekens.",
        "neighbourhood" => "Kies de buurt, of de hele stad.",
        "amount" => "Het bedrag is een positief aantal hele euro's.",
        "eligibility" => "Kies wie mag stemmen: met een stemcode per brief, of ingelogde inwoners.",
        "eligibleVoters" => $"Het aantal stemgerechtigden is 1 tot {SetEligibleVoters.Max:N0}.".Replace(',', '.'),
        "initiative" => "Alleen een goedgekeurd initiatief kan een plan worden; deze volgcode is onbekend of niet goedgekeurd.",
        "description" => "Houd de omschrijving onder de 4.000 tekens.",
        "cost" => english.StartsWith("The project costs more", StringComparison.Ordinal)
            ? "Het plan kost meer dan het hele budget."
            : "De kosten zijn een positief aantal hele euro's.",
        "feasibilityNote" => "Houd de toelichting op de haalbaarheid onder de 2.000 tekens.",
        "voteType" => "Kies hoe inwoners stemmen.",
        "maxProjects" => "Het minimum ligt tussen 0 en het maximum; het maximum is minstens 1.",
        "pointsPerVoter" => "Bij punten verdelen heeft elke stemmer meer dan 0 punten (en per plan meer dan 0, als u een maximum geeft).",
        "outcomeRule" => "Kies hoe de stemmen worden geteld.",
        "tieBreakOrder" => "De volgorde bij gelijke stand noemt elk plan precies één keer.",
        "phase" => "Kies een fase.",
        "count" => $"Vraag 1 tot {GenerateVotingCodes.MaxPerRequest:N0} stemcodes tegelijk.".Replace(',', '.'),
        _ => english,
    };

    public static string Problem(WebLanguage l, string? title, string? detail) => l.IsEnglish ? detail ?? title ?? "" : title switch
    {
        "Id taken" => "Er bestaat al een buurtbudget met deze code; kies een andere.",
        "Not your neighbourhood" => "U beheert geen buurtbudgetten van deze buurt.",
        "Rules are frozen" => "Het stemmen is geopend: plannen en regels liggen vast.",
        "Changed meanwhile" => "Iemand anders wijzigde dit buurtbudget op hetzelfde moment; probeer het opnieuw.",
        "Phases only move forward" => "Een buurtbudget gaat alleen naar een latere fase.",
        "Not ready to vote" => "Er staan nog geen plannen op het stembiljet; het stemmen kan niet openen.",
        "No codes for this budget" => detail?.Contains("signed-in", StringComparison.Ordinal) == true
            ? "Voor dit buurtbudget stemmen ingelogde inwoners; het heeft geen stemcodes."
            : "Het stemmen is gesloten; nieuwe stemcodes hebben geen zin.",
        "Budget not found" => "Dit buurtbudget bestaat niet.",
        _ => detail ?? title ?? "",
    };

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
