namespace Participation.App.Hosting;

/// <summary>Queue function: carries out a partition's outbox rows when doing so right after the change failed.</summary>
public sealed class DispatchOutbox(IEnumerable<Outbox> outboxes) : IQueueFunction<OutboxPending>
{
    public static QueueTrigger Trigger { get; } = new(nameof(DispatchOutbox), Outbox.Queue);

    public async Task HandleAsync(OutboxPending message, QueueMetadata metadata, CancellationToken cancellationToken)
    {
        if (outboxes.FirstOrDefault(o => o.Name == message.Outbox) is { } outbox)
        {
            await outbox.DispatchAsync(message.Partition, cancellationToken);
        }
    }
}
