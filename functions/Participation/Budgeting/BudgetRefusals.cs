using Participation.Budgeting.Ballots;
using static Microsoft.AspNetCore.Http.StatusCodes;
using Participation.Budgeting.Lifecycle;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// Every reason a budget use case says no, with its stable code and its text in English (the API's) and Dutch (the
/// site's). Fixed reasons are fields; a reason that names a budget, a number or a date is a method with those values.
/// Validation refusals name their request field and carry no title (the API answers them with the default one).
/// </summary>
public static class BudgetRefusals
{
    // Any budget use case
    public static Refusal NotFound(string id) => new("budget.not_found", Status404NotFound,
        $"There is no budget '{id}'.", $"Er is geen buurtbudget '{id}'.", Title: "Budget not found");

    public static Refusal OutOfScope(string neighbourhood) => new("budget.out_of_scope", Status403Forbidden,
        $"You do not manage budgets of '{neighbourhood}'.", $"U beheert geen buurtbudgetten van '{neighbourhood}'.", Title: "Not your neighbourhood");

    public static readonly Refusal Busy = new("budget.busy", Status409Conflict,
        "Someone else changed this budget at the same moment; read it again and retry.",
        "Iemand anders wijzigde dit buurtbudget op hetzelfde moment; probeer het opnieuw.", Title: "Changed meanwhile");

    public static Refusal RulesFrozen(Budget budget) => new("budget.rules_frozen", Status409Conflict,
        $"Voting opened for budget '{budget.Id}' (phase: {budget.Phase.ToWireName()}); its projects, ballot rule, outcome rule and tie-break order can no longer change.",
        "Het stemmen is geopend: plannen en regels liggen vast.", Title: "Rules are frozen");

    // CreateBudget
    public static Refusal IdTaken(string id) => new("budget.id_taken", Status409Conflict,
        $"A budget '{id}' exists already.", "Er bestaat al een buurtbudget met deze code; kies een andere.", Title: "Id taken");

    public static readonly Refusal InvalidId = new("budget.invalid_id", Status400BadRequest,
        "Give an id of 3–40 lowercase letters, digits or dashes, starting with a letter (e.g. oosterpark-2026).",
        "Geef een code van 3 tot 40 kleine letters, cijfers of streepjes, te beginnen met een letter (bijvoorbeeld oosterpark-2027).", Field: "id");

    public static readonly Refusal InvalidTitle = new("budget.invalid_title", Status400BadRequest,
        "Give a title of at most 200 characters.", "Geef een titel van hoogstens 200 tekens.", Field: "title");

    public static readonly Refusal NeighbourhoodMissing = new("budget.neighbourhood_missing", Status400BadRequest,
        $"Name the neighbourhood, or '{Budget.CityWide}' for the whole city.", "Kies de buurt, of de hele stad.", Field: "neighbourhood");

    public static readonly Refusal InvalidAmount = new("budget.invalid_amount", Status400BadRequest,
        "The amount is a positive number of whole euros.", "Het bedrag is een positief aantal hele euro's.", Field: "amount");

    public static Refusal DatesOutOfOrder(BudgetPhase phase) => new("budget.dates_out_of_order", Status400BadRequest,
        $"The {phase.ToWireName()} phase starts before the phase ahead of it.",
        $"De fase '{phase.ToWireName()}' begint voor de fase die eraan voorafgaat.", Field: "dates");

    public static readonly Refusal InvalidEligibility = new("budget.invalid_eligibility", Status400BadRequest,
        $"Choose '{Budget.ByCode}' (voting codes by letter) or '{Budget.ByResident}' (signed-in residents).",
        "Kies wie mag stemmen: met een stemcode per brief, of ingelogde inwoners.", Field: "eligibility");

    public static readonly Refusal InvalidEligibleVoters = new("budget.invalid_eligible_voters", Status400BadRequest,
        $"The number of eligible voters is 1 to {SetEligibleVoters.Max:N0}.",
        $"Het aantal stemgerechtigden is 1 tot {SetEligibleVoters.Max:N0}.".Replace(',', '.'), Field: "eligibleVoters");

    // AddProject
    public static readonly Refusal InitiativeNotAccepted = new("project.initiative_not_accepted", Status400BadRequest,
        "Only an accepted initiative can become a project; this one is unknown or not accepted.",
        "Alleen een goedgekeurd initiatief kan een plan worden; deze volgcode is onbekend of niet goedgekeurd.", Field: "initiative");

    public static readonly Refusal DescriptionTooLong = new("project.description_too_long", Status400BadRequest,
        "Keep the description under 4,000 characters.", "Houd de omschrijving onder de 4.000 tekens.", Field: "description");

    public static readonly Refusal InvalidCost = new("project.invalid_cost", Status400BadRequest,
        "The cost is a positive number of whole euros.", "De kosten zijn een positief aantal hele euro's.", Field: "cost");

    public static Refusal CostOverBudget(long amount) => new("project.cost_over_budget", Status400BadRequest,
        $"The project costs more than the whole budget ({amount}).", "Het plan kost meer dan het hele budget.", Field: "cost");

    public static readonly Refusal FeasibilityNoteTooLong = new("project.feasibility_note_too_long", Status400BadRequest,
        "Keep the feasibility note under 2,000 characters.", "Houd de toelichting op de haalbaarheid onder de 2.000 tekens.", Field: "feasibilityNote");

    // SetBallotRules
    public static readonly Refusal InvalidVoteType = new("rules.invalid_vote_type", Status400BadRequest,
        "Choose approval, knapsack or cumulative.", "Kies hoe inwoners stemmen.", Field: "voteType");

    public static readonly Refusal InvalidProjectLimits = new("rules.invalid_project_limits", Status400BadRequest,
        "Give 0 ≤ minProjects ≤ maxProjects, and maxProjects ≥ 1.",
        "Het minimum ligt tussen 0 en het maximum; het maximum is minstens 1.", Field: "maxProjects");

    public static readonly Refusal InvalidPoints = new("rules.invalid_points", Status400BadRequest,
        "A cumulative ballot needs pointsPerVoter > 0 (and maxPointsPerProject > 0 if given).",
        "Bij punten verdelen heeft elke stemmer meer dan 0 punten (en per plan meer dan 0, als u een maximum geeft).", Field: "pointsPerVoter");

    public static readonly Refusal InvalidOutcomeRule = new("rules.invalid_outcome_rule", Status400BadRequest,
        $"Choose {string.Join(", ", SetBallotRules.OutcomeRules)}.", "Kies hoe de stemmen worden geteld.", Field: "outcomeRule");

    public static readonly Refusal InvalidTieBreakOrder = new("rules.invalid_tie_break_order", Status400BadRequest,
        "The tie-break order lists every project id of this budget exactly once (or leave it out: project id order).",
        "De volgorde bij gelijke stand noemt elk plan precies één keer.", Field: "tieBreakOrder");

    // MoveBudgetPhase
    public static readonly Refusal InvalidPhase = new("phase.invalid", Status400BadRequest,
        $"Choose one of: {string.Join(", ", BudgetPhases.All.Select(p => p.ToWireName()))}.", "Kies een fase.", Field: "phase");

    public static Refusal PhaseNotForward(Budget budget) => new("phase.not_forward", Status409Conflict,
        $"Budget '{budget.Id}' is in the {budget.Phase.ToWireName()} phase; it can only move to a later phase.",
        "Een buurtbudget gaat alleen naar een latere fase.", Title: "Phases only move forward");

    public static Refusal NotReadyToVote(Budget budget) => new("phase.not_ready_to_vote", Status409Conflict,
        $"Budget '{budget.Id}' has no projects on its ballot paper yet; voting cannot open.",
        "Er staan nog geen plannen op het stembiljet; het stemmen kan niet openen.", Title: "Not ready to vote");

    // SetEligibleVoters, GenerateVotingCodes, ReplaceVotingCode
    public static Refusal BelowIssued(int issued) => new("voting_codes.below_issued", Status422UnprocessableEntity,
        $"{issued:N0} voting codes are issued already; the number of eligible voters cannot be lower.",
        $"Er zijn al {issued:N0} stemcodes uitgegeven; het aantal stemgerechtigden kan niet lager zijn.", Title: "Fewer than the codes issued");

    public static readonly Refusal InvalidCodeCount = new("voting_codes.invalid_count", Status400BadRequest,
        $"Ask for 1 to {GenerateVotingCodes.MaxPerRequest:N0} codes at a time.",
        $"Vraag 1 tot {GenerateVotingCodes.MaxPerRequest:N0} stemcodes tegelijk.".Replace(',', '.'), Field: "count");

    public static readonly Refusal NotACodeBudget = new("voting_codes.not_a_code_budget", Status409Conflict,
        "This budget is for signed-in residents; it takes no voting codes.",
        "Voor dit buurtbudget stemmen ingelogde inwoners; het heeft geen stemcodes.", Title: "No codes for this budget");

    public static readonly Refusal CodesAfterVotingOpened = new("voting_codes.voting_opened", Status409Conflict,
        "Voting codes are generated before voting opens. A voter who lost their letter gets a replacement code from an administrator.",
        "Stemcodes worden aangemaakt voordat het stemmen begint. Wie de brief kwijt is, krijgt een vervangende code van een beheerder.", Title: "Voting has opened");

    public static readonly Refusal EligibleNotSet = new("voting_codes.eligible_not_set", Status422UnprocessableEntity,
        "Set the number of eligible voters of this budget first (PUT …/eligible-voters); codes are issued up to that number.",
        "Stel eerst het aantal stemgerechtigden van deze begroting in; er worden hooguit zoveel codes uitgegeven.", Title: "Number of eligible voters not set");

    public static Refusal BeyondEligible(int eligible, int issued) => new("voting_codes.beyond_eligible", Status422UnprocessableEntity,
        $"This budget has {eligible:N0} eligible voters and {issued:N0} codes issued: at most {eligible - issued:N0} more.",
        $"Deze begroting heeft {eligible:N0} stemgerechtigden en {issued:N0} uitgegeven codes: er kunnen er nog hooguit {eligible - issued:N0} bij.",
        Title: "More codes than eligible voters");

    public static readonly Refusal ReplacementAdminOnly = new("voting_codes.admin_only", Status403Forbidden,
        "Only an administrator replaces a voting code.", "Alleen een beheerder vervangt een stemcode.", Title: "Administrators only");

    public static readonly Refusal NoReplacementNow = new("voting_codes.no_replacement", Status409Conflict,
        "Codes are replaced only for a budget that votes with codes, until voting closes.",
        "Een stemcode wordt alleen vervangen bij een begroting met stemcodes, tot het stemmen sluit.", Title: "No replacement now");

    public static Refusal InvalidLetter(int issued) => new("voting_codes.invalid_letter", Status400BadRequest,
        $"Give the letter number (1 to {issued:N0}) from the mail-merge list.",
        $"Geef het briefnummer (1 tot {issued:N0}) uit de lijst voor de brieven.", Field: "letter");

    public static Refusal UnknownLetter(int letter) => new("voting_codes.unknown_letter", Status404NotFound,
        $"No code is issued for letter {letter}.", $"Voor brief {letter} is geen code uitgegeven.", Title: "No code for this letter");

    public static Refusal CodeAlreadyUsed(int letter) => new("voting_codes.already_used", Status409Conflict,
        $"The code of letter {letter} has been used to vote; it is not replaced.",
        $"Met de code van brief {letter} is al gestemd; die wordt niet vervangen.", Title: "Code already used");

    // ImportPaperBallots, ConfirmPaperBallots
    public static readonly Refusal PaperNotCsv = new("paper_ballots.not_csv", Status415UnsupportedMediaType,
        "Send the paper ballots as text/csv (header code,projects[,points]).",
        "Stuur de papieren stembiljetten als text/csv (kopregel code,projects[,points]).", Title: "Paper ballots come as CSV");

    public static readonly Refusal PaperTooLarge = new("paper_ballots.too_large", Status413PayloadTooLarge,
        $"Send at most {ImportPaperBallots.MaxBodyBytes / 1024 / 1024} MiB of paper ballots per file.",
        $"Stuur hooguit {ImportPaperBallots.MaxBodyBytes / 1024 / 1024} MiB aan stembiljetten per bestand.", Title: "File too large");

    public static readonly Refusal PaperHeaderMissing = BadCsv("paper_ballots.header_missing",
        "Send CSV with the header code,projects (and points for a cumulative ballot).",
        "Stuur CSV met de kopregel code,projects (en points bij een puntenverdeling).");

    public static Refusal PaperUnreadable(string reason) => BadCsv("paper_ballots.bad_csv", $"The CSV cannot be read: {reason}", "Het CSV-bestand is niet te lezen.");

    public static readonly Refusal PaperTooManyRows = BadCsv("paper_ballots.too_many_rows",
        $"Send at most {ImportPaperBallots.MaxRows:N0} ballots per file.", $"Stuur hooguit {ImportPaperBallots.MaxRows:N0} stembiljetten per bestand.");

    public static readonly Refusal PaperNotOpen = new("paper_ballots.not_open", Status409Conflict,
        "Paper ballots are entered during voting or counting, for budgets that vote with voting codes.",
        "Papieren stembiljetten worden ingevoerd tijdens het stemmen of tellen, bij begrotingen met stemcodes.", Title: "Not taking paper ballots");

    public static Refusal BatchNotFound(string id, string batchId) => new("paper_ballots.not_found", Status404NotFound,
        $"There is no batch '{batchId}' of paper ballots in budget '{id}'.", $"Er is geen stapel '{batchId}' papieren stembiljetten bij begroting '{id}'.",
        Title: "Batch not found");

    public static readonly Refusal SameOfficial = new("paper_ballots.same_official", Status403Forbidden,
        "You uploaded this batch; another official of the neighbourhood or an administrator confirms it.",
        "U heeft deze stapel ingevoerd; een andere medewerker van de buurt of een beheerder bevestigt hem.", Title: "A second person confirms");

    public static readonly Refusal PaperTooLate = new("paper_ballots.too_late", Status409Conflict,
        "The results were fixed before this batch was counted; its ballots are not in the count.",
        "De uitslag lag al vast voordat deze stapel geteld was; de stembiljetten erin tellen niet mee.", Title: "Counted too late");

    public static readonly Refusal BatchBusy = new("paper_ballots.busy", Status409Conflict,
        "The batch changed while you confirmed it; try again.", "De stapel veranderde terwijl u bevestigde; probeer het opnieuw.", Title: "Changed meanwhile");

    public static Refusal CodesHeldByBatch(string batchId) => new("paper_ballots.codes_in_other_batch", Status409Conflict,
        $"Some codes of this batch were counted by batch '{batchId}', which is still being counted; confirm that batch first, then this one again.",
        $"Enkele codes van deze stapel zijn geteld door stapel '{batchId}', die nog geteld wordt; bevestig eerst die stapel, daarna deze opnieuw.",
        Title: "Waiting for another batch");

    // CastBallot, CheckReceipt
    public static Refusal VotingNotOpened(Budget budget) => new("votes.not_opened", Status409Conflict,
        $"Voting for '{budget.Id}' has not opened yet{(budget.Dates.Voting is { } opens ? $"; it opens {opens:yyyy-MM-dd HH:mm} UTC" : "")}.",
        "Het stemmen is nog niet begonnen.", Title: "Voting has not opened");

    public static Refusal VotingClosed(Budget budget) => new("votes.closed", Status409Conflict,
        $"Voting for '{budget.Id}' has closed; ballots are no longer accepted.", "Het stemmen is gesloten.", Title: "Voting has closed");

    public static readonly Refusal PointsMissing = new("votes.points_missing", Status400BadRequest,
        "Send the points per project, e.g. {\"points\": {\"p1\": 3, \"p2\": 2}}.", "Geef punten aan de plannen die u goed vindt.", Field: "points");

    public static readonly Refusal ProjectsMissing = new("votes.projects_missing", Status400BadRequest,
        "Send the chosen project ids, e.g. {\"projects\": [\"p1\", \"p3\"]}.", "Kies de plannen waarop u wilt stemmen.", Field: "projects");

    public const string RuleBrokenTitle = "The ballot breaks the rule of this budget";

    /// <summary>The ballot rule's own refusal (<c>approval.max_projects</c> …), whose texts the rule writes with its limits.</summary>
    public static Refusal RuleBroken(BallotError error) => new(error.Code, Status400BadRequest, error.English, error.Dutch, Field: "ballot", Title: RuleBrokenTitle);

    public static readonly Refusal CodeMissing = new("votes.code_missing", Status400BadRequest,
        "Give the voting code from your letter (12 letters and digits, e.g. ABCD-EFGH-JK23).",
        "Vul de stemcode uit uw brief in (12 letters en cijfers, bijvoorbeeld ABCD-EFGH-JK23).", Field: "code");

    public static readonly Refusal UnknownCode = new("votes.unknown_code", Status400BadRequest,
        "This voting code is not valid for this budget. Check the letter; codes of another budget do not work here.",
        "Deze stemcode hoort niet bij dit buurtbudget. Controleer uw brief; codes van een ander budget werken hier niet.", Field: "code");

    public static readonly Refusal SignInToVote = new("votes.sign_in", Status401Unauthorized,
        "This budget is for signed-in residents: sign in to vote.", "Voor dit buurtbudget stemt u ingelogd: log eerst in.", Title: "Sign in to vote");

    public static Refusal TooManyForCode(int seconds) => new("votes.too_many_for_code", Status429TooManyRequests,
        $"This voting code was used too often just now; wait {seconds} seconds.",
        $"Met deze stemcode is zojuist te vaak gestemd; wacht {seconds} seconden.", Title: "Too many ballots for this code");

    public static readonly Refusal VotedWithAnotherCode = new("votes.another_code", Status409Conflict,
        "You already voted in this budget with another voting code; each resident votes once. You can change that vote with its code.",
        "U hebt in dit buurtbudget al gestemd met een andere stemcode; iedere inwoner stemt één keer. U kunt die stem wijzigen met die code.",
        Title: "You voted with another code");

    public static readonly Refusal VotedOnPaper = new("votes.on_paper", Status409Conflict,
        "A paper ballot was counted for this voting code; it cannot be changed online.",
        "Met deze stemcode is op papier gestemd; die stem kan niet online worden gewijzigd.", Title: "Voted on paper");

    public static readonly Refusal CodeBoundToAnother = new("votes.bound_to_another", Status403Forbidden,
        "This voting code was first used by a signed-in resident; sign in as them to change the vote.",
        "Deze stemcode is eerst gebruikt door een ingelogde inwoner; alleen die inwoner kan de stem wijzigen na inloggen.", Title: "Code bound to a resident");

    public static readonly Refusal LaterBallotCounts = new("votes.superseded", Status409Conflict,
        "A ballot with this voting code sent after this one is stored already; the later choice counts.",
        "Met deze stemcode is daarna nog een stem uitgebracht; die latere keuze telt.", Title: "A later ballot counts");

    public static readonly Refusal ReceiptNotFound = new("receipts.not_found", Status404NotFound,
        "No ballot with this receipt in this budget.", "Er is in dit buurtbudget geen stem met dit stembewijs.", Title: "Receipt not found");

    // BudgetResults
    public static readonly Refusal NotCounted = new("results.not_counted", Status409Conflict,
        "Results exist once voting has closed.", "De uitslag is er zodra het stemmen gesloten is.", Title: "Not counted yet");

    public static readonly Refusal NotFinished = new("results.not_finished", Status409Conflict,
        "A budget's ballots are exported once its results are published.", "De stemmen van een buurtbudget worden uitgevoerd zodra de uitslag bekend is.",
        Title: "Not finished");

    private static Refusal BadCsv(string code, string english, string dutch) =>
        new(code, Status400BadRequest, english, dutch, Title: "The CSV cannot be used");
}
