namespace Participation.App.Photos;

/// <summary>Why a photo was not taken or not removed: a stable code, the HTTP status, and the text in English and Dutch.</summary>
public static class PhotoRefusals
{
    private const string Title = "The photo was not accepted";

    public static readonly Refusal NotFound = new("photo.initiative_not_found", StatusCodes.Status404NotFound,
        "No initiative with this tracking code.", "Er is geen initiatief met deze volgcode.", Title: Title);
    public static readonly Refusal PhotoNotFound = new("photo.not_found", StatusCodes.Status404NotFound,
        "This photo does not exist (any more).", "Deze foto bestaat niet (meer).", Title: Title);
    public static readonly Refusal NoCredentials = new("photo.sign_in_required", StatusCodes.Status401Unauthorized,
        "Only the submitter can add photos: use the link from your confirmation e-mail or sign in.",
        "Alleen de indiener kan foto's toevoegen: gebruik de link uit uw bevestigingsmail of log in.", Title: Title);
    public static readonly Refusal NotSubmitter = new("photo.not_submitter", StatusCodes.Status403Forbidden,
        "Only the submitter of this initiative can add photos to it.", "Alleen de indiener van dit initiatief kan er foto's bij zetten.", Title: Title);
    public static readonly Refusal Full = new("photo.limit_reached", StatusCodes.Status409Conflict,
        $"An initiative has at most {PhotoStore.MaxPerInitiative} photos.", $"Bij een initiatief passen hoogstens {PhotoStore.MaxPerInitiative} foto's.", Title: Title);
    public static readonly Refusal NoFile = new("photo.file_missing", StatusCodes.Status400BadRequest,
        "Choose a photo to upload.", "Kies een foto om te uploaden.", Title: Title);
    public static readonly Refusal NotMultipart = new("photo.not_multipart", StatusCodes.Status415UnsupportedMediaType,
        "Send the photo as multipart/form-data with one file.", "Stuur de foto als multipart/form-data met één bestand.", Title: Title);
    public static readonly Refusal TooManyFiles = new("photo.one_file", StatusCodes.Status400BadRequest,
        "Send one photo at a time.", "Stuur één foto per keer.", Title: Title);

    /// <summary>The refusal for a code of <see cref="PhotoProcessor.Codes"/>.</summary>
    public static Refusal From(string processorCode) => processorCode switch
    {
        PhotoProcessor.Codes.TooLarge => new(processorCode, StatusCodes.Status413PayloadTooLarge,
            $"The photo is larger than {PhotoProcessor.MaxBytes / 1024 / 1024} MB.", $"De foto is groter dan {PhotoProcessor.MaxBytes / 1024 / 1024} MB.", Title: Title),
        PhotoProcessor.Codes.Empty => new(processorCode, StatusCodes.Status400BadRequest, "The file is empty.", "Het bestand is leeg.", Title: Title),
        PhotoProcessor.Codes.UnsupportedType => new(processorCode, StatusCodes.Status400BadRequest,
            "This is not a JPEG, PNG or WebP photo.", "Dit is geen JPEG-, PNG- of WebP-foto.", Title: Title),
        PhotoProcessor.Codes.TooManyPixels => new(processorCode, StatusCodes.Status400BadRequest,
            $"The photo has too many pixels (at most {PhotoProcessor.MaxDimension} px a side and {PhotoProcessor.MaxPixels / 1_000_000} megapixels).",
            $"De foto heeft te veel pixels (hoogstens {PhotoProcessor.MaxDimension} px per zijde en {PhotoProcessor.MaxPixels / 1_000_000} megapixel).", Title: Title),
        _ => new(PhotoProcessor.Codes.NotDecodable, StatusCodes.Status400BadRequest,
            "This photo cannot be read; the file is damaged or not an image.", "Deze foto kan niet worden gelezen; het bestand is beschadigd of geen afbeelding.", Title: Title),
    };
}
