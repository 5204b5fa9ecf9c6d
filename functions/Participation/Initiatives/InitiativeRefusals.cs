namespace Participation.App.Initiatives;

/// <summary>
/// Why a resident's request about an initiative is refused — submitting, supporting, answering a question, looking one
/// up — with a stable code and the text in English (the API's) and Dutch (the site's).
/// </summary>
public static class InitiativeRefusals
{
    /// <summary>The title of the submission's validation problem.</summary>
    public const string SubmissionTitle = "The initiative cannot be submitted yet";

    public static readonly Refusal NotFound = new("initiative.not_found", StatusCodes.Status404NotFound,
        "Check the code in your confirmation e-mail; it looks like K7QXM2PD9RB.",
        "Controleer de code in uw bevestigingsmail; die ziet eruit als K7QXM2PD9RB.",
        Title: "No initiative with this tracking code");

    public static readonly Refusal TitleMissing = Invalid("initiative.title_missing", "title",
        "Give your initiative a title.", "Geef uw initiatief een titel.");

    public static readonly Refusal TitleTooLong = Invalid("initiative.title_too_long", "title",
        $"The title may be at most {SubmitInitiative.MaxTitle} characters.", $"De titel mag hoogstens {SubmitInitiative.MaxTitle} tekens lang zijn.");

    public static readonly Refusal DescriptionMissing = Invalid("initiative.description_missing", "description",
        "Describe your initiative.", "Beschrijf uw initiatief.");

    public static readonly Refusal DescriptionTooLong = Invalid("initiative.description_too_long", "description",
        $"The description may be at most {SubmitInitiative.MaxDescription} characters.",
        $"De beschrijving mag hoogstens {SubmitInitiative.MaxDescription} tekens lang zijn.");

    public static readonly Refusal NeighbourhoodMissing = Invalid("initiative.neighbourhood_missing", "neighbourhood",
        "Choose the neighbourhood of your initiative.", "Kies de buurt van uw initiatief.");

    /// <summary>{0}: the neighbourhood as given.</summary>
    public static readonly Refusal NeighbourhoodUnknown = Invalid("initiative.neighbourhood_unknown", "neighbourhood",
        "'{0}' is not a known neighbourhood; see /api/neighbourhoods.", "'{0}' is geen bekende buurt; kies een buurt uit de lijst.");

    /// <summary>{0}: the theme as given.</summary>
    public static readonly Refusal ThemeUnknown = Invalid("initiative.theme_unknown", "theme",
        "'{0}' is not a known theme; see /api/themes.", "'{0}' is geen bekend thema; kies een thema uit de lijst.");

    public static readonly Refusal EmailInvalid = Invalid("initiative.email_invalid", "email",
        "This is not a valid e-mail address.", "Dit is geen geldig e-mailadres.");

    public static readonly Refusal LocaleUnknown = Invalid("initiative.locale_unknown", "locale",
        "The language must be nl or en.", "De taal moet nl of en zijn.");

    public static readonly Refusal AddressLength = Invalid("location.address_length", "location",
        "An address must be 1 to 200 characters.", "Een adres is 1 tot 200 tekens lang.");

    public static readonly Refusal PointOutOfRange = Invalid("location.point_out_of_range", "location",
        "lat must be -90..90 and lon -180..180.", "De breedtegraad ligt tussen -90 en 90, de lengtegraad tussen -180 en 180.");

    public static readonly Refusal LocationShape = Invalid("location.shape", "location",
        "The location is an address text or {\"lat\": .., \"lon\": .., \"address\"?: ..}.",
        "Een locatie is een adres, of een punt met breedte- en lengtegraad (en eventueel een adres).");

    public static readonly Refusal OutsideMunicipality = Invalid(SubmitInitiative.OutsideMunicipalityCode, "location",
        "The point lies outside the municipality. Choose a point within it, or give no point.",
        "Het punt ligt buiten de gemeente. Kies een punt binnen de gemeente, of geef geen punt op.");

    /// <summary>{0}: the chosen neighbourhood's name. <see cref="OutsideNeighbourhoodIn"/> says where the point does lie.</summary>
    public static readonly Refusal OutsideNeighbourhood = Invalid(SubmitInitiative.OutsideNeighbourhoodCode, "location",
        "The point is not in {0}. Choose a point in {0}.", "Het punt ligt niet in {0}. Kies een punt in {0}.");

    /// <summary>
    /// The same refusal as <see cref="OutsideNeighbourhood"/> (one code), worded for a point in another neighbourhood:
    /// {0} the chosen neighbourhood's name, {1} the name of the one the point lies in.
    /// </summary>
    public static Refusal OutsideNeighbourhoodIn(string chosen, string actual) => OutsideNeighbourhood with
    {
        English = $"The point is not in {chosen}. It lies in {actual}: choose that neighbourhood or another point.",
        Dutch = $"Het punt ligt niet in {chosen}. Het ligt in {actual}: kies die buurt of een ander punt.",
    };

    public static readonly Refusal IdempotencyKeyReused = new(SubmitInitiative.KeyReusedCode, StatusCodes.Status422UnprocessableEntity,
        "This Idempotency-Key was used for a different request. Use a new key for a new initiative.",
        "Deze Idempotency-Key is gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel voor een nieuw initiatief.",
        Title: "Idempotency-Key reused");

    public static readonly Refusal AlreadySupported = new("support.already_counted", StatusCodes.Status409Conflict,
        "You already support this initiative; each resident counts once.", "U steunt dit initiatief al. Iedereen telt één keer.",
        Title: "Already supported");

    /// <summary>{0}: the initiative's status (wire name).</summary>
    public static readonly Refusal SupportClosed = new("support.initiative_closed", StatusCodes.Status409Conflict,
        "This initiative is {0} and takes no more support.", "Dit initiatief is afgerond en kan niet meer gesteund worden.",
        Title: "Closed");

    public static readonly Refusal SupportEmailInvalid = Invalid("support.email_invalid", "email",
        "Give a valid e-mail address to confirm your support.", "Geef een geldig e-mailadres om uw steun te bevestigen.");

    public static readonly Refusal SupportLinkInvalid = Invalid("support.link_invalid", "token",
        "This confirmation link is not valid (any more). Ask for a new one.",
        "Deze link werkt niet (meer). Misschien is uw steun al geteld, of is de link verlopen.");

    public static readonly Refusal ReplyMissing = Invalid("reply.message_invalid", "message",
        $"Write your answer (at most {SubmitInitiative.MaxDescription} characters).",
        $"Schrijf uw antwoord (hoogstens {SubmitInitiative.MaxDescription} tekens).");

    public static readonly Refusal NoQuestionWaiting = new("reply.no_question", StatusCodes.Status409Conflict,
        "No question is waiting for an answer.", "Er wacht geen vraag op antwoord.", Title: "No question is waiting for an answer");

    public static readonly Refusal ReplyChangedMeanwhile = new("reply.changed_meanwhile", StatusCodes.Status409Conflict,
        "The initiative changed while you answered; please try again.", "Het initiatief is gewijzigd terwijl u antwoordde; probeer het opnieuw.",
        Title: "Changed meanwhile");

    /// <summary>{0}: the statuses there are.</summary>
    public static readonly Refusal ListStatusUnknown = Invalid("list.status_unknown", "status",
        "Unknown status; one of: {0}.", "Onbekende status; kies uit: {0}.");

    public static readonly Refusal ListPageSize = Invalid("list.page_size", "pageSize",
        "A page holds 1 to 100 initiatives.", "Een pagina telt 1 tot 100 initiatieven.");

    private static Refusal Invalid(string code, string field, string english, string dutch) =>
        new(code, StatusCodes.Status400BadRequest, english, dutch, field);
}
