using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Participation.App.Storage;

/// <summary>Storage is healthy when both the table and the queue endpoint answer now, and the layout has been created.</summary>
public sealed class StorageHealthCheck(StorageAccount account, StorageInitializer initializer) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var _ in account.ProbeTables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }

            await foreach (var _ in account.ProbeQueues.GetQueuesAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Storage is not reachable: {exception.GetType().Name}.");
        }

        return !initializer.Ready.IsCompleted
            ? HealthCheckResult.Unhealthy("Storage is reachable; tables and queues are still being created.")
            : HealthCheckResult.Healthy("Storage is reachable.");
    }
}
