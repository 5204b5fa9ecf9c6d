using System.Collections.Concurrent;
using Participation.App.Hosting;
using Participation.IntegrationTests.Hosting;

namespace Participation.IntegrationTests.Reliability;

/// <summary>A timer function with an output binding, run every second: standalone, what it emits must reach the queue.</summary>
public sealed class EmittingTickFunction(FunctionOutputs outputs) : ITimerFunction
{
    public const string Queue = "test-timer-emitted";

    public static TimerTrigger Trigger { get; } = new("EmittingTick", "* * * * * *")
    {
        Outputs = [new QueueOutput("emitted", Queue)],
    };

    public Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        outputs.Add("emitted", new ProbeMessage("tick:" + timer.ScheduledFor.ToUnixTimeSeconds()));
        return Task.CompletedTask;
    }
}

/// <summary>Takes <see cref="ProbeMessage.Text"/>'s number of seconds (after "slow:"), counting attempts per text.</summary>
public sealed class SlowFunction : IQueueFunction<ProbeMessage>
{
    public static QueueTrigger Trigger { get; } = new("Slow", "test-slow");

    public static ConcurrentDictionary<string, int> Attempts { get; } = new();
    public static ConcurrentDictionary<string, bool> Finished { get; } = new();

    public async Task HandleAsync(ProbeMessage message, QueueMetadata metadata, CancellationToken cancellationToken)
    {
        Attempts.AddOrUpdate(message.Text, 1, (_, n) => n + 1);
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        Finished[message.Text] = true;
    }
}

/// <summary>
/// Fails its first attempt at a message, but only when the test says so (after it has taken storage away), so that the
/// listener must record the retry while storage is unreachable. Later attempts succeed.
/// </summary>
public sealed class FailsOnceFunction : IQueueFunction<ProbeMessage>
{
    public static QueueTrigger Trigger { get; } = new("FailsOnce", "test-fails-once");

    public static ConcurrentDictionary<string, int> Attempts { get; } = new();
    public static ConcurrentDictionary<string, TaskCompletionSource> Started { get; } = new();
    public static ConcurrentDictionary<string, TaskCompletionSource> MayFail { get; } = new();
    public static ConcurrentDictionary<string, DateTimeOffset> SucceededAt { get; } = new();

    public async Task HandleAsync(ProbeMessage message, QueueMetadata metadata, CancellationToken cancellationToken)
    {
        if (Attempts.AddOrUpdate(message.Text, 1, (_, n) => n + 1) == 1)
        {
            Started.GetOrAdd(message.Text, _ => new TaskCompletionSource()).TrySetResult();
            await MayFail.GetOrAdd(message.Text, _ => new TaskCompletionSource()).Task.WaitAsync(cancellationToken);
            throw new InvalidOperationException("First attempt fails while storage is away.");
        }

        SucceededAt[message.Text] = DateTimeOffset.UtcNow;
    }
}

/// <summary>Fails every attempt while <see cref="Broken"/> is set — a bug that an operator fixes before requeueing.</summary>
public sealed class BrokenUntilFixedFunction : IQueueFunction<ProbeMessage>
{
    public static QueueTrigger Trigger { get; } = new("BrokenUntilFixed", "test-broken-until-fixed");

    public static volatile bool Broken = true;
    public static ConcurrentDictionary<string, int> Attempts { get; } = new();
    public static ConcurrentDictionary<string, bool> Handled { get; } = new();

    public Task HandleAsync(ProbeMessage message, QueueMetadata metadata, CancellationToken cancellationToken)
    {
        Attempts.AddOrUpdate(message.Text, 1, (_, n) => n + 1);
        if (Broken && message.Text.StartsWith("doomed", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Broken until an operator fixes it.");
        }

        Handled[message.Text] = true;
        return Task.CompletedTask;
    }
}
