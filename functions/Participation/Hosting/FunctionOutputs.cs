using System.Text.Json;

namespace Participation.App.Hosting;

/// <summary>
/// Messages a queue or timer function emits through its declared output bindings during one invocation.
/// Under the Functions host they are returned in the invocation's <c>Outputs</c>; standalone, the listener sends them.
/// Either way they leave only after the function succeeded, so a failed attempt emits nothing.
/// </summary>
public sealed class FunctionOutputs
{
    private readonly Dictionary<string, List<JsonElement>> messages = [];
    private IReadOnlyList<QueueOutput> declared = [];

    internal void Declare(IReadOnlyList<QueueOutput> outputs) => declared = outputs;

    public void Add<T>(string binding, T message)
    {
        if (!declared.Any(o => o.Binding == binding))
        {
            throw new InvalidOperationException($"Output binding '{binding}' is not declared on this function's trigger.");
        }

        var envelope = QueueEnvelope.Wrap(message);
        if (!messages.TryGetValue(binding, out var list))
        {
            messages[binding] = list = [];
        }

        list.Add(envelope);
    }

    internal IReadOnlyDictionary<string, List<JsonElement>> Collected => messages;

    internal IEnumerable<(string Queue, JsonElement Message)> ByQueue() =>
        from pair in messages
        let queue = declared.Single(o => o.Binding == pair.Key).Queue
        from message in pair.Value
        select (queue, message);
}
