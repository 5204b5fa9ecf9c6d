using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Participation.App.Hosting;

/// <summary>
/// Standalone stand-in for the Functions host's queue trigger, honouring host.json's queue settings: batches of
/// batchSize, a new batch when fewer than newBatchThreshold are in flight, polling that backs off to maxPollingInterval
/// when the queue is empty, retries after visibilityTimeout, and the poison queue after maxDequeueCount attempts.
/// </summary>
public sealed class QueueListener(
    RegisteredFunction function,
    QueueServiceClient queues,
    FunctionInvoker invoker,
    QueueSender sender,
    StorageInitializer storage,
    IOptions<QueuesOptions> options,
    IOptions<FunctionHostOptions> hostOptions,
    ILogger<QueueListener> logger) : BackgroundService
{
    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);
    // How many times maxDequeueCount a message may be tried while the failures are storage outages.
    private const int OutageAllowance = 4;
    private readonly QueueTrigger trigger = (QueueTrigger)function.Trigger;
    // Cancelled only when shutdown's grace period is over: until then in-flight messages may finish.
    private readonly CancellationTokenSource abandon = new();
    private readonly List<Task> inFlight = [];
    private int handling;

    /// <summary>The queue this listener serves.</summary>
    public string Queue => trigger.Queue;

    /// <summary>Messages received and not yet deleted, retried or poisoned: zero when this listener is idle.</summary>
    public int Handling => Volatile.Read(ref handling);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var queue = queues.GetQueueClient(trigger.Queue);
        var poison = queues.GetQueueClient(PoisonQueue.For(trigger.Queue));
        var delay = MinimumPollingInterval;
        await storage.Ready.WaitAsync(stoppingToken);
        logger.Listening(trigger.Queue, trigger.Name);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                if (inFlight.Count >= settings.EffectiveNewBatchThreshold)
                {
                    await Task.WhenAny(inFlight).WaitAsync(stoppingToken);
                    continue;
                }

                QueueMessage[] messages = await queue.ReceiveMessagesAsync(settings.BatchSize, hostOptions.Value.MessageLease, stoppingToken);
                if (messages.Length == 0)
                {
                    await Task.Delay(delay, stoppingToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(settings.MaxPollingInterval.Ticks, MinimumPollingInterval.Ticks)));
                    continue;
                }

                delay = MinimumPollingInterval;
                Interlocked.Add(ref handling, messages.Length);
                inFlight.AddRange(messages.Select(message => Task.Run(() => ProcessAsync(queue, poison, message, settings), CancellationToken.None)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.PollFailed(exception, trigger.Queue, delay.TotalMilliseconds);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(settings.MaxPollingInterval.Ticks, MinimumPollingInterval.Ticks)));
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Stop fetching first (above), then give in-flight messages the rest of the shutdown time to finish;
        // what does not finish is released so that it is delivered again, never lost.
        using var registration = cancellationToken.Register(abandon.Cancel);
        await Task.WhenAll(inFlight.ToArray()).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public override void Dispose()
    {
        abandon.Dispose();
        base.Dispose();
    }

    private async Task ProcessAsync(QueueClient queue, QueueClient poison, QueueMessage message, QueuesOptions settings)
    {
        var metadata = new QueueMetadata(message.MessageId, message.DequeueCount, message.InsertedOn, message.NextVisibleOn, message.PopReceipt);
        var lease = new Lease(message.PopReceipt, message.NextVisibleOn ?? DateTimeOffset.UtcNow + hostOptions.Value.MessageLease);
        var token = abandon.Token;
        try
        {
            if (message.DequeueCount > settings.MaxDequeueCount * OutageAllowance)
            {
                // Delivered far more often than allowed without a verdict (e.g. the process died mid-way each time): do not try again.
                await MoveToPoisonAsync(queue, poison, message, lease, CancellationToken.None);
                return;
            }

            var envelope = QueueEnvelope.Parse(message.Body.ToString());
            using (var renewing = new CancellationTokenSource())
            {
                var renewal = KeepLeaseAsync(queue, message, lease, renewing.Token);
                try
                {
                    var outputs = await invoker.InvokeQueueAsync(function, envelope, metadata, token);
                    foreach (var (outputQueue, output) in outputs.ByQueue())
                    {
                        await sender.SendEnvelopeAsync(outputQueue, output, CancellationToken.None);
                    }
                }
                finally
                {
                    await renewing.CancelAsync();
                    await renewal;
                }
            }

            await DeleteAsync(queue, message, lease);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            await ReleaseAsync(queue, message, lease);
        }
        catch (Exception failure)
        {
            try
            {
                // A message is poisoned for failing on its own account, not because storage was away for a while: an
                // outage would otherwise use up every message's attempts at once and leave the work to the slow timers.
                var outage = IsTransient(failure);
                if (message.DequeueCount >= settings.MaxDequeueCount * (outage ? OutageAllowance : 1))
                {
                    await MoveToPoisonAsync(queue, poison, message, lease, CancellationToken.None);
                }
                else
                {
                    await RetryLaterAsync(queue, message, lease, settings.VisibilityTimeout);
                }
            }
            catch (Exception exception)
            {
                // Storage stayed away for the whole lease: the message becomes visible again on its own.
                logger.VerdictNotRecorded(exception, message.MessageId, queue.Name);
            }
        }
        finally
        {
            Interlocked.Decrement(ref handling);
        }
    }

    /// <summary>The pop receipt of a message changes with each visibility update; the lease tracks the current one.</summary>
    private sealed class Lease(string popReceipt, DateTimeOffset visibleAgainAt)
    {
        private readonly Lock gate = new();
        private string popReceipt = popReceipt;
        private DateTimeOffset visibleAgainAt = visibleAgainAt;

        public string PopReceipt { get { lock (gate) return popReceipt; } }
        public DateTimeOffset VisibleAgainAt { get { lock (gate) return visibleAgainAt; } }

        public void Renewed(string receipt, DateTimeOffset until)
        {
            lock (gate)
            {
                popReceipt = receipt;
                visibleAgainAt = until;
            }
        }
    }

    /// <summary>
    /// While the handler runs, extends the message's invisibility before it runs out, so that a slow handler is not
    /// joined by a second delivery of the same message (which the Functions host avoids the same way).
    /// </summary>
    private async Task KeepLeaseAsync(QueueClient queue, QueueMessage message, Lease lease, CancellationToken stop)
    {
        var length = hostOptions.Value.MessageLease;
        var every = TimeSpan.FromTicks(Math.Max(length.Ticks / 2, TimeSpan.FromMilliseconds(200).Ticks));
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stop);
                var receipt = await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: length, cancellationToken: stop);
                lease.Renewed(receipt.Value.PopReceipt, receipt.Value.NextVisibleOn);
                logger.LeaseRenewed(message.MessageId, queue.Name, receipt.Value.NextVisibleOn);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Storage may be briefly away: try again at the next tick; the handler goes on regardless.
                logger.LeaseNotRenewed(exception, message.MessageId, queue.Name);
            }
        }
    }

    private async Task DeleteAsync(QueueClient queue, QueueMessage message, Lease lease)
    {
        await UntilLeaseEndsAsync(lease, async () =>
        {
            try
            {
                await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None);
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // Someone else already deleted it, or the lease ran out and it is redelivered: handlers are idempotent.
            }
        });
    }

    private async Task MoveToPoisonAsync(QueueClient queue, QueueClient poison, QueueMessage message, Lease lease, CancellationToken cancellationToken)
    {
        // Send before delete: if we crash between the two, the message is delivered again and poisoned again (at least once).
        await UntilLeaseEndsAsync(lease, () => poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken));
        await DeleteAsync(queue, message, lease);
        logger.MovedToPoison(message.MessageId, queue.Name, message.DequeueCount, poison.Name);
    }

    /// <summary>Makes a failed message visible again after <paramref name="after"/> — the configured retry delay, not the lease.</summary>
    private async Task RetryLaterAsync(QueueClient queue, QueueMessage message, Lease lease, TimeSpan after)
    {
        await UntilLeaseEndsAsync(lease, async () =>
        {
            try
            {
                await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: after);
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 400)
            {
                // The lease ran out meanwhile: the message is already visible again, which is what we wanted.
            }
        });
    }

    /// <summary>
    /// Retries a call on the message while storage is away (the SDK throws AggregateException after its own retries,
    /// RequestFailedException, HttpRequestException or a timeout), until it succeeds or the lease is over anyway.
    /// </summary>
    private async Task UntilLeaseEndsAsync(Lease lease, Func<Task> call)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await call();
                return;
            }
            catch (Exception exception) when (IsTransient(exception) && DateTimeOffset.UtcNow + delay < lease.VisibleAgainAt)
            {
                logger.StorageCallRetried(exception, queueName: trigger.Queue, delay.TotalMilliseconds);
                await Task.Delay(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2_000));
            }
        }
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTransient),
        InvalidOperationException { InnerException: { } inner } => IsTransient(inner),
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or TimeoutException or TaskCanceledException or IOException => true,
        _ => false,
    };

    private async Task ReleaseAsync(QueueClient queue, QueueMessage message, Lease lease)
    {
        await RetryLaterAsync(queue, message, lease, TimeSpan.Zero);
        logger.ReleasedAtShutdown(message.MessageId, queue.Name);
    }
}
