using Azure;
using Azure.Data.Tables;

namespace Participation.App.Identity;

/// <summary>
/// Fixed-window counters in Table Storage that every instance of the app shares, so that a limit means the same with one
/// instance or a hundred. One row per policy and actor (PartitionKey the policy, RowKey the actor's digest) holds the
/// current window's start and count; a new window overwrites it, so rows do not pile up per window. The counters use the
/// storage account's impatient clients and fail open: when storage does not answer in time, the per-instance limits still
/// apply and the action goes ahead (a storage hiccup must not lock every resident out).
/// </summary>
public sealed partial class SharedRateCounters(StorageAccount storage, TimeProvider clock, ILogger<SharedRateCounters> logger)
{
    public const string Table = "ratelimitcounters";

    private TableClient Counters => storage.ProbeTables.GetTableClient(Table);

    /// <summary>Counts one action; null when it may go ahead, otherwise how long until the window ends.</summary>
    public async Task<TimeSpan?> TryCountAsync(string policy, string actor, int permits, TimeSpan window, CancellationToken cancellationToken)
    {
        try
        {
            return await OptimisticConcurrency.RetryAsync(attempt => CountOnceAsync(policy, actor, permits, window, attempt), () => (TimeSpan?)null, cancellationToken);
        }
        catch (Exception exception) when (exception is RequestFailedException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(logger, policy, exception.GetType().Name);
            return null;
        }
    }

    private async Task<Attempt<TimeSpan?>> CountOnceAsync(string policy, string actor, int permits, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var windowStart = now.ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds * (long)window.TotalMilliseconds;
        var retryAfter = DateTimeOffset.FromUnixTimeMilliseconds(windowStart) + window - now;
        var stored = await Counters.GetEntityIfExistsAsync<TableEntity>(policy, actor, cancellationToken: cancellationToken);
        try
        {
            if (!stored.HasValue)
            {
                await Counters.AddEntityAsync(Row(policy, actor, windowStart, 1), cancellationToken);
                return Attempt<TimeSpan?>.Done(null);
            }

            var row = stored.Value!;
            var sameWindow = row.GetInt64("WindowStart") == windowStart;
            var count = sameWindow ? row.GetInt32("Count") ?? 0 : 0;
            if (count >= permits)
            {
                return Attempt<TimeSpan?>.Done(retryAfter);
            }

            await Counters.UpdateEntityAsync(Row(policy, actor, windowStart, count + 1), row.ETag, TableUpdateMode.Replace, cancellationToken);
            return Attempt<TimeSpan?>.Done(null);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return Attempt<TimeSpan?>.Conflict;
        }
    }

    private static TableEntity Row(string policy, string actor, long windowStart, int count) =>
        new(policy, actor) { ["WindowStart"] = windowStart, ["Count"] = count };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared rate-limit counter of {Policy} did not answer ({Error}); only this instance's limit applied.")]
    private static partial void LogUnavailable(ILogger logger, string policy, string error);
}
