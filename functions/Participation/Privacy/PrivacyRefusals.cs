namespace Participation.App.Privacy;

/// <summary>Why a privacy request was refused, in both languages, keyed by a stable code.</summary>
public static class PrivacyRefusals
{
    public static readonly Refusal EmailInvalid = new("privacy.email_invalid", StatusCodes.Status400BadRequest,
        "Give the e-mail address you used.", "Geef het e-mailadres dat u gebruikte.", Field: "email");

    /// <summary>Unknown, expired or already used: the same answer for each, so a link cannot be probed.</summary>
    public static readonly Refusal LinkInvalid = new("privacy.link_invalid", StatusCodes.Status404NotFound,
        "This link is not valid (any more). Ask for a new one.", "Deze link is niet (meer) geldig. Vraag een nieuwe aan.", Title: "Unknown or expired link");
}
