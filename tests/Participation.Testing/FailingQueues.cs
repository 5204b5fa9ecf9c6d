using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Participation.Testing;

/// <summary>
/// The real queue client on the real Azurite, except that sending fails while <see cref="Failing"/> is set: a crash or an
/// outage between a stored change and its queue message, on demand. Receiving, deleting and tables are untouched.
/// It also records what was sent, for tests that check what a function queued.
/// </summary>
public sealed class FailingQueues(string connectionString)
    : QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })
{
    private readonly string connectionString = connectionString;

    public volatile bool Failing;
    private int refused;

    public int Refused => Volatile.Read(ref refused);

    /// <summary>Every message sent successfully, in order: queue name and text.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Queue, string Text)> Sent { get; } = new();

    public override QueueClient GetQueueClient(string queueName) => new FailingQueue(connectionString, queueName, this);

    private sealed class FailingQueue(string connectionString, string queueName, FailingQueues owner)
        : QueueClient(connectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })
    {
        public override Task<Response<SendReceipt>> SendMessageAsync(string messageText, CancellationToken cancellationToken = default) =>
            SendMessageAsync(messageText, null, null, cancellationToken);

        public override Task<Response<SendReceipt>> SendMessageAsync(string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
        {
            if (owner.Failing)
            {
                Interlocked.Increment(ref owner.refused);
                throw new RequestFailedException(503, "Injected: the queue service is unavailable.");
            }

            return SentAsync(messageText, base.SendMessageAsync(messageText, visibilityTimeout, timeToLive, cancellationToken));
        }

        public override Task<Response<SendReceipt>> SendMessageAsync(BinaryData message, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
        {
            if (owner.Failing)
            {
                Interlocked.Increment(ref owner.refused);
                throw new RequestFailedException(503, "Injected: the queue service is unavailable.");
            }

            return SentAsync(message.ToString(), base.SendMessageAsync(message, visibilityTimeout, timeToLive, cancellationToken));
        }

        private async Task<Response<SendReceipt>> SentAsync(string text, Task<Response<SendReceipt>> sending)
        {
            var receipt = await sending;
            owner.Sent.Enqueue((Name, text));
            return receipt;
        }
    }
}
