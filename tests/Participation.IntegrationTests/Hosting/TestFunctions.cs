using System.Collections.Concurrent;
using Participation.App.Hosting;

namespace Participation.IntegrationTests.Hosting;

public sealed record ProbeMessage(string Text, bool Echo = false);

/// <summary>Records what it was given; with Echo it emits the text to its output binding.</summary>
public sealed class ProbeFunction(FunctionOutputs outputs) : IQueueFunction<ProbeMessage>
{
    public static QueueTrigger Trigger { get; } = new("Probe", "test-probe")
    {
        Outputs = [new QueueOutput("echo", "test-probe-echo")],
    };

    public static ConcurrentQueue<(ProbeMessage Message, QueueMetadata Metadata)> Received { get; } = new();

    public Task HandleAsync(ProbeMessage message, QueueMetadata metadata, CancellationToken cancellationToken)
    {
        Received.Enqueue((message, metadata));
        if (message.Echo)
        {
            outputs.Add("echo", new ProbeMessage("echo:" + message.Text));
        }

        return Task.CompletedTask;
    }
}

/// <summary>Always throws, counting its attempts per message text.</summary>
public sealed class FailingFunction : IQueueFunction<ProbeMessage>
{
    public static QueueTrigger Trigger { get; } = new("AlwaysFails", "test-always-fails");

    public static ConcurrentDictionary<string, int> Attempts { get; } = new();

    public Task HandleAsync(ProbeMessage message, QueueMetadata metadata, CancellationToken cancellationToken)
    {
        Attempts.AddOrUpdate(message.Text, 1, (_, n) => n + 1);
        throw new InvalidOperationException("This function always fails.");
    }
}

/// <summary>Counts its runs; scheduled every second.</summary>
public sealed class TickFunction : ITimerFunction
{
    public static TimerTrigger Trigger { get; } = new("Tick", "* * * * * *");

    public static int Runs;

    public Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Runs);
        return Task.CompletedTask;
    }
}
