namespace Participation.App.Hosting;

/// <summary>How the Functions host starts a function; one catalogue entry per function.</summary>
public abstract record FunctionTrigger(string Name);

/// <summary>An HTTP function: the host proxies matching requests to the handler as they are.</summary>
public sealed record HttpTrigger(string Name, string Route, IReadOnlyList<string> Methods) : FunctionTrigger(Name);

/// <summary>A queue function: the host (or, standalone, our listener) delivers each message of <paramref name="Queue"/>.</summary>
public sealed record QueueTrigger(string Name, string Queue) : FunctionTrigger(Name)
{
    /// <summary>Queues this function may write to through <see cref="FunctionOutputs"/>.</summary>
    public IReadOnlyList<QueueOutput> Outputs { get; init; } = [];
}

/// <summary>A timer function; <paramref name="Schedule"/> is the six-field NCRONTAB expression Azure Functions uses (seconds first), in UTC.</summary>
public sealed record TimerTrigger(string Name, string Schedule) : FunctionTrigger(Name)
{
    public IReadOnlyList<QueueOutput> Outputs { get; init; } = [];
}

/// <summary>An output binding: messages the function emits under <paramref name="Binding"/> land on <paramref name="Queue"/>.</summary>
public sealed record QueueOutput(string Binding, string Queue);

/// <summary>What the queue told us about a delivery; the names are those of the Functions host's trigger metadata.</summary>
public sealed record QueueMetadata(string Id, long DequeueCount, DateTimeOffset? InsertionTime, DateTimeOffset? NextVisibleTime, string? PopReceipt);

/// <summary>What a timer function is told about the run.</summary>
public sealed record TimerInfo(DateTimeOffset ScheduledFor, bool IsPastDue);

/// <summary>
/// A queue-triggered function. Delivery is at least once: a handler must find its work already done on redelivery.
/// Throwing fails the invocation; the message is retried and, after maxDequeueCount attempts, moved to the poison queue.
/// </summary>
public interface IQueueFunction<in TMessage>
{
    static abstract QueueTrigger Trigger { get; }
    Task HandleAsync(TMessage message, QueueMetadata metadata, CancellationToken cancellationToken);
}

/// <summary>A timer-triggered function. With more than one instance a run may happen twice: make it idempotent.</summary>
public interface ITimerFunction
{
    static abstract TimerTrigger Trigger { get; }
    Task RunAsync(TimerInfo timer, CancellationToken cancellationToken);
}
