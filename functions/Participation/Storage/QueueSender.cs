using System.Text.Json;
using Azure.Storage.Queues;

namespace Participation.App.Storage;

/// <summary>Puts a message on a queue as a <see cref="QueueEnvelope"/>, carrying the current correlation id.</summary>
public sealed class QueueSender(QueueServiceClient queues)
{
    public Task SendAsync<T>(string queue, T message, CancellationToken cancellationToken) =>
        SendEnvelopeAsync(queue, QueueEnvelope.Wrap(message), cancellationToken);

    public async Task SendEnvelopeAsync(string queue, JsonElement envelope, CancellationToken cancellationToken) =>
        await queues.GetQueueClient(queue).SendMessageAsync(envelope.GetRawText(), cancellationToken);
}
