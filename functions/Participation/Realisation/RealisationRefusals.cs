using UseCaseRefusal = Participation.App.UseCases.Refusal;
using Participation.Realisation;

namespace Participation.App.Realisation;

/// <summary>
/// Why a staff action on a realisation item was refused, with the status and title the API answers with: the host's own
/// refusals, and the library's (<see cref="Participation.Realisation.Refusal"/>, which knows only its kind) given theirs.
/// </summary>
public static class RealisationRefusals
{
    public const string ItemNotFoundCode = "realisation.not-found";
    private const string InvalidTitle = "The action cannot be carried out";

    public static UseCaseRefusal ItemNotFound(string id) => new(ItemNotFoundCode, StatusCodes.Status404NotFound,
        $"There is no realisation item '{id}'.", "Dit item bestaat niet.", "id", "Not found");

    public static UseCaseRefusal NotResponsible(string team) => new("realisation.not-responsible", StatusCodes.Status403Forbidden,
        $"Only the responsible team ({team}) and administrators change this item.", $"Alleen het verantwoordelijke team ({team}) en beheerders wijzigen dit item.",
        "team", "Not your team's item");

    public static readonly UseCaseRefusal VersionMissing = new("realisation.version-missing", StatusCodes.Status400BadRequest,
        "Name the version of the item you acted on (the 'version' of GET /api/realisation/{id}, or an If-Match header).",
        "Geef de versie van het item waarop u handelde.", "version", InvalidTitle);

    public static readonly UseCaseRefusal Stale = new("realisation.stale", StatusCodes.Status412PreconditionFailed,
        "Someone else changed this item after you opened it. Here is its current version; check it and act again.",
        "Iemand anders heeft dit item gewijzigd nadat u het opende. Controleer de huidige stand en probeer het opnieuw.", "version", "The item has changed");

    public static UseCaseRefusal Of(Participation.Realisation.Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Invalid => new(refusal.Code, StatusCodes.Status400BadRequest, refusal.English, refusal.Dutch, refusal.Field, InvalidTitle),
        RefusalKind.NotFound => new(refusal.Code, StatusCodes.Status404NotFound, refusal.English, refusal.Dutch, refusal.Field, "Not found"),
        _ => new(refusal.Code, StatusCodes.Status409Conflict, refusal.English, refusal.Dutch, refusal.Field, "Not possible in the current state"),
    };
}
