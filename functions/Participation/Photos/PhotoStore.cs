using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Participation.App.Audit;

namespace Participation.App.Photos;

/// <summary>A stored photo: its id is derived from its bytes, so the URL that serves it never changes meaning.</summary>
public sealed record Photo(string TrackingCode, string Id, string ContentType, int Width, int Height, int ThumbnailWidth, int ThumbnailHeight, DateTimeOffset AddedAt)
{
    public string Url => $"/api/initiatives/{TrackingCode}/photos/{Id}";
    public string ThumbnailUrl => Url + "/thumbnail";
}

/// <summary>
/// Photos of initiatives: the pictures in Blob Storage, what is known about them in a table partition per initiative.
/// A count row in the same partition is changed in the same transaction as a photo row (with its ETag), so two uploads at
/// once can never make a fourth photo, and a removal is written with its audit entry or not at all.
/// </summary>
public sealed class PhotoStore(TableServiceClient tables, BlobContainerClient container, TimeProvider clock)
{
    public const string Table = "InitiativePhotos";
    public const string Container = "initiative-photos";
    public const int MaxPerInitiative = 3;
    private const string CountRow = "count";
    private const string PhotoPrefix = "photo|";

    private readonly TableClient table = tables.GetTableClient(Table);
    private readonly Lazy<Task> containerReady = new(() => container.CreateIfNotExistsAsync(PublicAccessType.None));

    public abstract record AddOutcome;
    public sealed record Added(Photo Photo) : AddOutcome;
    /// <summary>The same picture was added before (a retried upload): it is not counted twice.</summary>
    public sealed record AlreadyThere(Photo Photo) : AddOutcome;
    public sealed record Full : AddOutcome;

    public async Task<IReadOnlyList<Photo>> ListAsync(string trackingCode, CancellationToken cancellationToken)
    {
        var photos = new List<Photo>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {trackingCode} and RowKey ge {PhotoPrefix} and RowKey lt {"photo}"}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            photos.Add(From(entity));
        }

        return photos.OrderBy(p => p.AddedAt).ToList();
    }

    public async Task<Photo?> FindAsync(string trackingCode, string id, CancellationToken cancellationToken)
    {
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(trackingCode, PhotoPrefix + id, cancellationToken: cancellationToken);
        return entity.HasValue ? From(entity.Value!) : null;
    }

    public async Task<AddOutcome> AddAsync(string trackingCode, PhotoProcessor.Processed processed, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(processed.Large.Bytes))[..24];
        if (await FindAsync(trackingCode, id, cancellationToken) is { } existing)
        {
            return new AlreadyThere(existing);
        }

        // Pictures first, the row that makes them visible last: a failure in between leaves an unreferenced blob, never
        // a photo on the page whose picture is missing.
        await containerReady.Value;
        await UploadAsync(BlobName(trackingCode, id, large: true), processed.Large, cancellationToken);
        await UploadAsync(BlobName(trackingCode, id, large: false), processed.Thumbnail, cancellationToken);

        var photo = new Photo(trackingCode, id, processed.Large.ContentType, processed.Large.Width, processed.Large.Height,
            processed.Thumbnail.Width, processed.Thumbnail.Height, clock.GetUtcNow());
        return await OptimisticConcurrency.RetryAsync<AddOutcome>(async ct =>
        {
            var (counter, count) = await CountAsync(trackingCode, ct);
            if (count >= MaxPerInitiative)
            {
                await DeleteBlobsAsync(trackingCode, id, ct);
                return new Full();
            }

            var counted = new TableEntity(trackingCode, CountRow) { ["Count"] = count + 1 };
            try
            {
                await table.SubmitTransactionAsync(
                [
                    counter is not null
                        ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counted, counter.ETag)
                        : new TableTransactionAction(TableTransactionActionType.Add, counted),
                    new TableTransactionAction(TableTransactionActionType.Add, ToEntity(photo)),
                ], ct);
                return new Added(photo);
            }
            catch (TableTransactionFailedException exception) when (AuditTrail.IsConflict(exception))
            {
                return await FindAsync(trackingCode, id, ct) is { } raced ? new AlreadyThere(raced) : Attempt<AddOutcome>.Conflict;
            }
        }, whenBusy: () => throw new InvalidOperationException("The photo count kept changing; giving up after ten attempts."), cancellationToken, attempts: 10);
    }

    /// <summary>The count row of an initiative's photos (null before the first) and the count it holds.</summary>
    private async Task<(TableEntity? Row, int Count)> CountAsync(string trackingCode, CancellationToken cancellationToken)
    {
        var counter = await table.GetEntityIfExistsAsync<TableEntity>(trackingCode, CountRow, cancellationToken: cancellationToken);
        return counter.HasValue ? (counter.Value!, counter.Value!.GetInt32("Count") ?? 0) : (null, 0);
    }

    /// <summary>An official removes a photo; the removal and its audit entry are one transaction. False when it was not there.</summary>
    public async Task<bool> RemoveAsync(string trackingCode, string id, PlatformUser official, CancellationToken cancellationToken)
    {
        return await OptimisticConcurrency.RetryAsync<bool>(async ct =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(trackingCode, PhotoPrefix + id, cancellationToken: ct);
            if (!row.HasValue)
            {
                return false;
            }

            var (counter, count) = await CountAsync(trackingCode, ct);
            List<TableTransactionAction> actions =
            [
                new(TableTransactionActionType.Delete, row.Value!, row.Value!.ETag),
                AuditTrail.Append(trackingCode, official, "photo.removed", $"initiative/{trackingCode}/photos/{id}",
                    $"photo {id} ({row.Value!.GetString("ContentType")})", null, clock.GetUtcNow()),
            ];
            if (counter is not null)
            {
                actions.Add(new(TableTransactionActionType.UpdateReplace,
                    new TableEntity(trackingCode, CountRow) { ["Count"] = Math.Max(0, count - 1) }, counter.ETag));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, ct);
            }
            catch (TableTransactionFailedException exception) when (AuditTrail.IsConflict(exception))
            {
                return Attempt<bool>.Conflict;
            }

            await DeleteBlobsAsync(trackingCode, id, ct);
            return true;
        }, whenBusy: () => throw new InvalidOperationException("The photos kept changing; giving up after ten attempts."), cancellationToken, attempts: 10);
    }

    /// <summary>Erases every photo of an initiative (privacy): the pictures and their rows, keeping the audit trail. Returns how many.</summary>
    public async Task<int> EraseAsync(string trackingCode, CancellationToken cancellationToken)
    {
        var photos = await ListAsync(trackingCode, cancellationToken);
        foreach (var photo in photos)
        {
            await table.DeleteEntityAsync(trackingCode, PhotoPrefix + photo.Id, ETag.All, cancellationToken);
            await DeleteBlobsAsync(trackingCode, photo.Id, cancellationToken);
        }

        if (photos.Count > 0 || (await table.GetEntityIfExistsAsync<TableEntity>(trackingCode, CountRow, cancellationToken: cancellationToken)).HasValue)
        {
            await table.UpsertEntityAsync(new TableEntity(trackingCode, CountRow) { ["Count"] = 0 }, TableUpdateMode.Replace, cancellationToken);
        }

        return photos.Count;
    }

    public async Task<(Stream Content, long Length)?> OpenAsync(Photo photo, bool large, CancellationToken cancellationToken)
    {
        try
        {
            var download = await container.GetBlobClient(BlobName(photo.TrackingCode, photo.Id, large)).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return (download.Value.Content, download.Value.Details.ContentLength);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The names of the stored pictures of an initiative (what a privacy erasure must leave empty).</summary>
    public async Task<IReadOnlyList<string>> BlobNamesAsync(string trackingCode, CancellationToken cancellationToken)
    {
        await containerReady.Value;
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = trackingCode + "/" }, cancellationToken))
        {
            names.Add(item.Name);
        }

        return names;
    }

    private async Task UploadAsync(string name, PhotoProcessor.Picture picture, CancellationToken cancellationToken) =>
        await container.GetBlobClient(name).UploadAsync(new BinaryData(picture.Bytes),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = picture.ContentType } }, cancellationToken);

    private async Task DeleteBlobsAsync(string trackingCode, string id, CancellationToken cancellationToken)
    {
        await containerReady.Value;
        await container.GetBlobClient(BlobName(trackingCode, id, large: true)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        await container.GetBlobClient(BlobName(trackingCode, id, large: false)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    private static string BlobName(string trackingCode, string id, bool large) => $"{trackingCode}/{id}/{(large ? "large" : "thumbnail")}";

    private static TableEntity ToEntity(Photo photo) => new(photo.TrackingCode, PhotoPrefix + photo.Id)
    {
        ["ContentType"] = photo.ContentType,
        ["Width"] = photo.Width,
        ["Height"] = photo.Height,
        ["ThumbnailWidth"] = photo.ThumbnailWidth,
        ["ThumbnailHeight"] = photo.ThumbnailHeight,
        ["AddedAt"] = photo.AddedAt,
    };

    private static Photo From(TableEntity entity) => new(
        entity.PartitionKey, entity.RowKey[PhotoPrefix.Length..], entity.GetString("ContentType") ?? "image/jpeg",
        entity.GetInt32("Width") ?? 0, entity.GetInt32("Height") ?? 0, entity.GetInt32("ThumbnailWidth") ?? 0, entity.GetInt32("ThumbnailHeight") ?? 0,
        entity.GetDateTimeOffset("AddedAt") ?? default);
}
