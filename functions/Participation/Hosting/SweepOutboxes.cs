namespace Participation.App.Hosting;

/// <summary>
/// Timer function, every outbox's sweep: carries out side effects whose dispatch right after the change failed (storage or
/// a queue was away, the instance stopped). Often enough that residents get their e-mail within a minute of storage returning.
/// </summary>
public sealed class SweepOutboxes(IEnumerable<Outbox> outboxes, TimeProvider clock, ILogger<SweepOutboxes> logger) : ITimerFunction
{
    // Younger rows are probably being dispatched right now by the request that wrote them.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public static TimerTrigger Trigger { get; } = new(nameof(SweepOutboxes), "*/20 * * * * *");

    public async Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        var failures = new List<Exception>();
        foreach (var outbox in outboxes)
        {
            try
            {
                foreach (var partition in await outbox.PendingAsync(clock.GetUtcNow() - Settle, cancellationToken))
                {
                    var done = await outbox.DispatchAsync(partition, cancellationToken);
                    logger.Swept(outbox.Name, partition, done);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One outbox whose queue is away must not hold up the others.
                failures.Add(exception);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException(failures);
        }
    }
}

internal static partial class SweepOutboxesLog
{
    [LoggerMessage(LogLevel.Information, "Outbox {Outbox}/{Partition}: {Count} pending side effects carried out by the sweep")]
    public static partial void Swept(this ILogger logger, string outbox, string partition, int count);
}
