using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using Participation.Storage;

namespace Participation.Hosting;

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
    private readonly QueueTrigger trigger = (QueueTrigger)function.Trigger;
    // Cancelled only when shutdown's grace period is over: until then in-flight messages may finish.
    private readonly CancellationTokenSource abandon = new();
    private readonly List<Task> inFlight = [];

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
        var token = abandon.Token;
        try
        {
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                // Delivered more often than allowed without a verdict (e.g. the process died mid-way): do not try again.
                await MoveToPoisonAsync(queue, poison, message, CancellationToken.None);
                return;
            }

            var envelope = QueueEnvelope.Parse(message.Body.ToString());
            var outputs = await invoker.InvokeQueueAsync(function, envelope, metadata, token);
            foreach (var (outputQueue, output) in outputs.ByQueue())
            {
                await sender.SendEnvelopeAsync(outputQueue, output, CancellationToken.None);
            }

            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            await ReleaseAsync(queue, message);
        }
        catch (Exception)
        {
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message, CancellationToken.None);
            }
            else
            {
                await RetryLaterAsync(queue, message, settings.VisibilityTimeout);
            }
        }
    }

    private async Task MoveToPoisonAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken cancellationToken)
    {
        // Send before delete: if we crash between the two, the message is delivered again and poisoned again (at least once).
        await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        logger.MovedToPoison(message.MessageId, queue.Name, message.DequeueCount, poison.Name);
    }

    private static async Task RetryLaterAsync(QueueClient queue, QueueMessage message, TimeSpan after)
    {
        try
        {
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: after);
        }
        catch (Azure.RequestFailedException)
        {
            // The lease ran out meanwhile: the message is already visible again, which is what we wanted.
        }
    }

    private async Task ReleaseAsync(QueueClient queue, QueueMessage message)
    {
        await RetryLaterAsync(queue, message, TimeSpan.Zero);
        logger.ReleasedAtShutdown(message.MessageId, queue.Name);
    }
}
