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
}
