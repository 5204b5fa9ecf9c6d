using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Participation.App.Demo;

namespace Participation.IntegrationTests.Infrastructure;

/// <summary>
/// The app without queue triggers on an emulator of its own, once the demo seed is written: for a test class that counts
/// what is stored. Only that class writes there, and its tests run one after another, so each counts before and after itself.
/// </summary>
public sealed class PrivatePlatform : IAsyncLifetime
{
    public Azurite Storage { get; private set; } = null!;
    public PlatformFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = await Azurite.StartPrivateAsync();
        Factory = new PlatformFactory(Storage.ConnectionString, new Dictionary<string, string?>
        {
            ["FunctionHost:RunTriggers"] = "false",
            ["RateLimits:submissions:PermitLimit"] = "1000",
        });
        _ = Factory.Server;
        var seeder = Factory.Services.GetServices<IHostedService>().OfType<DemoDataSeeder>().Single();
        await (seeder.ExecuteTask ?? Task.CompletedTask);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
