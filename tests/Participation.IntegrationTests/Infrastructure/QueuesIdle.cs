using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Participation.App.Hosting;

namespace Participation.IntegrationTests.Infrastructure;

/// <summary>Waits, instead of sleeping, until the app has handled every message of some queues.</summary>
public static class QueuesIdle
{
    /// <summary>Holds once the queues hold no message and none of their listeners is still handling one.</summary>
    public static async Task WaitAsync(IServiceProvider services, params string[] queueNames)
    {
        var queues = services.GetRequiredService<QueueServiceClient>();
        var listeners = services.GetServices<IHostedService>().OfType<StandaloneTriggers>().SelectMany(t => t.QueueListeners)
            .Where(listener => queueNames.Contains(listener.Queue)).ToList();
        Assert.Equal(queueNames.Distinct().Count(), listeners.Count);
        await Eventually.HoldsAsync(async () =>
        {
            foreach (var name in queueNames)
            {
                if ((await queues.GetQueueClient(name).GetPropertiesAsync()).Value.ApproximateMessagesCount > 0) return false;
            }

            return listeners.All(listener => listener.Handling == 0);
        }, $"{string.Join(", ", queueNames)} handled every message");
    }
}
