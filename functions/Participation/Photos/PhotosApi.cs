using Microsoft.AspNetCore.Http.Features;
using Participation.Initiatives;
using Participation.App.Initiatives;

namespace Participation.App.Photos;

public static class PhotosApi
{
    /// <summary>A 5 MB photo plus the multipart envelope and a key field; the API's usual 64 KiB would refuse every photo.</summary>
    public const long MaxRequestBytes = PhotoProcessor.MaxBytes + 64 * 1024;

    public sealed record Response(string Id, string Url, string ThumbnailUrl);

    public static WebApplication MapPhotosApi(this WebApplication app)
    {
        var photos = app.MapGroup("/api/initiatives/{trackingCode}/photos").WithTags("Photos").DisableAntiforgery();
        photos.MapPost("/", UploadAsync).WithName("AddPhoto")
            .WithSummary("The submitter adds a photo (multipart, one JPEG/PNG/WebP ≤ 5 MB; key from the confirmation e-mail, or signed in)")
            .AllowAnonymous().RequireRateLimiting(RateLimits.Submissions);
        photos.MapGet("/", ListAsync).WithName("ListPhotos").WithSummary("The photos of an initiative").AllowAnonymous();
        photos.MapGet("/{id}", (string trackingCode, string id, HttpContext http, InitiativeStore initiatives, PhotoStore store, CancellationToken ct) =>
                ServeAsync(trackingCode, id, large: true, http, initiatives, store, ct))
            .WithName("ShowPhoto").WithSummary("A photo, at most 1600 px, without metadata").AllowAnonymous();
        photos.MapGet("/{id}/thumbnail", (string trackingCode, string id, HttpContext http, InitiativeStore initiatives, PhotoStore store, CancellationToken ct) =>
                ServeAsync(trackingCode, id, large: false, http, initiatives, store, ct))
            .WithName("ShowPhotoThumbnail").WithSummary("A photo's thumbnail, at most 400 px").AllowAnonymous();
        photos.MapDelete("/{id}", DeleteAsync).WithName("RemovePhoto")
            .WithSummary("An official of the neighbourhood removes a photo (audited)").RequireAuthorization(Policies.Official);
        return app;
    }

    public static async Task<IResult> UploadAsync(string trackingCode, HttpRequest request, AddPhoto addPhoto, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBytes;
        }

        var user = PlatformUser.From(request.HttpContext.User);
        var queryKey = request.Query["key"].ToString();
        // An unknown initiative is refused before the body is read; the key may still come in the form.
        if (string.IsNullOrEmpty(queryKey) && await addPhoto.CheckSubmitterAsync(trackingCode, null, user, cancellationToken) is { Status: StatusCodes.Status404NotFound } early)
        {
            return OutcomeResults.Problem(early);
        }

        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return OutcomeResults.Problem(PhotoRefusals.NotMultipart);
        }

        var (upload, key, refusal) = await ReadUploadAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return OutcomeResults.Problem(refusal);
        }

        var outcome = await addPhoto.AddAsync(trackingCode, upload, string.IsNullOrEmpty(queryKey) ? key : queryKey, user, cancellationToken);
        return outcome.Value switch
        {
            { New: true } added => TypedResults.Created(added.Photo.Url, ToResponse(added.Photo)),
            { } again => TypedResults.Ok(ToResponse(again.Photo)),
            null => OutcomeResults.Problem(outcome.Refusals[0]),
        };
    }

    /// <summary>The one file of a multipart upload, read into memory only once it is known to fit.</summary>
    public static async Task<(byte[] Upload, string? Key, Refusal? Refusal)> ReadUploadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxRequestBytes, ValueCountLimit = 16 }, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException || exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return ([], null, PhotoRefusals.From(PhotoProcessor.Codes.TooLarge));
        }

        var key = form["key"].ToString();
        if (form.Files.Count > 1)
        {
            return ([], key, PhotoRefusals.TooManyFiles);
        }

        if (form.Files.Count == 0 || form.Files[0].Length == 0)
        {
            return ([], key, form.Files.Count == 0 ? PhotoRefusals.NoFile : PhotoRefusals.From(PhotoProcessor.Codes.Empty));
        }

        var file = form.Files[0];
        if (file.Length > PhotoProcessor.MaxBytes)
        {
            return ([], key, PhotoRefusals.From(PhotoProcessor.Codes.TooLarge));
        }

        var bytes = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        return (bytes, key, null);
    }

    public static async Task<IResult> ListAsync(string trackingCode, InitiativeStore initiatives, PhotoStore store, CancellationToken cancellationToken)
    {
        if (await PublicInitiativeAsync(trackingCode, initiatives, cancellationToken) is not { } initiative)
        {
            return OutcomeResults.Problem(PhotoRefusals.NotFound);
        }

        return TypedResults.Ok((await store.ListAsync(initiative.TrackingCode, cancellationToken)).Select(ToResponse).ToList());
    }

    public static async Task<IResult> ServeAsync(
        string trackingCode, string id, bool large, HttpContext http, InitiativeStore initiatives, PhotoStore store, CancellationToken cancellationToken)
    {
        if (await PublicInitiativeAsync(trackingCode, initiatives, cancellationToken) is not { } initiative
            || await store.FindAsync(initiative.TrackingCode, id, cancellationToken) is not { } photo)
        {
            return OutcomeResults.Problem(PhotoRefusals.PhotoNotFound);
        }

        var etag = $"\"{photo.Id}{(large ? "" : "-t")}\"";
        var headers = http.Response.Headers;
        // The id is a hash of the picture's bytes: what this URL serves can never change, so caches may keep it for a year.
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.ETag = etag;
        headers.XContentTypeOptions = "nosniff";
        if (http.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (await store.OpenAsync(photo, large, cancellationToken) is not { } opened)
        {
            return OutcomeResults.Problem(PhotoRefusals.PhotoNotFound);
        }

        http.Response.ContentLength = opened.Length;
        return TypedResults.Stream(opened.Content, photo.ContentType);
    }

    public static async Task<IResult> DeleteAsync(string trackingCode, string id, HttpContext http, RemovePhoto removePhoto, CancellationToken cancellationToken) =>
        await removePhoto.RemoveAsync(trackingCode, id, PlatformUser.From(http.User)!, cancellationToken) is { } refusal
            ? OutcomeResults.Problem(refusal)
            : TypedResults.NoContent();

    /// <summary>
    /// Photos are public where the initiative is: today anyone with its tracking code sees every initiative (as
    /// <see cref="TrackInitiative"/> shows it), so an existing initiative's photos are served to anyone.
    /// </summary>
    public static async Task<InitiativeCase?> PublicInitiativeAsync(string trackingCode, InitiativeStore initiatives, CancellationToken cancellationToken) =>
        TrackingCode.TryParse(trackingCode, out var code, out _) ? await initiatives.FindAsync(code.Value, cancellationToken) : null;

    private static Response ToResponse(Photo photo) => new(photo.Id, photo.Url, photo.ThumbnailUrl);
}
