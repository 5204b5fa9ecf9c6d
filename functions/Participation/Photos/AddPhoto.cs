using System.Security.Cryptography;
using System.Text;
using Participation.Initiatives;
using Participation.App.Initiatives;

namespace Participation.App.Photos;

/// <summary>
/// The submitter adds a photo to their initiative. They prove to be the submitter with the photo key from the
/// confirmation e-mail, or by being the signed-in resident who submitted it; the tracking code alone is public and proves
/// nothing. The picture is re-encoded (<see cref="PhotoProcessor"/>) before anything is stored.
/// </summary>
public sealed class AddPhoto(InitiativeStore initiatives, PhotoStore photos, PhotoProcessor processor, Pseudonyms pseudonyms, ILogger<AddPhoto> logger)
{
    /// <summary>The photo as stored; <paramref name="New"/> is false for a retried upload of the same picture.</summary>
    public sealed record Added(Photo Photo, bool New);

    /// <summary>The secret in the confirmation e-mail's photo link: keyed by the platform's pepper, so it cannot be derived from the code.</summary>
    public static string KeyFor(Pseudonyms pseudonyms, string trackingCode) => pseudonyms.For("photos", trackingCode)[..32];

    /// <summary>Whether these credentials belong to the submitter of an existing initiative; null when there is no such initiative.</summary>
    public async Task<Refusal?> CheckSubmitterAsync(string trackingCode, string? key, PlatformUser? user, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _) || await initiatives.FindAsync(code.Value, cancellationToken) is not { } initiative)
        {
            return PhotoRefusals.NotFound;
        }

        var hasKey = !string.IsNullOrEmpty(key);
        var resident = user is not null && user.IsIn(Roles.Resident);
        if (!hasKey && !resident)
        {
            return PhotoRefusals.NoCredentials;
        }

        var keyMatches = hasKey && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key!), Encoding.ASCII.GetBytes(KeyFor(pseudonyms, initiative.TrackingCode)));
        var residentMatches = resident && initiative.SubmitterId == "resident-" + pseudonyms.For("submitter", user!.Id);
        return keyMatches || residentMatches ? null : PhotoRefusals.NotSubmitter;
    }

    public async Task<Outcome<Added>> AddAsync(string trackingCode, ReadOnlyMemory<byte> upload, string? key, PlatformUser? user, CancellationToken cancellationToken)
    {
        if (await CheckSubmitterAsync(trackingCode, key, user, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var code = TrackingCode.Parse(trackingCode).Value;
        // Checked before the work of decoding, and again by the store's transaction, which is what makes the limit hold.
        if ((await photos.ListAsync(code, cancellationToken)).Count >= PhotoStore.MaxPerInitiative)
        {
            return PhotoRefusals.Full;
        }

        switch (processor.Process(upload.Span))
        {
            case PhotoProcessor.Refused refused:
                logger.PhotoRefused(code, refused.Code, upload.Length);
                return PhotoRefusals.From(refused.Code);
            case PhotoProcessor.Processed processed:
                switch (await photos.AddAsync(code, processed, cancellationToken))
                {
                    case PhotoStore.Added added:
                        logger.PhotoAdded(code, added.Photo.Id, added.Photo.Width, added.Photo.Height);
                        return new Added(added.Photo, New: true);
                    case PhotoStore.AlreadyThere there:
                        return new Added(there.Photo, New: false);
                    default:
                        return PhotoRefusals.Full;
                }
            default:
                throw new InvalidOperationException("Unknown outcome of the photo processor.");
        }
    }
}

internal static partial class PhotosLog
{
    [LoggerMessage(LogLevel.Information, "Photo {PhotoId} ({Width}×{Height}) added to initiative {TrackingCode}")]
    public static partial void PhotoAdded(this ILogger logger, string trackingCode, string photoId, int width, int height);

    [LoggerMessage(LogLevel.Information, "Photo for initiative {TrackingCode} refused: {Code} ({Bytes} bytes)")]
    public static partial void PhotoRefused(this ILogger logger, string trackingCode, string code, int bytes);

    [LoggerMessage(LogLevel.Information, "Photo {PhotoId} of initiative {TrackingCode} removed by {OfficialId}")]
    public static partial void PhotoRemoved(this ILogger logger, string trackingCode, string photoId, string officialId);
}
