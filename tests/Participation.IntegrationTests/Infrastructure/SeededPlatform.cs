namespace Participation.IntegrationTests.Infrastructure;

/// <summary>
/// The app without queue triggers on the shared emulator, once its reference data is seeded: for a test class whose tests
/// read pages and the API, or make cases of their own, so one app serves all of them.
/// </summary>
public sealed class SeededPlatform : IAsyncLifetime
{
    public PlatformFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(await Azurite.SharedConnectionStringAsync(), new Dictionary<string, string?>
        {
            ["FunctionHost:RunTriggers"] = "false",
            ["RateLimits:submissions:PermitLimit"] = "1000",
        });
        var client = Factory.CreateClient();
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/api/neighbourhoods")).IsSuccessStatusCode, "reference data is seeded");
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
