using Participation.Hosting;
using Participation.Notifications;

namespace Participation.Initiatives;

/// <summary>
/// Something that must happen because a case changed, written as an outbox row in the case's partition in the same
/// entity-group transaction as the change: either both are stored or neither. <see cref="InitiativeStore.DispatchAsync"/>
/// carries it out right after the change; <see cref="DispatchInitiativeOutbox"/> and the sweep in <see cref="ReconcileInitiatives"/>
/// carry out what failed then.
/// </summary>
public sealed record SideEffect(string Kind, string? Queue, string? Payload)
{
    public const string SendToQueue = "queue";
    public const string CloseContact = "close-contact";
    public const string UpdateIndex = "index";

    public static SideEffect Enqueue<T>(string queue, T message) => new(SendToQueue, queue, QueueEnvelope.Wrap(message).GetRawText());

    public static SideEffect Notify(NotificationRequested notification) => Enqueue(SendNotification.Queue, notification);

    public static SideEffect ContactClosed(DateTimeOffset at) => new(CloseContact, null, at.ToString("O"));
}

/// <summary>A case has outbox rows waiting.</summary>
public sealed record OutboxPending(string TrackingCode);

/// <summary>Queue function: carries out a case's outbox rows when doing so right after the change failed.</summary>
public sealed class DispatchInitiativeOutbox(InitiativeStore store) : IQueueFunction<OutboxPending>
{
    public static QueueTrigger Trigger { get; } = new(nameof(DispatchInitiativeOutbox), InitiativeStore.OutboxQueue);

    public Task HandleAsync(OutboxPending message, QueueMetadata metadata, CancellationToken cancellationToken) =>
        store.DispatchAsync(message.TrackingCode, cancellationToken);
}

internal static partial class OutboxLog
{
    [LoggerMessage(LogLevel.Warning, "Side effects of initiative {TrackingCode} could not be carried out at once; a queue function retries them")]
    public static partial void DispatchDeferred(this ILogger logger, Exception exception, string trackingCode);

    [LoggerMessage(LogLevel.Warning, "Side effects of initiative {TrackingCode} wait for the outbox sweep")]
    public static partial void LeftForSweep(this ILogger logger, Exception exception, string trackingCode);

    [LoggerMessage(LogLevel.Error, "Initiative {TrackingCode} has an outbox row of unknown kind {Kind}; it is dropped")]
    public static partial void UnknownEffect(this ILogger logger, string trackingCode, string kind);
}
