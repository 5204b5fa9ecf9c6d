using System.Net;
using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_503_while_storage_is_down_and_200_when_it_is_back_without_restarting_the_app()
    {
        await using var storage = await Azurite.StartPrivateAsync();
        await using var factory = new PlatformFactory(storage.ConnectionString);
        var client = factory.CreateClient();
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK, "healthy at first");

        await storage.StopAsync();
        var down = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("not reachable", await down.Content.ReadAsStringAsync());

        await storage.StartAsync();
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK, "healthy again within 10 s", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Health_is_503_with_the_reason_while_storage_is_frozen_or_terminated_and_the_app_recovers_within_10_s_of_its_return()
    {
        await using var storage = await Azurite.StartPrivateAsync();
        await using var factory = new PlatformFactory(storage.ConnectionString);
        var client = factory.CreateClient();
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK, "healthy at first");

        // Frozen (SIGSTOP): requests hang as in a network partition; the probe gives up within seconds and says why.
        await storage.FreezeAsync();
        try
        {
            var frozen = await client.GetAsync("/api/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, frozen.StatusCode);
            Assert.Contains("not reachable", await frozen.Content.ReadAsStringAsync());
        }
        finally
        {
            await storage.ThawAsync();
        }

        await RecoversAsync(client, "after the freeze");

        // Terminated (SIGTERM) and started again on the same data: the app's clients reconnect by themselves.
        await storage.TerminateAsync();
        var stopped = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stopped.StatusCode);
        Assert.Contains("not reachable", await stopped.Content.ReadAsStringAsync());
        await storage.StartAsync();
        await RecoversAsync(client, "after the restart");
    }

    // Healthy again, and a real read from storage works again: recovered without restarting the app.
    private static async Task RecoversAsync(HttpClient client, string when)
    {
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK, $"healthy within 10 s {when}", TimeSpan.FromSeconds(10));
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/api/initiatives")).StatusCode == HttpStatusCode.OK, $"initiatives listed within 10 s {when}", TimeSpan.FromSeconds(10));
    }
}
