using Microsoft.AspNetCore.RateLimiting;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.App.Photos;

namespace Participation.App.Web.Residents;

/// <summary>
/// The photo link from the confirmation e-mail (or the signed-in submitter): the initiative's photos and a form without
/// JavaScript to add one (AddPhoto, as the API).
/// </summary>
[EnableRateLimiting(RateLimits.Submissions)]
[RequestSizeLimit(PhotosApi.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PhotosApi.MaxRequestBytes)]
public sealed class PhotosModel(AddPhoto addPhoto, PhotoStore photos, InitiativeStore initiatives, WebLanguage language) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true, Name = "toegevoegd")] public string? Added { get; set; }
    [BindProperty] public IFormFile? Photo { get; set; }
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public IReadOnlyList<Photo> Current { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Refused { get; private set; }
    public bool Full => Current.Count >= PhotoStore.MaxPerInitiative;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        if (Refused is not null)
        {
            return Page();
        }

        Refusal? refusal = null;
        if (Photo is null || Photo.Length == 0)
        {
            refusal = PhotoRefusals.NoFile;
        }
        else if (Photo.Length > PhotoProcessor.MaxBytes)
        {
            refusal = PhotoRefusals.From(PhotoProcessor.Codes.TooLarge);
        }
        else
        {
            var bytes = new byte[Photo.Length];
            await using (var stream = Photo.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, cancellationToken);
            }

            var outcome = await addPhoto.AddAsync(Code, bytes, Key, PlatformUser.From(User), cancellationToken);
            if (outcome.Succeeded)
            {
                var key = string.IsNullOrEmpty(Key) ? "" : $"key={Uri.EscapeDataString(Key)}&";
                return LocalRedirect($"/initiatieven/{Code}/fotos?{key}toegevoegd=1");
            }

            refusal = outcome.Refusals[0];
        }

        Error = refusal is null ? null : language.T(refusal.Dutch, refusal.English);
        Response.StatusCode = refusal?.Status is 413 ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(code, out var parsed, out _) || await initiatives.FindAsync(parsed.Value, cancellationToken) is not { } initiative)
        {
            return false;
        }

        Code = initiative.TrackingCode;
        Title = initiative.Title;
        if (await addPhoto.CheckSubmitterAsync(Code, Key, PlatformUser.From(User), cancellationToken) is { } refusal)
        {
            // The page says how to get in; it shows nothing of the initiative a stranger could not see already.
            Refused = language.T(refusal.Dutch, refusal.English);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return true;
        }

        Current = await photos.ListAsync(Code, cancellationToken);
        return true;
    }
}
