using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Hosting;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Storage;

namespace Participation.IntegrationTests.Hosting;

/// <summary>The standalone listener against real Azurite, with host.json's queue settings overridden as the host allows.</summary>
public sealed class QueueListenerTests : IAsyncLifetime
{
    private const int MaxDequeueCount = 3;
    private Azurite storage = null!;
    private PlatformFactory factory = null!;
    private QueueServiceClient queues = null!;

    public async Task InitializeAsync()
    {
        // A private emulator: this app runs every trigger of the platform too, and on the shared one it would take
        // other test classes' queue messages (routing their initiatives without their settings).
        storage = await Azurite.StartPrivateAsync();
        factory = new PlatformFactory(
            storage.ConnectionString,
            new Dictionary<string, string?>
            {
                ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = MaxDequeueCount.ToString(),
                ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
                ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.500",
            },
            services => services
                .AddQueueFunction<ProbeFunction, ProbeMessage>()
                .AddQueueFunction<FailingFunction, ProbeMessage>()
                .AddTimerFunction<TickFunction>());
        _ = factory.Server; // starts the host, its listeners and timers
        queues = factory.Services.GetRequiredService<QueueServiceClient>();
        await factory.Services.GetRequiredService<StorageInitializer>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await storage.DisposeAsync();
    }

    [Fact]
    public async Task Failing_message_lands_in_poison_after_max_dequeue_count_while_others_keep_flowing()
    {
        var sender = factory.Services.GetRequiredService<QueueSender>();
        var doomed = "doomed-" + Guid.NewGuid();
        var fine = Enumerable.Range(0, 5).Select(i => $"fine-{i}-{Guid.NewGuid()}").ToList();

        await sender.SendAsync(FailingFunction.Trigger.Queue, new ProbeMessage(doomed), CancellationToken.None);
        foreach (var text in fine)
        {
            await sender.SendAsync(ProbeFunction.Trigger.Queue, new ProbeMessage(text), CancellationToken.None);
        }

        await Eventually.HoldsAsync(() => Task.FromResult(fine.All(t => ProbeFunction.Received.Any(r => r.Message.Text == t))), "every good message is handled");
        var poison = queues.GetQueueClient(PoisonQueue.For(FailingFunction.Trigger.Queue));
        await Eventually.HoldsAsync(async () => (await poison.PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString().Contains(doomed)), "the failing message is in the poison queue");
        Assert.Equal(MaxDequeueCount, FailingFunction.Attempts[doomed]);
        var source = queues.GetQueueClient(FailingFunction.Trigger.Queue);
        Assert.DoesNotContain((await source.PeekMessagesAsync(32)).Value, m => m.Body.ToString().Contains(doomed));
    }

    [Fact]
    public async Task Handler_sees_the_dequeue_count_and_outputs_are_sent_after_success()
    {
        var text = "counted-" + Guid.NewGuid();
        await factory.Services.GetRequiredService<QueueSender>().SendAsync(ProbeFunction.Trigger.Queue, new ProbeMessage(text, Echo: true), CancellationToken.None);

        await Eventually.HoldsAsync(() => Task.FromResult(ProbeFunction.Received.Any(r => r.Message.Text == text)), "the message is handled");
        var (_, metadata) = ProbeFunction.Received.First(r => r.Message.Text == text);
        Assert.Equal(1, metadata.DequeueCount);
        Assert.False(string.IsNullOrEmpty(metadata.Id));
        var echo = queues.GetQueueClient("test-probe-echo");
        await Eventually.HoldsAsync(async () => (await echo.PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString().Contains("echo:" + text)), "the output reached its queue");
    }

    [Fact]
    public async Task Timer_function_runs_on_its_schedule()
    {
        var before = Volatile.Read(ref TickFunction.Runs);

        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref TickFunction.Runs) >= before + 2), "the every-second timer ran twice", TimeSpan.FromSeconds(10));
    }
}
