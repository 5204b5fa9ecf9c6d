using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.App.Photos;

namespace Participation.App.Web.Officials;

/// <summary>Removing a photo asks once more (a page, so it works without JavaScript); the removal is RemovePhoto, as the API's.</summary>
public sealed class RemovePhotoModel(InitiativeStore initiatives, PhotoStore photos, RemovePhoto removePhoto) : PageModel
{
    public InitiativeCase Initiative { get; private set; } = null!;
    public Photo Photo { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, string id, CancellationToken cancellationToken) =>
        await LoadAsync(code, id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, id, cancellationToken))
        {
            return NotFound();
        }

        return await removePhoto.RemoveAsync(Initiative.TrackingCode, Photo.Id, PlatformUser.From(User)!, cancellationToken) is null
            ? LocalRedirect($"/behandelen/{Initiative.TrackingCode}?gedaan=photo-removed")
            : NotFound();
    }

    private async Task<bool> LoadAsync(string code, string id, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(code, out var parsed, out _)
            || await initiatives.FindAsync(parsed.Value, cancellationToken) is not { } initiative
            || !RemovePhoto.MayRemove(PlatformUser.From(User), initiative)
            || await photos.FindAsync(initiative.TrackingCode, id, cancellationToken) is not { } photo)
        {
            return false;
        }

        (Initiative, Photo) = (initiative, photo);
        return true;
    }
}
