using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Hosting;
using Participation.IntegrationTests.Hosting;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Storage;

namespace Participation.IntegrationTests.Reliability;

/// <summary>Standalone, the app must do what the Functions host does: send timer outputs, keep long leases, retry after storage was away.</summary>
public sealed class StandaloneHostTests
{
    [Fact]
    public async Task Timer_outputs_are_sent_to_their_queue_when_running_standalone()
    {
        // Private emulators here: these apps run every trigger of the platform, which on the shared one would take other
        // test classes' queue messages.
        await using var storage = await Azurite.StartPrivateAsync();
        await using var factory = await new PlatformFactory(storage.ConnectionString, services: s => s.AddTimerFunction<EmittingTickFunction>()).StartedAsync();
        var queue = factory.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(EmittingTickFunction.Queue);
        var since = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        await Eventually.HoldsAsync(async () => (await queue.PeekMessagesAsync(32)).Value.Any(m =>
            QueueEnvelope.Parse(m.Body.ToString()).Body.GetProperty("text").GetString() is { } text && long.Parse(text["tick:".Length..]) >= since),
            "a message emitted by the timer is on its output queue", TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_handler_slower_than_the_lease_keeps_its_message_and_runs_once()
    {
        await using var storage = await Azurite.StartPrivateAsync();
        await using var factory = await new PlatformFactory(storage.ConnectionString,
            new Dictionary<string, string?>
            {
                // Shorter than the 5 s handler, long enough that a renewal every half lease survives a busy 2-core machine.
                ["FunctionHost:MessageLease"] = "00:00:03",
                ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
            },
            s => s.AddQueueFunction<SlowFunction, ProbeMessage>()).StartedAsync();
        var text = "slow-" + Guid.NewGuid();

        await factory.Services.GetRequiredService<QueueSender>().SendAsync(SlowFunction.Trigger.Queue, new ProbeMessage(text), CancellationToken.None);

        await Eventually.HoldsAsync(() => Task.FromResult(SlowFunction.Finished.ContainsKey(text)), "the slow handler finished");
        await Task.Delay(TimeSpan.FromSeconds(4)); // longer than a lease: a lost message would be delivered again now
        Assert.Equal(1, SlowFunction.Attempts[text]);
        var queue = factory.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(SlowFunction.Trigger.Queue);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_message_that_failed_while_storage_was_away_is_retried_after_the_retry_delay_not_after_the_lease()
    {
        await using var storage = await Azurite.StartPrivateAsync();
        await using var factory = await new PlatformFactory(storage.ConnectionString,
            new Dictionary<string, string?>
            {
                ["FunctionHost:MessageLease"] = "00:03:00",
                ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:01",
                ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.300",
            },
            s => s.AddQueueFunction<FailsOnceFunction, ProbeMessage>()).StartedAsync();
        var text = "flaky-" + Guid.NewGuid();
        await factory.Services.GetRequiredService<QueueSender>().SendAsync(FailsOnceFunction.Trigger.Queue, new ProbeMessage(text), CancellationToken.None);
        await FailsOnceFunction.Started.GetOrAdd(text, _ => new TaskCompletionSource()).Task.WaitAsync(TimeSpan.FromSeconds(30));

        await storage.TerminateAsync();
        FailsOnceFunction.MayFail.GetOrAdd(text, _ => new TaskCompletionSource()).TrySetResult();
        await Task.Delay(TimeSpan.FromSeconds(3)); // the listener's "retry in 1 s" meets a storage that is not there
        await storage.StartAsync();
        var back = DateTimeOffset.UtcNow;

        await Eventually.HoldsAsync(() => Task.FromResult(FailsOnceFunction.SucceededAt.ContainsKey(text)),
            "the message was tried again (the lease alone would keep it away for 3 minutes)", TimeSpan.FromSeconds(45));
        Assert.True(FailsOnceFunction.SucceededAt[text] - back < TimeSpan.FromSeconds(45));
        Assert.Equal(2, FailsOnceFunction.Attempts[text]);
    }
}
