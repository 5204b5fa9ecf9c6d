namespace Participation.App.Storage;

/// <summary>
/// Creates every table and queue at start. Storage may be down when the app starts: the app keeps running
/// (health says 503) and creation is retried until it succeeds.
/// </summary>
public sealed class StorageInitializer(StorageAccount account, StorageLayout layout, ILogger<StorageInitializer> logger) : BackgroundService
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every table and queue exists.</summary>
    public Task Ready => ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.WhenAll(layout.Tables.Select(t => account.Tables.CreateTableIfNotExistsAsync(t, stoppingToken)));
                await Task.WhenAll(layout.Queues.Select(q => account.Queues.GetQueueClient(q).CreateIfNotExistsAsync(cancellationToken: stoppingToken)));
                logger.StorageReady(layout.Tables.Count, layout.Queues.Count);
                ready.TrySetResult();
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.StorageNotReady(exception, delay.TotalMilliseconds);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5_000));
            }
        }
    }
}

internal static partial class StorageLog
{
    [LoggerMessage(LogLevel.Warning, "Storage is not reachable yet; creating tables and queues again in {DelayMs} ms")]
    public static partial void StorageNotReady(this ILogger logger, Exception exception, double delayMs);

    [LoggerMessage(LogLevel.Information, "Storage ready: {TableCount} tables, {QueueCount} queues")]
    public static partial void StorageReady(this ILogger logger, int tableCount, int queueCount);
}
