using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Hosting;
using Participation.IntegrationTests.Hosting;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Storage;

namespace Participation.IntegrationTests.Reliability;

/// <summary>A message that always fails ends in its poison queue; others keep flowing; an admin sees it and puts it back.</summary>
public sealed class PoisonQueueTests
{
    [Fact]
    public async Task A_message_that_always_fails_ends_in_poison_others_keep_flowing_and_an_admin_requeues_it_after_the_fix()
    {
        await using var storage = await Azurite.StartPrivateAsync();
        await using var factory = await new PlatformFactory(storage.ConnectionString,
            new Dictionary<string, string?>
            {
                ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "3",
                ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
                ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.300",
            },
            s => s.AddQueueFunction<BrokenUntilFixedFunction, ProbeMessage>()).StartedAsync();
        var sender = factory.Services.GetRequiredService<QueueSender>();
        var queue = BrokenUntilFixedFunction.Trigger.Queue;
        var doomed = "doomed-" + Guid.NewGuid();
        var fine = Enumerable.Range(0, 10).Select(i => $"fine-{i}-{Guid.NewGuid()}").ToList();
        BrokenUntilFixedFunction.Broken = true;

        await sender.SendAsync(queue, new ProbeMessage(doomed), CancellationToken.None);
        foreach (var text in fine) await sender.SendAsync(queue, new ProbeMessage(text), CancellationToken.None);

        await Eventually.HoldsAsync(() => Task.FromResult(fine.All(BrokenUntilFixedFunction.Handled.ContainsKey)), "every other message is handled");
        var poison = factory.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(PoisonQueue.For(queue));
        await Eventually.HoldsAsync(async () => (await poison.PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString().Contains(doomed)), "the failing message is in the poison queue");
        Assert.Equal(3, BrokenUntilFixedFunction.Attempts[doomed]);

        var admin = await factory.AsAsync("admin-ingrid");
        var resident = await factory.AsAsync("resident-sanne");
        var view = await admin.GetFromJsonAsync<JsonElement>("/api/admin/poison");
        var listed = view.EnumerateArray().Single(q => q.GetProperty("queue").GetString() == PoisonQueue.For(queue));
        Assert.Equal(1, listed.GetProperty("messages").GetInt32());
        Assert.DoesNotContain(doomed, view.GetRawText()); // ids and times, never the content
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsJsonAsync($"/api/admin/poison/{PoisonQueue.For(queue)}/requeue", new { })).StatusCode);
        var unknown = await admin.PostAsJsonAsync("/api/admin/poison/no-such-queue-poison/requeue", new { });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        BrokenUntilFixedFunction.Broken = false;
        var requeue = await admin.PostAsJsonAsync($"/api/admin/poison/{PoisonQueue.For(queue)}/requeue",
            new { messageIds = new[] { listed.GetProperty("newest")[0].GetProperty("id").GetString() } });

        Assert.Equal(HttpStatusCode.OK, requeue.StatusCode);
        Assert.Equal(1, (await requeue.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requeued").GetInt32());
        await Eventually.HoldsAsync(() => Task.FromResult(BrokenUntilFixedFunction.Handled.ContainsKey(doomed)), "the requeued message is handled");
        Assert.Empty((await poison.PeekMessagesAsync(32)).Value);
    }
}
