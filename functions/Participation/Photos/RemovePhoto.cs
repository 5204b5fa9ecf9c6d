using Participation.Initiatives;
using Participation.App.Initiatives;

namespace Participation.App.Photos;

/// <summary>
/// An official of the initiative's neighbourhood or team removes a photo (it shows a face, a number plate, something that
/// does not belong there). The removal is audited in the same transaction; outside their scope the case does not exist.
/// </summary>
public sealed class RemovePhoto(InitiativeStore initiatives, PhotoStore photos, ILogger<RemovePhoto> logger)
{
    public static bool MayRemove(PlatformUser? user, InitiativeCase initiative) => MayRemove(user, initiative.Neighbourhood, initiative.TeamCode);

    public static bool MayRemove(PlatformUser? user, string neighbourhood, string? team) =>
        user is not null && (user.IsIn(Roles.Official) || user.IsIn(Roles.TeamLead)) && CaseScope.CanSee(user, neighbourhood, team);

    /// <summary>Null when removed; otherwise why not.</summary>
    public async Task<Refusal?> RemoveAsync(string trackingCode, string id, PlatformUser official, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _)
            || await initiatives.FindAsync(code.Value, cancellationToken) is not { } initiative
            || !MayRemove(official, initiative))
        {
            return PhotoRefusals.NotFound;
        }

        if (!await photos.RemoveAsync(initiative.TrackingCode, id, official, cancellationToken))
        {
            return PhotoRefusals.PhotoNotFound;
        }

        logger.PhotoRemoved(initiative.TrackingCode, id, official.Id);
        return null;
    }
}
