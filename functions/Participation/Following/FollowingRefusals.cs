namespace Participation.App.Following;

/// <summary>Why following an initiative was refused: a stable code, the HTTP status, and the text in English and Dutch.</summary>
public static class FollowingRefusals
{
    public static readonly Refusal EmailInvalid = new("follow.email_invalid", StatusCodes.Status400BadRequest,
        "Give a valid e-mail address to follow this initiative.", "Vul een geldig e-mailadres in om dit initiatief te volgen.", Field: "email");

    public static readonly Refusal LinkInvalid = new("follow.link_invalid", StatusCodes.Status400BadRequest,
        "This confirmation link is not valid (any more). Ask for a new one.", "Deze bevestigingslink werkt niet (meer). Vraag een nieuwe aan.", Field: "token");

    public static readonly Refusal NoVerifiedEmail = new("follow.no_verified_email", StatusCodes.Status409Conflict,
        "Your sign-in does not provide a verified e-mail address. Follow with your e-mail address instead.",
        "Uw inlogmiddel geeft geen bevestigd e-mailadres door. Volg het initiatief met uw e-mailadres.", Title: "No e-mail address");

    public static Refusal UnknownInitiative(string trackingCode) => new("follow.unknown_initiative", StatusCodes.Status404NotFound,
        $"There is no initiative with code {trackingCode}.", $"Er is geen initiatief met code {trackingCode}.", Title: "Unknown initiative");
}
