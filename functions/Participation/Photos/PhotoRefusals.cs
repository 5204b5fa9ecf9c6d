namespace Participation.Photos;

/// <summary>Why a photo was not taken or not removed: a stable code, the HTTP status, and the text in Dutch and English.</summary>
public sealed record PhotoRefusal(string Code, int Status, string Dutch, string English)
{
    public static readonly PhotoRefusal NotFound = new("photo.initiative_not_found", 404,
        "Er is geen initiatief met deze volgcode.", "No initiative with this tracking code.");
    public static readonly PhotoRefusal PhotoNotFound = new("photo.not_found", 404,
        "Deze foto bestaat niet (meer).", "This photo does not exist (any more).");
    public static readonly PhotoRefusal NoCredentials = new("photo.sign_in_required", 401,
        "Alleen de indiener kan foto's toevoegen: gebruik de link uit uw bevestigingsmail of log in.",
        "Only the submitter can add photos: use the link from your confirmation e-mail or sign in.");
    public static readonly PhotoRefusal NotSubmitter = new("photo.not_submitter", 403,
        "Alleen de indiener van dit initiatief kan er foto's bij zetten.", "Only the submitter of this initiative can add photos to it.");
    public static readonly PhotoRefusal Full = new("photo.limit_reached", 409,
        $"Bij een initiatief passen hoogstens {PhotoStore.MaxPerInitiative} foto's.", $"An initiative has at most {PhotoStore.MaxPerInitiative} photos.");
    public static readonly PhotoRefusal NoFile = new("photo.file_missing", 400,
        "Kies een foto om te uploaden.", "Choose a photo to upload.");
    public static readonly PhotoRefusal NotMultipart = new("photo.not_multipart", 415,
        "Stuur de foto als multipart/form-data met één bestand.", "Send the photo as multipart/form-data with one file.");
    public static readonly PhotoRefusal TooManyFiles = new("photo.one_file", 400,
        "Stuur één foto per keer.", "Send one photo at a time.");

    public static PhotoRefusal From(string processorCode) => processorCode switch
    {
        PhotoProcessor.Codes.TooLarge => new(processorCode, 413,
            $"De foto is groter dan {PhotoProcessor.MaxBytes / 1024 / 1024} MB.", $"The photo is larger than {PhotoProcessor.MaxBytes / 1024 / 1024} MB."),
        PhotoProcessor.Codes.Empty => new(processorCode, 400, "Het bestand is leeg.", "The file is empty."),
        PhotoProcessor.Codes.UnsupportedType => new(processorCode, 400,
            "Dit is geen JPEG-, PNG- of WebP-foto.", "This is not a JPEG, PNG or WebP photo."),
        PhotoProcessor.Codes.TooManyPixels => new(processorCode, 400,
            $"De foto heeft te veel pixels (hoogstens {PhotoProcessor.MaxDimension} px per zijde en {PhotoProcessor.MaxPixels / 1_000_000} megapixel).",
            $"The photo has too many pixels (at most {PhotoProcessor.MaxDimension} px a side and {PhotoProcessor.MaxPixels / 1_000_000} megapixels)."),
        _ => new(PhotoProcessor.Codes.NotDecodable, 400,
            "Deze foto kan niet worden gelezen; het bestand is beschadigd of geen afbeelding.", "This photo cannot be read; the file is damaged or not an image."),
    };

    public IResult ToProblem() => TypedResults.Problem(
        detail: English, statusCode: Status, title: "The photo was not accepted",
        extensions: new Dictionary<string, object?> { ["code"] = Code, ["dutch"] = Dutch });
}
