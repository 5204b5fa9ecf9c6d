using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;

namespace Participation.App.Storage;

/// <summary>
/// Tables and queues in one storage account, named by the <c>AzureWebJobsStorage</c> setting exactly as the Functions
/// host names it: a connection string (Azurite, <c>UseDevelopmentStorage=true</c> by default) or, in Azure,
/// <c>AzureWebJobsStorage__accountName</c> with the app's managed identity.
/// </summary>
public static class StorageModule
{
    public const string ConnectionSetting = "AzureWebJobsStorage";

    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(provider => StorageAccount.From(provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<IOptions<QueuesOptions>>().Value));
        services.AddSingleton(provider => provider.GetRequiredService<StorageAccount>().Tables);
        services.AddSingleton(provider => provider.GetRequiredService<StorageAccount>().Queues);
        services.AddSingleton<QueueSender>();
        services.AddSingleton<StorageLayout>();
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(provider => provider.GetRequiredService<StorageInitializer>());
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return builder;
    }

    /// <summary>Declares a table a feature needs; it is created at start. Declaring it again (two modules use it) is harmless.</summary>
    public static IServiceCollection AddTable(this IServiceCollection services, string table)
    {
        TableNames.Validate(table);
        services.AddSingleton(new DeclaredTable(table));
        return services;
    }

    /// <summary>Declares a queue something reads or writes; it is created at start. Declaring it again is harmless.</summary>
    public static IServiceCollection AddQueue(this IServiceCollection services, string queue)
    {
        services.AddSingleton(new DeclaredQueue(queue));
        return services;
    }
}

public sealed record DeclaredTable(string Name);

public sealed record DeclaredQueue(string Name);

/// <summary>The clients of one storage account: normal ones, and impatient ones for the health probe.</summary>
public sealed class StorageAccount(TableServiceClient tables, QueueServiceClient queues, TableServiceClient probeTables, QueueServiceClient probeQueues)
{
    public TableServiceClient Tables { get; } = tables;
    public QueueServiceClient Queues { get; } = queues;
    public TableServiceClient ProbeTables { get; } = probeTables;
    public QueueServiceClient ProbeQueues { get; } = probeQueues;

    public static StorageAccount From(IConfiguration configuration, QueuesOptions queueOptions)
    {
        var section = configuration.GetSection(StorageModule.ConnectionSetting);
        var connectionString = section.Value;
        var accountName = section["accountName"];
        var encoding = string.Equals(queueOptions.MessageEncoding, "none", StringComparison.OrdinalIgnoreCase)
            ? QueueMessageEncoding.None
            : QueueMessageEncoding.Base64;

        if (string.IsNullOrWhiteSpace(connectionString) && !string.IsNullOrWhiteSpace(accountName))
        {
            var credential = new DefaultAzureCredential();
            var tableUri = new Uri(section["tableServiceUri"] ?? $"https://{accountName}.table.core.windows.net");
            var queueUri = new Uri(section["queueServiceUri"] ?? $"https://{accountName}.queue.core.windows.net");
            return new StorageAccount(
                new TableServiceClient(tableUri, credential, Patient(new TableClientOptions())),
                new QueueServiceClient(queueUri, credential, Patient(new QueueClientOptions { MessageEncoding = encoding })),
                new TableServiceClient(tableUri, credential, Impatient(new TableClientOptions())),
                new QueueServiceClient(queueUri, credential, Impatient(new QueueClientOptions { MessageEncoding = encoding })));
        }

        connectionString = string.IsNullOrWhiteSpace(connectionString) ? "UseDevelopmentStorage=true" : connectionString;
        return new StorageAccount(
            new TableServiceClient(connectionString, Patient(new TableClientOptions())),
            new QueueServiceClient(connectionString, Patient(new QueueClientOptions { MessageEncoding = encoding })),
            new TableServiceClient(connectionString, Impatient(new TableClientOptions())),
            new QueueServiceClient(connectionString, Impatient(new QueueClientOptions { MessageEncoding = encoding })));
    }

    private static T Patient<T>(T options) where T : ClientOptions
    {
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    // The health probe must answer within seconds when storage is down, not after the SDK's retries.
    private static T Impatient<T>(T options) where T : ClientOptions
    {
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(3);
        return options;
    }
}
