using Azure.Identity;
using Azure.Storage.Blobs;
using Participation.App.Audit;

namespace Participation.App.Photos;

public static class PhotosModule
{
    /// <summary>
    /// Photos of initiatives: re-encoded pictures in Blob Storage of the same storage account as the tables and queues
    /// (the <c>AzureWebJobsStorage</c> connection string's BlobEndpoint locally, the managed identity in Azure).
    /// </summary>
    public static WebApplicationBuilder AddPhotos(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddTable(PhotoStore.Table);
        services.AddAuditedTable(PhotoStore.Table);
        services.AddSingleton(provider => PhotoContainer(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<PhotoStore>();
        services.AddSingleton<PhotoProcessor>();
        services.AddSingleton<AddPhoto>();
        services.AddSingleton<RemovePhoto>();
        services.AddSingleton<Privacy.IInitiativeContent, PhotoErasure>();
        services.AddSingleton<Notifications.INotificationContent, PhotoLink>();
        return builder;
    }

    private static BlobContainerClient PhotoContainer(IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageModule.ConnectionSetting);
        var connectionString = section.Value;
        var accountName = section["accountName"];
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        if (string.IsNullOrWhiteSpace(connectionString) && !string.IsNullOrWhiteSpace(accountName))
        {
            var blobUri = new Uri(section["blobServiceUri"] ?? $"https://{accountName}.blob.core.windows.net");
            return new BlobServiceClient(blobUri, new DefaultAzureCredential(), options).GetBlobContainerClient(PhotoStore.Container);
        }

        connectionString = string.IsNullOrWhiteSpace(connectionString) ? "UseDevelopmentStorage=true" : connectionString;
        return new BlobServiceClient(connectionString, options).GetBlobContainerClient(PhotoStore.Container);
    }
}

/// <summary>A resident's privacy erasure reaches the photos of the initiatives they submitted.</summary>
public sealed class PhotoErasure(PhotoStore photos) : Privacy.IInitiativeContent
{
    public Task<int> EraseAsync(string subject, CancellationToken cancellationToken) =>
        Participation.Municipality.Tracking.TrackingCode.TryParse(subject, out var code, out _) ? photos.EraseAsync(code.Value, cancellationToken) : Task.FromResult(0);
}

/// <summary>
/// The confirmation e-mail's personal photo link, filled in at the moment of sending: the key is derived from the
/// platform's secret, so it never travels in a queue message or lands in a poison queue.
/// </summary>
public sealed class PhotoLink(Identity.Pseudonyms pseudonyms, Microsoft.Extensions.Options.IOptions<Notifications.PlatformOptions> platform) : Notifications.INotificationContent
{
    public Task AddAsync(Notifications.NotificationRequested message, IDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (message.Template == "initiative-received" && values.TryGetValue("trackingCode", out var code))
        {
            values["photosUrl"] = Url(platform.Value, code, AddPhoto.KeyFor(pseudonyms, code));
        }

        return Task.CompletedTask;
    }

    public static string Url(Notifications.PlatformOptions platform, string trackingCode, string key) =>
        $"{platform.PublicBaseUrl.TrimEnd('/')}/initiatieven/{trackingCode}/fotos?key={key}";
}
